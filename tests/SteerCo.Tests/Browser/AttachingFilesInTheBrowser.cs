using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SteerCo.Access;
using SteerCo.Data;
using SteerCo.Reporting;
using SteerCo.Tests.Documents.Files;
using SteerCo.Tests.Reporting;
using SteerCo.Tests.Support;
using SteerCo.WorkItems;

namespace SteerCo.Tests.Browser;

/// <summary>Files on the demo's pages: a member's progress report with a PDF; a commune's draft report with a file the province then reads.</summary>
[Trait("Category", "Browser")]
[Collection(BrowserHost.Collection)]
public sealed class AttachingFilesInTheBrowser(BrowserHost host) : IClassFixture<BrowserHost>
{
    private static DateOnly Today => TestClock.Today;

    private static ILocator FlashOf(IPage page) => page.GetByRole(AriaRole.Status);

    /// <summary>A task of Đà Nẵng led by the agency of the demo member thanhvien.danang.</summary>
    private async Task<int> TaskOfTheMembersAgencyAsync()
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SteerCoDbContext>();
        var agency = await db.Users.Where(u => u.UserName == "thanhvien.danang").Select(u => u.AgencyId!.Value).SingleAsync();
        var created = await scope.ServiceProvider.GetRequiredService<WorkItemService>().CreateAsync(Actor.System(), await host.CommitteeOfUnitAsync("48"),
            new WorkItemInput("Kiểm tra các tuyến đê xung yếu", null, agency, null, Today.AddDays(30), false));
        created.IsOk.ShouldBeTrue(string.Join("; ", created.Problems.Select(p => p.Message)));
        return created.Value!.Id;
    }

    [Fact]
    public async Task A_member_reports_progress_with_a_pdf_and_downloads_it_from_the_history()
    {
        var taskId = await TaskOfTheMembersAgencyAsync();
        var pdf = TestFiles.Pdf("Bien ban kiem tra de " + Guid.NewGuid());
        var member = await host.SignInAsync("thanhvien.danang");
        await member.GotoAsync($"/Work/Details/{taskId}");

        await member.GetByLabel("Kết quả thực hiện").FillAsync("Đã kiểm tra 3/5 tuyến đê, biên bản kèm theo.");
        await member.GetByLabel("Tiến độ (%)").FillAsync("60");
        await member.Locator("input[name=Attachments]").SetInputFilesAsync(new FilePayload { Name = "Biên bản kiểm tra đê.pdf", MimeType = "application/pdf", Buffer = pdf });
        await member.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();

        await Assertions.Expect(FlashOf(member)).ToHaveTextAsync("Đã gửi báo cáo tiến độ.");
        var link = member.Locator(".history").GetByRole(AriaRole.Link, new() { Name = "Biên bản kiểm tra đê.pdf" });
        await Assertions.Expect(link).ToHaveCountAsync(1);
        var download = await member.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        download.SuggestedFilename.ShouldBe("Biên bản kiểm tra đê.pdf");
        (await File.ReadAllBytesAsync((await download.PathAsync())!)).ShouldBe(pdf);
    }

    [Fact]
    public async Task A_mislabelled_file_is_refused_beside_the_file_input_and_no_report_is_made()
    {
        var taskId = await TaskOfTheMembersAgencyAsync();
        var member = await host.SignInAsync("thanhvien.danang");
        await member.GotoAsync($"/Work/Details/{taskId}");

        await member.GetByLabel("Kết quả thực hiện").FillAsync("Đã kiểm tra.");
        await member.GetByLabel("Tiến độ (%)").FillAsync("40");
        await member.Locator("input[name=Attachments]").SetInputFilesAsync(new FilePayload { Name = "Ảnh đê.pdf", MimeType = "application/pdf", Buffer = TestFiles.Png() });
        await member.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();

        await Assertions.Expect(member.Locator("form[enctype='multipart/form-data']")).ToContainTextAsync("Tên tệp 'Ảnh đê.pdf' ghi là PDF nhưng nội dung là tệp PNG.");
        await member.GotoAsync($"/Work/Details/{taskId}");
        await Assertions.Expect(member.Locator(".history li")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_commune_attaches_a_file_to_its_draft_and_the_province_reads_it_once_submitted()
    {
        int submissionId;
        using (var scope = host.Services.CreateScope())
        {
            var danang = await host.CommitteeOfUnitAsync("48");
            var template = (await scope.ServiceProvider.GetRequiredService<ReportTemplates>().CreateAsync(Actor.System(), danang, ReportingData.Template("Báo cáo nhanh tình hình mưa lũ"))).Ok();
            var request = (await scope.ServiceProvider.GetRequiredService<ReportRequests>().CreateAsync(Actor.System(), danang,
                new RequestInput(null, template.Id, null, ReportKind.Periodic, PeriodKind.Quarter, Today.Year, 4, null, null))).Ok();
            var haichau = await host.CommitteeOfUnitAsync("20242");
            submissionId = request.Submissions.Single(s => s.CommitteeId == haichau).Id;
        }
        var pdf = TestFiles.Pdf("Danh sach ho so tan " + Guid.NewGuid());
        var commune = await host.SignInAsync("thuky.haichau");
        commune.Dialog += (_, dialog) => dialog.AcceptAsync();
        await commune.GotoAsync($"/Reporting/Submission/{submissionId}");

        await commune.Locator("#attachments input[name=Attachments]").SetInputFilesAsync(new FilePayload { Name = "Danh sách hộ sơ tán.pdf", MimeType = "application/pdf", Buffer = pdf });
        await commune.GetByRole(AriaRole.Button, new() { Name = "Đính kèm", Exact = true }).ClickAsync();
        await Assertions.Expect(FlashOf(commune)).ToHaveTextAsync("Đã đính kèm tệp.");
        await Assertions.Expect(commune.Locator("#attachments-heading")).ToHaveTextAsync("Tệp đính kèm (1)");
        await commune.Locator("[name='Values[HO]']").FillAsync("120");
        await commune.Locator("[name='Values[HO_CAN]']").FillAsync("150");
        await commune.Locator("[name='Values[NHATRU]']").FillAsync("80");
        await commune.Locator("[name='Values[KEHOACH]']").SelectOptionAsync("Có");
        await commune.GetByRole(AriaRole.Button, new() { Name = "Nộp báo cáo" }).ClickAsync();
        await Assertions.Expect(FlashOf(commune)).ToHaveTextAsync("Đã nộp báo cáo.");

        var province = await host.SignInAsync("thuky.danang");
        await province.GotoAsync($"/Reporting/Submission/{submissionId}");
        var link = province.Locator("#attachments").GetByRole(AriaRole.Link, new() { Name = "Danh sách hộ sơ tán.pdf" });
        await Assertions.Expect(link).ToHaveCountAsync(1);
        await Assertions.Expect(province.GetByRole(AriaRole.Button, new() { Name = "Đính kèm", Exact = true })).ToHaveCountAsync(0);
        var download = await province.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        (await File.ReadAllBytesAsync((await download.PathAsync())!)).ShouldBe(pdf);
    }
}
