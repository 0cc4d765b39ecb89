using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Documents;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Documents.Files;

/// <summary>The app with a 1 MB file limit, and clients for the Đà Nẵng and Vỹ Dạ secretariats.</summary>
public sealed class FilesOverHttpFixture : IAsyncLifetime
{
    public const long MaxBytes = 1024 * 1024;

    public SteerCoApp App { get; private set; } = null!;

    public HttpClient Danang { get; private set; } = null!;

    public HttpClient VyDa { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await SteerCoApp.StartAsync(settings: new Dictionary<string, string?> { ["Files:MaxBytes"] = MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Danang = await App.SignInAsync(Role.Secretariat, App.Hierarchy.Danang.Id);
        VyDa = await App.SignInAsync(Role.Secretariat, App.Hierarchy.VyDa.Id);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>/api/v1/documents/{id}/files as API clients use it.</summary>
public sealed class DocumentFilesOverHttp(FilesOverHttpFixture fixture) : IClassFixture<FilesOverHttpFixture>
{
    private SteerCoApp App => fixture.App;

    private static string Files(int documentId) => $"/api/v1/documents/{documentId}/files";

    [Fact]
    public async Task An_uploaded_docx_downloads_with_its_vietnamese_name_type_hash_and_bytes()
    {
        var documentId = await TestFiles.RegisterDocumentAsync(App, App.Hierarchy.Danang.Id);
        var docx = TestFiles.Docx("Kế hoạch kiện toàn Ban Chỉ đạo");

        var upload = await fixture.Danang.PostAsync(Files(documentId), TestFiles.Form(docx, "Kế hoạch số 12.docx", "application/octet-stream"));
        await upload.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var file = await upload.ReadJsonAsync<DocumentFileView>();
        var download = await fixture.Danang.GetAsync(upload.Headers.Location!.ToString());

        await download.ShouldHaveStatusAsync(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        var disposition = download.Content.Headers.ContentDisposition!;
        disposition.DispositionType.ShouldBe("attachment");
        disposition.FileNameStar.ShouldBe("Kế hoạch số 12.docx");
        download.Content.Headers.GetValues("Content-Disposition").Single().ShouldContain("filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%20s%E1%BB%91%2012.docx");
        download.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        download.Headers.ETag!.Tag.ShouldBe($"\"{file.Sha256}\"");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(docx);
        var list = await fixture.Danang.GetJsonAsync<List<DocumentFileView>>(Files(documentId));
        list.Single().FileName.ShouldBe("Kế hoạch số 12.docx");
    }

    [Fact]
    public async Task A_download_the_client_already_has_is_not_sent_again()
    {
        var documentId = await TestFiles.RegisterDocumentAsync(App, App.Hierarchy.Danang.Id);
        var upload = await fixture.Danang.PostAsync(Files(documentId), TestFiles.Form(TestFiles.Png(), "Ảnh.png"));
        var file = await upload.ReadJsonAsync<DocumentFileView>();
        using var request = new HttpRequestMessage(HttpMethod.Get, upload.Headers.Location);
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{file.Sha256}\""));

        var again = await fixture.Danang.SendAsync(request);

        again.StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task A_program_renamed_pdf_is_refused_in_vietnamese_and_in_english()
    {
        var documentId = await TestFiles.RegisterDocumentAsync(App, App.Hierarchy.Danang.Id);

        var vietnamese = await fixture.Danang.PostAsync(Files(documentId), TestFiles.Form(TestFiles.Exe(), "Báo cáo.pdf"));
        using var request = new HttpRequestMessage(HttpMethod.Post, Files(documentId)) { Content = TestFiles.Form(TestFiles.Exe(), "Báo cáo.pdf") };
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den-GB%7Cuic%3Den");
        var english = await fixture.Danang.SendAsync(request);

        await vietnamese.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await vietnamese.ReadProblemAsync()).ErrorsFor("file").ShouldBe(["Tên tệp 'Báo cáo.pdf' ghi là PDF nhưng nội dung không phải là tệp PDF: không nhận tệp này."]);
        (await english.ReadProblemAsync()).ErrorsFor("file").ShouldBe(["The file name 'Báo cáo.pdf' says PDF, but the content is not a PDF file: the file was refused."]);
        (await fixture.Danang.GetJsonAsync<List<DocumentFileView>>(Files(documentId))).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_request_without_a_file_is_asked_for_one()
    {
        var documentId = await TestFiles.RegisterDocumentAsync(App, App.Hierarchy.Danang.Id);

        var response = await fixture.Danang.PostAsync(Files(documentId), new MultipartFormDataContent { { new StringContent("x"), "note" } });

        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).ErrorsFor("file").ShouldBe(["Chọn tệp để tải lên."]);
    }

    [Fact]
    public async Task A_2_GB_upload_is_refused_before_it_is_read_and_nothing_is_stored()
    {
        var documentId = await TestFiles.RegisterDocumentAsync(App, App.Hierarchy.Danang.Id);
        var body = new EndlessContent(2L * 1024 * 1024 * 1024);
        var clock = Stopwatch.StartNew();

        var response = await fixture.Danang.PostAsync(Files(documentId), body);

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        await response.ShouldHaveStatusAsync(HttpStatusCode.RequestEntityTooLarge);
        (await response.ReadProblemAsync()).GetProperty("title").GetString().ShouldBe("Tệp quá lớn: mỗi tệp tối đa 1 MB.");
        body.Sent.ShouldBeLessThan(64L * 1024 * 1024, "the body was not read to the end");
        await NothingStoredAsync(documentId);
    }

    [Fact]
    public async Task An_upload_past_the_limit_without_a_length_is_cut_off_at_the_limit_and_nothing_is_stored()
    {
        var documentId = await TestFiles.RegisterDocumentAsync(App, App.Hierarchy.Danang.Id);
        var pdf = TestFiles.Pdf("x").Concat(new byte[FilesOverHttpFixture.MaxBytes]).ToArray();
        var file = new StreamContent(new MemoryStream(pdf));
        var form = new MultipartFormDataContent { { file, "file", "Lớn.pdf" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, Files(documentId)) { Content = form };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den-GB%7Cuic%3Den");

        var response = await fixture.Danang.SendAsync(request);

        await response.ShouldHaveStatusAsync(HttpStatusCode.RequestEntityTooLarge);
        (await response.ReadProblemAsync()).GetProperty("title").GetString().ShouldBe("The file is too large: each file may be at most 1 MB.");
        await NothingStoredAsync(documentId);
    }

    [Fact]
    public async Task Another_communes_secretariat_gets_404_for_every_file_route()
    {
        var h = App.Hierarchy;
        var documentId = await TestFiles.RegisterDocumentAsync(App, h.HaiChau.Id);
        await using (var scope = App.ServiceScope())
        {
            await scope.Get<SteerCo.Documents.Files.DocumentFiles>().AddAsync(scope.Actor, documentId, "Ảnh.png", new MemoryStream(TestFiles.Png()));
        }
        var fileId = (await fixture.Danang.GetJsonAsync<List<DocumentFileView>>(Files(documentId))).Single().Id;

        var responses = new[]
        {
            await fixture.VyDa.GetAsync(Files(documentId)),
            await fixture.VyDa.GetAsync($"{Files(documentId)}/{fileId}"),
            await fixture.VyDa.PostAsync(Files(documentId), TestFiles.Form(TestFiles.Png(), "x.png")),
            await fixture.VyDa.DeleteAsync($"{Files(documentId)}/{fileId}?version=1"),
        };

        responses.Select(r => r.StatusCode).ShouldAllBe(s => s == HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_deleted_file_is_gone_from_the_list_and_the_download()
    {
        var documentId = await TestFiles.RegisterDocumentAsync(App, App.Hierarchy.Danang.Id);
        var upload = await fixture.Danang.PostAsync(Files(documentId), TestFiles.Form(TestFiles.Pdf("Xoa"), "Xóa.pdf"));
        var location = upload.Headers.Location!.ToString();
        await using var scope = App.ServiceScope();
        var version = await scope.Db.Documents.Where(d => d.Id == documentId).Select(d => d.Version).SingleAsync();

        var withoutVersion = await fixture.Danang.DeleteAsync(location);
        var deleted = await fixture.Danang.DeleteAsync($"{location}?version={version}");

        await withoutVersion.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        await deleted.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        (await fixture.Danang.GetAsync(location)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await fixture.Danang.GetJsonAsync<List<DocumentFileView>>(Files(documentId))).ShouldBeEmpty();
        (await fixture.Danang.DeleteAsync($"{location}?version={version + 1}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task NothingStoredAsync(int documentId)
    {
        await using var scope = App.ServiceScope();
        (await scope.Db.DocumentFiles.CountAsync(f => f.DocumentId == documentId)).ShouldBe(0);
        TestFiles.TempFiles(App.FilesFolder).ShouldBeEmpty();
    }

    /// <summary>A multipart body that says it is <paramref name="length"/> bytes long and makes them up as it is read.</summary>
    private sealed class EndlessContent : HttpContent
    {
        private readonly long _length;

        public EndlessContent(long length)
        {
            _length = length;
            Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b0undary");
            Headers.ContentLength = length;
        }

        public long Sent { get; private set; }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var head = "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n"u8.ToArray();
            await stream.WriteAsync(head);
            Sent = head.Length;
            var chunk = new byte[1024 * 1024];
            while (Sent < _length)
            {
                var count = (int)Math.Min(chunk.Length, _length - Sent);
                await stream.WriteAsync(chunk.AsMemory(0, count));
                Sent += count;
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _length;
            return true;
        }
    }
}
