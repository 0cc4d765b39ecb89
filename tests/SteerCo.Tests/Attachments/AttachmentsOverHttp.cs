using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Reporting;
using SteerCo.Tests.Documents.Files;
using SteerCo.Tests.Reporting;
using SteerCo.Tests.Support;
using SteerCo.Tests.WorkItems;
using SteerCo.WorkItems;

namespace SteerCo.Tests.Attachments;

/// <summary>Progress reports with files and a submission's files through /api/v1, as multipart/form-data.</summary>
public sealed class AttachmentsOverHttp(SmallFilesApp fixture) : IClassFixture<SmallFilesApp>
{
    private SteerCoApp App => fixture.App;

    private static DateOnly Today => WorkData.Today;

    private static MultipartFormDataContent Form(IReadOnlyDictionary<string, string> fields, params (byte[] Content, string Name)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }
        foreach (var (content, name) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "files", name);
        }
        return form;
    }

    private static Dictionary<string, string> Progress(int version, string text = "Đã kiểm tra 3/5 tuyến đê.") => new()
    {
        ["on"] = Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["text"] = text,
        ["percent"] = "60",
        ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private async Task<int> AttachmentCountAsync()
    {
        await using var scope = App.ServiceScope();
        return await scope.Db.Attachments.CountAsync();
    }

    [Fact]
    public async Task A_member_reports_progress_with_a_pdf_that_readers_of_the_task_download_and_others_cannot()
    {
        var branch = await WorkData.BranchAsync(App, "Thanh Khê", communes: 0);
        var item = await WorkData.ItemAsync(App, branch.Province, branch.Lead, Today.AddDays(10));
        var member = await App.SignInAsync(Role.Member, branch.Province.Id, branch.Lead.Id);
        var pdf = TestFiles.Pdf("Bien ban " + Guid.NewGuid());

        var reported = await member.PostAsync($"/api/v1/work-items/{item.Id}/progress", Form(Progress(item.Version), (pdf, "Biên bản kiểm tra.pdf")));
        await reported.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var detail = await reported.ReadJsonAsync<WorkItemDetail>();
        detail.Percent.ShouldBe(60);
        var file = detail.Updates.Single().Files.Single();
        file.FileName.ShouldBe("Biên bản kiểm tra.pdf");

        var danang = await App.SignInAsync(Role.Secretariat, App.Hierarchy.Danang.Id);
        var download = await danang.GetAsync($"/api/v1/work-items/{item.Id}/attachments/{file.Id}");
        await download.ShouldHaveStatusAsync(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        download.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("Biên bản kiểm tra.pdf");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(pdf);
        var hue = await App.SignInAsync(Role.Secretariat, App.Hierarchy.Hue.Id);
        await (await hue.GetAsync($"/api/v1/work-items/{item.Id}/attachments/{file.Id}")).ShouldHaveStatusAsync(HttpStatusCode.NotFound);

        // JSON without files still works as before.
        var json = await member.PostJsonAsync($"/api/v1/work-items/{item.Id}/progress", new { on = Today, text = "Đã kiểm tra xong.", percent = 80, version = detail.Version });
        await json.ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_mislabelled_file_is_a_400_an_oversized_one_a_413_a_stale_report_a_409_and_none_saves_anything()
    {
        var branch = await WorkData.BranchAsync(App, "Cẩm Lệ", communes: 0);
        var item = await WorkData.ItemAsync(App, branch.Province, branch.Lead, Today.AddDays(10));
        var member = await App.SignInAsync(Role.Member, branch.Province.Id, branch.Lead.Id);
        var before = await AttachmentCountAsync();

        var mislabelled = await member.PostAsync($"/api/v1/work-items/{item.Id}/progress",
            Form(Progress(item.Version), (Encoding.UTF8.GetBytes("Không phải PDF."), "Báo cáo.pdf")));
        await mislabelled.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await mislabelled.ReadProblemAsync()).ErrorsFor("file").ShouldBe(["Tên tệp 'Báo cáo.pdf' ghi là PDF nhưng nội dung không phải là tệp PDF: không nhận tệp này."]);

        var oversized = await member.PostAsync($"/api/v1/work-items/{item.Id}/progress",
            Form(Progress(item.Version), ([.. TestFiles.Pdf("Lon"), .. new byte[SmallFilesApp.MaxBytes]], "Lớn.pdf")));
        await oversized.ShouldHaveStatusAsync(HttpStatusCode.RequestEntityTooLarge);

        var stale = await member.PostAsync($"/api/v1/work-items/{item.Id}/progress", Form(Progress(item.Version - 1), (TestFiles.Png(), "Ảnh.png")));
        await stale.ShouldHaveStatusAsync(HttpStatusCode.Conflict);

        var unchanged = await WorkData.GetAsync(App, item.Id);
        (unchanged.Percent, unchanged.Updates.Count).ShouldBe((0, 0));
        (await AttachmentCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_commune_attaches_to_its_draft_the_province_reads_it_once_submitted_and_another_commune_never()
    {
        var tree = await ReportingData.TreeAsync(App);
        int submissionA;
        await using (var scope = App.ServiceScope())
        {
            var template = (await scope.Get<ReportTemplates>().CreateAsync(tree.ProvinceSecretariat, tree.Province.Id, ReportingData.Template())).Ok();
            var request = (await scope.Get<ReportRequests>().CreateAsync(tree.ProvinceSecretariat, tree.Province.Id,
                new RequestInput(null, template.Id, null, ReportKind.Periodic, PeriodKind.Quarter, 2026, 3, null, null))).Ok();
            submissionA = request.Submissions.Single(s => s.CommitteeId == tree.CommuneA.Id).Id;
        }
        var communeA = await App.SignInAsync(Role.Secretariat, tree.CommuneA.Id);
        var communeB = await App.SignInAsync(Role.Secretariat, tree.CommuneB.Id);
        // A viewer of the province reads the province's requests, not the commune's committee: submitted versions only.
        var province = await App.SignInAsync(Role.Viewer, tree.Province.Id);
        var draft = await communeA.GetJsonAsync<SubmissionView>($"/api/v1/submissions/{submissionA}");
        var version = new Dictionary<string, string> { ["version"] = draft.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var pdf = TestFiles.Pdf("Danh sach " + Guid.NewGuid());

        var refused = await communeA.PostAsync($"/api/v1/submissions/{submissionA}/attachments", Form(version, (TestFiles.Png(), "Danh sách.xlsx")));
        await refused.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await refused.ReadProblemAsync()).ErrorsFor("file").Single().ShouldContain("Danh sách.xlsx");
        await (await communeB.PostAsync($"/api/v1/submissions/{submissionA}/attachments", Form(version, (pdf, "Danh sách.pdf"))))
            .ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        var attached = await communeA.PostAsync($"/api/v1/submissions/{submissionA}/attachments", Form(version, (pdf, "Danh sách hộ.pdf")));
        await attached.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var view = await attached.ReadJsonAsync<SubmissionView>();
        var file = view.Attachments.Single();
        var link = $"/api/v1/submissions/{submissionA}/attachments/{file.Id}";
        await (await communeA.PostAsync($"/api/v1/submissions/{submissionA}/attachments", Form(version, (TestFiles.Png(), "Ảnh.png"))))
            .ShouldHaveStatusAsync(HttpStatusCode.Conflict);
        await (await province.GetAsync(link)).ShouldHaveStatusAsync(HttpStatusCode.NotFound);

        var saved = await communeA.PutJsonAsync($"/api/v1/submissions/{submissionA}",
            new { values = new Dictionary<string, string> { ["HO"] = "120", ["HO_CAN"] = "150", ["NHATRU"] = "80", ["KEHOACH"] = "Có" }, version = view.Version });
        await saved.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var filled = await saved.ReadJsonAsync<SubmissionView>();
        filled.Attachments.Single().Id.ShouldBe(file.Id, "saving figures keeps the files");
        await (await communeA.PostJsonAsync($"/api/v1/submissions/{submissionA}/submit", new { version = filled.Version })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var seen = await province.GetJsonAsync<SubmissionView>($"/api/v1/submissions/{submissionA}");
        seen.Attachments.Select(a => a.FileName).ShouldBe(["Danh sách hộ.pdf"]);
        var download = await province.GetAsync(link);
        await download.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(pdf);
        await (await communeB.GetAsync(link)).ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        await (await communeA.DeleteAsync($"{link}?version={seen.Version}")).ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
    }
}
