using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Tests.Documents.Files;
using SteerCo.Tests.Support;
using SteerCo.Tests.WorkItems;

namespace SteerCo.Tests.Api;

/// <summary>
/// Bodies an endpoint reads by hand (a progress report as JSON or as a form, a file part streamed
/// to the store) are refused as the bound ones are: a 400 that says what is wrong, in the reader's
/// language, and nothing written. Never a 500, never "the file is too large" for a form that is
/// only broken.
/// </summary>
public sealed class RefusingBrokenBodies(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private const string Unreadable = "Biểu mẫu gửi lên không đọc được: thiếu ranh giới (boundary) hoặc bị cắt giữa chừng. Hãy gửi lại.";

    private static DateOnly Today => WorkData.Today;

    private static StringContent Raw(string body, string contentType)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    [Fact]
    public async Task A_progress_report_that_is_not_json_or_has_a_wrong_value_is_named_and_the_task_is_unchanged()
    {
        var branch = await WorkData.BranchAsync(app, "Ngũ Hành Sơn", communes: 0);
        var item = await WorkData.ItemAsync(app, branch.Province, branch.Lead, Today.AddDays(5));
        var member = await app.SignInAsync(Role.Member, branch.Province.Id, branch.Lead.Id);
        var url = $"/api/v1/work-items/{item.Id}/progress";

        var notJson = await member.PostAsync(url, Raw("{bad json", "application/json"));
        var empty = await member.PostAsync(url, Raw("", "application/json"));
        var words = await member.PostAsync(url, Raw($$"""{"text": "Đã kiểm tra", "percent": "sáu mươi", "version": {{item.Version}}}""", "application/json"));
        var noDate = await member.PostAsync(url, Raw($$"""{"on": "2026-02-31", "text": "Đã kiểm tra", "percent": 60, "version": {{item.Version}}}""", "application/json"));
        var plain = await member.PostAsync(url, Raw("Đã kiểm tra 60%", "text/plain"));

        await notJson.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await notJson.ReadProblemAsync()).GetProperty("detail").GetString().ShouldBe("Nội dung gửi lên không phải JSON hợp lệ (dòng 1, byte thứ 2 của dòng).");
        await empty.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        await words.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await words.ReadProblemAsync()).ErrorsFor("percent").ShouldBe(["Cần một số."]);
        await noDate.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await noDate.ReadProblemAsync()).ErrorsFor("on").ShouldBe(["Ngày không hợp lệ: cần một ngày có thật, viết theo dạng yyyy-MM-dd (ví dụ 2026-03-31)."]);
        await plain.ShouldHaveStatusAsync(HttpStatusCode.UnsupportedMediaType);
        var unchanged = await WorkData.GetAsync(app, item.Id);
        (unchanged.Version, unchanged.Percent, unchanged.Updates.Count).ShouldBe((item.Version, 0, 0));
    }

    [Fact]
    public async Task A_progress_form_cut_short_or_without_a_boundary_is_a_400_that_says_so_not_a_500_or_a_413()
    {
        var branch = await WorkData.BranchAsync(app, "Cẩm Lệ", communes: 0);
        var item = await WorkData.ItemAsync(app, branch.Province, branch.Lead, Today.AddDays(5));
        var member = await app.SignInAsync(Role.Member, branch.Province.Id, branch.Lead.Id);
        var url = $"/api/v1/work-items/{item.Id}/progress";
        var attachments = await CountAsync(db => db.Attachments);

        var cut = await member.PostAsync(url, Raw($"--x\r\nContent-Disposition: form-data; name=\"version\"\r\n\r\n{item.Version}", "multipart/form-data; boundary=x"));
        var noBoundary = await member.PostAsync(url, Raw("garbage", "multipart/form-data"));

        foreach (var response in new[] { cut, noBoundary })
        {
            await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
            (await response.ReadProblemAsync()).GetProperty("detail").GetString().ShouldBe(Unreadable);
        }
        var unchanged = await WorkData.GetAsync(app, item.Id);
        (unchanged.Version, unchanged.Updates.Count).ShouldBe((item.Version, 0));
        (await CountAsync(db => db.Attachments)).ShouldBe(attachments);
    }

    [Fact]
    public async Task A_file_cut_short_inside_its_part_is_refused_in_english_too_and_nothing_is_stored()
    {
        var documentId = await TestFiles.RegisterDocumentAsync(app, app.Hierarchy.Danang.Id);
        var secretariat = await app.SignInAsync(Role.Secretariat, app.Hierarchy.Danang.Id);
        var files = await CountAsync(db => db.DocumentFiles);
        var stored = StoredFiles();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/documents/{documentId}/files")
        {
            Content = Raw("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"Ke hoach.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n1 0 obj << /Type /Catalog >>", "multipart/form-data; boundary=x"),
        };
        request.Headers.Add("Cookie", $"{Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.DefaultCookieName}={Uri.EscapeDataString(Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.MakeCookieValue(new("en-GB", "en")))}");

        var response = await secretariat.SendAsync(request);

        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).GetProperty("detail").GetString().ShouldBe("The form sent cannot be read: it has no boundary or it is cut short. Send it again.");
        (await CountAsync(db => db.DocumentFiles)).ShouldBe(files);
        StoredFiles().ShouldBe(stored);
    }

    private string[] StoredFiles() =>
        Directory.Exists(app.FilesFolder) ? [.. Directory.EnumerateFiles(app.FilesFolder, "*", SearchOption.AllDirectories).Order()] : [];

    private async Task<int> CountAsync<T>(Func<SteerCo.Data.SteerCoDbContext, IQueryable<T>> set)
    {
        await using var scope = app.ServiceScope();
        return await set(scope.Db).CountAsync();
    }
}
