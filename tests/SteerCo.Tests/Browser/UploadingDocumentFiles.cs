using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SteerCo.Access;
using SteerCo.Documents;
using SteerCo.Documents.Files;
using SteerCo.Tests.Documents.Files;

namespace SteerCo.Tests.Browser;

/// <summary>The files of a document on its page: uploading, a refused file, deleting, a stale delete, a viewer, a phone.</summary>
[Trait("Category", "Browser")]
[Collection(BrowserHost.Collection)]
public sealed class UploadingDocumentFiles(BrowserHost host) : IClassFixture<BrowserHost>
{
    private async Task<int> RegisterAsync(string subject = "Công văn về việc chuẩn bị phương án ứng phó bão số 3")
    {
        var input = new DocumentInput(
            DocumentDirection.Incoming, null, $"{Random.Shared.Next(1000, 9999)}/UBND-KT", false, null, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 3),
            IssuerKind.Outside, null, null, "Ủy ban nhân dân thành phố Đà Nẵng", subject, null, SigningAuthority.None, null, null, null, DocumentVisibility.Committee);
        await using var scope = host.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<DocumentRegister>().RegisterAsync(Actor.System(), await host.CommitteeOfUnitAsync("48"), input);
        result.IsOk.ShouldBeTrue(string.Join("; ", result.Problems.Select(p => p.Message)));
        return result.Value!.Id;
    }

    private async Task AddFileAsync(int documentId, string fileName, byte[] content)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var added = await scope.ServiceProvider.GetRequiredService<DocumentFiles>().AddAsync(Actor.System(), documentId, fileName, new MemoryStream(content));
        added.IsOk.ShouldBeTrue(string.Join("; ", added.Problems.Select(p => p.Message)));
    }

    private static ILocator FileItems(IPage page) => page.Locator("#files ul.files li");

    [Fact]
    public async Task A_secretariat_uploads_a_pdf_and_sees_it_listed_with_its_size_and_downloads_it()
    {
        var documentId = await RegisterAsync();
        var pdf = TestFiles.Pdf("Phuong an ung pho bao " + new string('x', 2000));
        var page = await host.SignInAsync("thuky.danang");
        await page.GotoAsync($"/Documents/Details/{documentId}");
        await Assertions.Expect(page.Locator("#upload-hint")).ToHaveTextAsync("Nhận tệp PDF, DOCX, XLSX, PNG, JPEG; mỗi tệp tối đa 50 MB.");

        await page.Locator("form.upload input[type=file]").SetInputFilesAsync(new FilePayload { Name = "Phương án ứng phó.pdf", MimeType = "application/pdf", Buffer = pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "Tải lên" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã tải lên tệp Phương án ứng phó.pdf.");
        await Assertions.Expect(FileItems(page)).ToHaveCountAsync(1);
        await Assertions.Expect(FileItems(page)).ToContainTextAsync($"({pdf.Length / 1024.0:0.#} KB".Replace('.', ','));
        var download = await page.RunAndWaitForDownloadAsync(() => FileItems(page).GetByRole(AriaRole.Link, new() { Name = "Phương án ứng phó.pdf" }).ClickAsync());
        download.SuggestedFilename.ShouldBe("Phương án ứng phó.pdf");
        (await File.ReadAllBytesAsync((await download.PathAsync())!)).ShouldBe(pdf);
        await BrowserHost.ScreenshotAsync(page, "document-file-uploaded");
    }

    [Fact]
    public async Task A_text_file_named_pdf_is_refused_in_vietnamese_above_the_form_and_nothing_is_added()
    {
        var documentId = await RegisterAsync();
        var page = await host.SignInAsync("thuky.danang");
        await page.GotoAsync($"/Documents/Details/{documentId}");

        await page.Locator("form.upload input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "Báo cáo.pdf",
            MimeType = "application/pdf",
            Buffer = Encoding.UTF8.GetBytes("Đây chỉ là văn bản thuần, không phải tệp PDF."),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Tải lên" }).ClickAsync();

        await Assertions.Expect(page.Locator("#files .upload-error")).ToHaveTextAsync("Tên tệp 'Báo cáo.pdf' ghi là PDF nhưng nội dung không phải là tệp PDF: không nhận tệp này.");
        await Assertions.Expect(page.Locator("#files-heading")).ToHaveTextAsync("Tệp đính kèm (0)");
        await Assertions.Expect(FileItems(page)).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#files")).ToContainTextAsync("Chưa có tệp đính kèm.");
    }

    [Fact]
    public async Task A_secretariat_deletes_a_file_after_confirming()
    {
        var documentId = await RegisterAsync();
        await AddFileAsync(documentId, "Bỏ đi.pdf", TestFiles.Pdf("Bo di " + Guid.NewGuid()));
        await AddFileAsync(documentId, "Giữ lại.png", TestFiles.Png());
        var page = await host.SignInAsync("thuky.danang");
        await page.GotoAsync($"/Documents/Details/{documentId}");
        string? asked = null;
        page.Dialog += (_, dialog) =>
        {
            asked = dialog.Message;
            dialog.AcceptAsync();
        };

        await page.GetByRole(AriaRole.Button, new() { Name = "Xóa tệp Bỏ đi.pdf" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã xóa tệp.");
        asked.ShouldBe("Xóa tệp Bỏ đi.pdf khỏi văn bản?");
        await Assertions.Expect(FileItems(page)).ToHaveCountAsync(1);
        await Assertions.Expect(FileItems(page)).ToContainTextAsync("Giữ lại.png");
    }

    [Fact]
    public async Task Deleting_a_file_from_a_page_that_went_stale_is_refused_with_the_stale_edit_message()
    {
        var documentId = await RegisterAsync();
        await AddFileAsync(documentId, "Cũ.pdf", TestFiles.Pdf("Cu " + Guid.NewGuid()));
        var page = await host.SignInAsync("thuky.danang");
        await page.GotoAsync($"/Documents/Details/{documentId}");
        // Meanwhile another clerk adds a file: the document's version moves.
        await AddFileAsync(documentId, "Mới.pdf", TestFiles.Pdf("Moi " + Guid.NewGuid()));
        page.Dialog += (_, dialog) => dialog.AcceptAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Xóa tệp Cũ.pdf" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("Bản ghi đã được người khác sửa");
        await Assertions.Expect(FileItems(page)).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task A_viewer_sees_the_files_but_no_upload_form_and_no_delete_buttons()
    {
        var documentId = await RegisterAsync();
        await AddFileAsync(documentId, "Kế hoạch.pdf", TestFiles.Pdf("Ke hoach " + Guid.NewGuid()));
        var page = await host.SignInAsync("xem.danang");

        await page.GotoAsync($"/Documents/Details/{documentId}");

        await Assertions.Expect(FileItems(page).GetByRole(AriaRole.Link, new() { Name = "Kế hoạch.pdf" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("form.upload")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#files button")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_files_and_the_upload_form_fit_a_phone_screen()
    {
        var documentId = await RegisterAsync();
        await AddFileAsync(documentId, "Báo_cáo_tổng_hợp_kết_quả_thực_hiện_nhiệm_vụ_phòng_chống_thiên_tai_và_tìm_kiếm_cứu_nạn_năm_2026_của_các_phường.pdf", TestFiles.Pdf("Bao cao " + Guid.NewGuid()));
        var page = await host.SignInAsync("thuky.danang", phone: true);

        await page.GotoAsync($"/Documents/Details/{documentId}");
        await page.Locator("form.upload").ScrollIntoViewIfNeededAsync();

        await Assertions.Expect(page.Locator("form.upload input[type=file]")).ToBeVisibleAsync();
        // Against the screen, not the layout viewport: a phone widens that to fit what overflows.
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - screen.width");
        overflow.ShouldBeLessThanOrEqualTo(0);
        await BrowserHost.ScreenshotAsync(page, "phone-document-files");
    }
}
