using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Documents.Files;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Documents.Files;

/// <summary>The document page's upload handler over HTTP, as a browser posts it, with the 1 MB limit of <see cref="FilesOverHttpFixture"/>.</summary>
public sealed partial class UploadingOnTheDocumentPage(FilesOverHttpFixture fixture) : IClassFixture<FilesOverHttpFixture>
{
    private SteerCoApp App => fixture.App;

    /// <summary>A browser-like client signed in through the login page, with its cookies.</summary>
    private async Task<HttpClient> SignInWithCookiesAsync(int? committeeId = null) =>
        (await App.SignInToPagesAsync(Role.Secretariat, committeeId ?? App.Hierarchy.Danang.Id)).Http;

    private static string TokenIn(string html) => PageClient.TokenIn(html);

    /// <summary>The form as the page's upload form sends it: the token first (when given), then the file.</summary>
    private static MultipartFormDataContent Upload(string? token, byte[] content, string fileName)
    {
        var form = new MultipartFormDataContent();
        if (token is not null)
        {
            form.Add(new StringContent(token), "__RequestVerificationToken");
        }
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        return form;
    }

    private async Task<(int Files, int Blobs)> StoredAsync(int documentId)
    {
        await using var scope = App.ServiceScope();
        return (await scope.Db.DocumentFiles.CountAsync(f => f.DocumentId == documentId), scope.Get<IFileStore>().List().Count());
    }

    [Fact]
    public async Task An_upload_with_the_token_before_the_file_is_stored_and_the_page_shows_it()
    {
        var documentId = await TestFiles.RegisterDocumentAsync(App, App.Hierarchy.Danang.Id);
        var client = await SignInWithCookiesAsync();
        var token = TokenIn(await client.GetStringAsync($"/Documents/Details/{documentId}"));

        var pdf = TestFiles.Pdf("Trang " + Guid.NewGuid());

        var posted = await client.PostAsync($"/Documents/Details/{documentId}?handler=Upload", Upload(token, pdf, "Kế hoạch.pdf"));

        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        posted.Headers.Location!.OriginalString.ShouldBe($"/Documents/Details/{documentId}#files");
        (await StoredAsync(documentId)).Files.ShouldBe(1);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/Documents/Details/{documentId}"));
        var link = DownloadLink().Match(page).Groups[1].Value;
        link.ShouldStartWith($"/Documents/Details/{documentId}?handler=File&fileId=");
        var download = await client.GetAsync(link);
        await download.ShouldHaveStatusAsync(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        download.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("Kế hoạch.pdf");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(pdf);
        var other = await SignInWithCookiesAsync(App.Hierarchy.VyDa.Id);
        (await other.GetAsync(link)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_upload_without_the_token_is_refused_and_nothing_is_stored()
    {
        var documentId = await TestFiles.RegisterDocumentAsync(App, App.Hierarchy.Danang.Id);
        var client = await SignInWithCookiesAsync();
        await client.GetStringAsync($"/Documents/Details/{documentId}");
        var before = await StoredAsync(documentId);

        var posted = await client.PostAsync($"/Documents/Details/{documentId}?handler=Upload", Upload(null, TestFiles.Pdf("Khong token " + Guid.NewGuid()), "Giả mạo.pdf"));

        posted.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await StoredAsync(documentId)).ShouldBe(before with { Files = 0 });
    }

    [Fact]
    public async Task A_file_past_the_limit_is_explained_on_the_page_and_nothing_is_stored()
    {
        var documentId = await TestFiles.RegisterDocumentAsync(App, App.Hierarchy.Danang.Id);
        var client = await SignInWithCookiesAsync();
        var token = TokenIn(await client.GetStringAsync($"/Documents/Details/{documentId}"));
        var before = await StoredAsync(documentId);
        var large = new byte[FilesOverHttpFixture.MaxBytes + 200 * 1024];
        TestFiles.Pdf("x").CopyTo(large, 0);

        var posted = await client.PostAsync($"/Documents/Details/{documentId}?handler=Upload", Upload(token, large, "Lớn.pdf"));

        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync()).ShouldContain("Tệp quá lớn: mỗi tệp tối đa 1 MB.");
        (await StoredAsync(documentId)).ShouldBe(before with { Files = 0 });
    }

    [Fact]
    public async Task A_request_that_says_it_is_far_past_the_limit_is_answered_413_unread()
    {
        var documentId = await TestFiles.RegisterDocumentAsync(App, App.Hierarchy.Danang.Id);
        var client = await SignInWithCookiesAsync();
        var token = TokenIn(await client.GetStringAsync($"/Documents/Details/{documentId}"));

        var posted = await client.PostAsync($"/Documents/Details/{documentId}?handler=Upload", Upload(token, new byte[3 * FilesOverHttpFixture.MaxBytes], "Rất lớn.pdf"));

        posted.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await StoredAsync(documentId)).Files.ShouldBe(0);
    }

    [GeneratedRegex("<a href=\"([^\"]+)\" download>Kế hoạch.pdf</a>")]
    private static partial Regex DownloadLink();
}
