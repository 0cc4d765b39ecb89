using System.Text;
using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Documents.Files;
using SteerCo.Reporting;
using SteerCo.Tests.Documents.Files;
using SteerCo.Tests.Reporting;
using SteerCo.Tests.Support;
using SteerCo.Tests.WorkItems;
using SteerCo.WorkItems;

namespace SteerCo.Tests.Attachments;

/// <summary>The app with a 1 MB file limit, so that an oversized file is cheap to make.</summary>
public sealed class SmallFilesApp : IAsyncLifetime
{
    public const long MaxBytes = 1024 * 1024;

    public SteerCoApp App { get; private set; } = null!;

    public async Task InitializeAsync() =>
        App = await SteerCoApp.StartAsync(settings: new Dictionary<string, string?> { ["Files:MaxBytes"] = MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// Files on progress reports and on report submissions, at the service: checked as the document
/// files are, kept with the report in one save, read only within the scope of what they belong to.
/// </summary>
public sealed class AttachingFiles(SmallFilesApp fixture) : IClassFixture<SmallFilesApp>
{
    private SteerCoApp App => fixture.App;

    private static DateOnly Today => WorkData.Today;

    private static Upload File(byte[] content, string name) => new(name, new MemoryStream(content));

    private static byte[] Oversized() => [.. TestFiles.Pdf("Lon"), .. new byte[SmallFilesApp.MaxBytes]];

    private async Task<(int Attachments, int Blobs)> StoredAsync()
    {
        await using var scope = App.ServiceScope();
        return (await scope.Db.Attachments.CountAsync(), TestFiles.Blobs(App.FilesFolder).Length);
    }

    [Fact]
    public async Task A_progress_report_keeps_its_files_and_they_download_within_the_tasks_scope_only()
    {
        var branch = await WorkData.BranchAsync(App, "Sơn Trà", communes: 0);
        var item = await WorkData.ItemAsync(App, branch.Province, branch.Lead, Today.AddDays(10));
        var member = WorkData.Member(branch.Province, branch.Lead);
        var pdf = TestFiles.Pdf("Bien ban kiem tra de " + Guid.NewGuid());

        await using var scope = App.ServiceScope();
        var service = scope.Get<WorkItemService>();
        var reported = (await service.ReportAsync(member, item.Id,
            new(Today, "Đã kiểm tra 3/5 tuyến đê.", 60, [File(pdf, "Biên bản kiểm tra.pdf"), File(TestFiles.Png(), "Ảnh hiện trường")]), item.Version)).Ok();

        var files = reported.Updates.Single().Files;
        files.Select(f => f.FileName).ShouldBe(["Biên bản kiểm tra.pdf", "Ảnh hiện trường.png"]);
        files.Select(f => f.ContentType).ShouldBe(["application/pdf", "image/png"]);
        // The secretariat of Đà Nẵng reads the task's committee below it; Huế does not.
        var danang = TestFiles.Secretariat(App.Hierarchy.Danang);
        var download = (await service.OpenAttachmentAsync(danang, item.Id, files[0].Id)).Ok();
        await using (download.Content)
        {
            using var bytes = new MemoryStream();
            await download.Content.CopyToAsync(bytes);
            bytes.ToArray().ShouldBe(pdf);
        }
        var hue = TestFiles.Secretariat(App.Hierarchy.Hue);
        (await service.OpenAttachmentAsync(hue, item.Id, files[0].Id)).Outcome.ShouldBe(Outcome.NotFound);
        (await service.GetAsync(hue, item.Id)).Outcome.ShouldBe(Outcome.NotFound);
        var other = await WorkData.ItemAsync(App, branch.Province, branch.Lead, Today.AddDays(10), "Nhiệm vụ khác");
        (await service.OpenAttachmentAsync(danang, other.Id, files[0].Id)).Outcome.ShouldBe(Outcome.NotFound, "a file is reached only through its own task");

        var audit = await scope.Db.AuditEntries.Where(e => e.Entity == "Attachment" && e.Action == "Created").Select(e => e.Changes).ToListAsync();
        audit.Select(System.Text.RegularExpressions.Regex.Unescape).ShouldContain(c => c.Contains("Biên bản kiểm tra.pdf") && c.Contains(files[0].Sha256));
    }

    [Fact]
    public async Task A_mislabelled_or_oversized_file_refuses_the_whole_report_and_nothing_is_saved()
    {
        var branch = await WorkData.BranchAsync(App, "Liên Chiểu", communes: 0);
        var item = await WorkData.ItemAsync(App, branch.Province, branch.Lead, Today.AddDays(10));
        var member = WorkData.Member(branch.Province, branch.Lead);
        var before = await StoredAsync();

        await using var scope = App.ServiceScope();
        var service = scope.Get<WorkItemService>();
        var mislabelled = await service.ReportAsync(member, item.Id,
            new(Today, "Đã kiểm tra.", 50, [File(TestFiles.Pdf("Tot " + Guid.NewGuid()), "Tốt.pdf"), File(TestFiles.Png(), "Báo cáo.pdf")]), item.Version);
        mislabelled.Outcome.ShouldBe(Outcome.Invalid);
        mislabelled.Problems.Single().Message.ShouldBe("Tên tệp 'Báo cáo.pdf' ghi là PDF nhưng nội dung là tệp PNG. Hãy đổi tên tệp cho đúng loại rồi tải lên lại.");

        var hostile = await service.ReportAsync(member, item.Id, new(Today, "Đã kiểm tra.", 50, [File(TestFiles.Exe(), "Cài đặt.exe")]), item.Version);
        hostile.Problems.Single().Message.ShouldContain("Cài đặt.exe");

        var oversized = await service.ReportAsync(member, item.Id, new(Today, "Đã kiểm tra.", 50, [File(Oversized(), "Lớn.pdf")]), item.Version);
        oversized.Problems.Single().ShouldBe(new Problem(FileIntake.TooLargeField, "Tệp quá lớn: mỗi tệp tối đa 1 MB."));

        var unchanged = await WorkData.GetAsync(App, item.Id);
        (unchanged.Percent, unchanged.Updates.Count).ShouldBe((0, 0));
        (await StoredAsync()).ShouldBe(before, "no row and no blob is left by a refused report");
        TestFiles.TempFiles(App.FilesFolder).ShouldBeEmpty();
    }

    private async Task<(ReportingTree Tree, int SubmissionA, int SubmissionB)> RequestAsync()
    {
        var tree = await ReportingData.TreeAsync(App);
        await using var scope = App.ServiceScope();
        var template = (await scope.Get<ReportTemplates>().CreateAsync(tree.ProvinceSecretariat, tree.Province.Id, ReportingData.Template())).Ok();
        var request = (await scope.Get<ReportRequests>().CreateAsync(tree.ProvinceSecretariat, tree.Province.Id,
            new RequestInput(null, template.Id, null, ReportKind.Periodic, PeriodKind.Quarter, 2026, 2, null, null))).Ok();
        return (tree, request.Submissions.Single(s => s.CommitteeId == tree.CommuneA.Id).Id, request.Submissions.Single(s => s.CommitteeId == tree.CommuneB.Id).Id);
    }

    [Fact]
    public async Task A_drafts_files_reach_the_requester_once_submitted_stay_with_a_returned_version_and_never_reach_another_commune()
    {
        var (tree, submissionA, _) = await RequestAsync();
        var pdf = TestFiles.Pdf("Bao cao so tan " + Guid.NewGuid());
        await using var scope = App.ServiceScope();
        var submissions = scope.Get<Submissions>();
        var draft = (await submissions.GetAsync(tree.SecretariatA, submissionA)).Ok();

        var attached = (await submissions.AttachAsync(tree.SecretariatA, submissionA, [File(pdf, "Danh sách hộ sơ tán.pdf")], draft.Version)).Ok();
        var file = attached.Attachments.Single();
        file.FileName.ShouldBe("Danh sách hộ sơ tán.pdf");
        (await submissions.AttachAsync(tree.SecretariatA, submissionA, [File(TestFiles.Png(), "Ảnh.png")], draft.Version)).Outcome
            .ShouldBe(Outcome.Conflict, "an attach on a stale page is refused");

        // A reader of the requester alone (a viewer of the province, who does not read the commune's
        // committee) reads submitted versions only: not the draft's file yet; the other commune never.
        var requester = ReportingData.Viewer(tree.Province);
        (await submissions.OpenAttachmentAsync(requester, submissionA, file.Id)).Outcome.ShouldBe(Outcome.NotFound);
        (await submissions.OpenAttachmentAsync(tree.SecretariatB, submissionA, file.Id)).Outcome.ShouldBe(Outcome.NotFound);
        var figures = new Dictionary<string, string?> { ["HO"] = "120", ["HO_CAN"] = "150", ["NHATRU"] = "80", ["KEHOACH"] = "Có" };
        var submitted = (await submissions.SaveAndSubmitAsync(tree.SecretariatA, submissionA, new SubmissionInput(figures, null), attached.Version)).Ok();
        (await submissions.GetAsync(requester, submissionA)).Ok().Attachments.Select(a => a.FileName).ShouldBe(["Danh sách hộ sơ tán.pdf"]);
        (await submissions.OpenAttachmentAsync(requester, submissionA, file.Id)).Ok().Content.Dispose();
        (await submissions.OpenAttachmentAsync(tree.SecretariatB, submissionA, file.Id)).Outcome.ShouldBe(Outcome.NotFound);
        (await submissions.AttachAsync(tree.SecretariatA, submissionA, [File(TestFiles.Png(), "Ảnh.png")], submitted.Version)).Problems.Single().Message
            .ShouldBe(Messages("SubmissionNotOpen"), "a submitted version is frozen");

        // Returned: the next draft starts with the same files; taking one off leaves the returned version's.
        var returned = (await submissions.ReturnAsync(tree.ProvinceSecretariat, submissionA, "Bổ sung danh sách.", submitted.Version)).Ok();
        var next = (await submissions.GetAsync(tree.SecretariatA, submissionA)).Ok();
        var copy = next.Attachments.Single();
        (copy.FileName, copy.Sha256).ShouldBe((file.FileName, file.Sha256));
        copy.Id.ShouldNotBe(file.Id);
        var removed = (await submissions.RemoveAttachmentAsync(tree.SecretariatA, submissionA, copy.Id, returned.Version)).Ok();
        removed.Attachments.ShouldBeEmpty();
        (await submissions.RemoveAttachmentAsync(tree.SecretariatA, submissionA, file.Id, removed.Version)).Outcome
            .ShouldBe(Outcome.NotFound, "the returned version's file cannot be taken off");
        (await submissions.OpenAttachmentAsync(requester, submissionA, file.Id)).Ok().Content.Dispose();
        (await submissions.OpenAttachmentAsync(requester, submissionA, copy.Id)).Outcome.ShouldBe(Outcome.NotFound, "the removed copy is gone");

        var audit = await scope.Db.AuditEntries.Where(e => e.Entity == "Attachment").Select(e => e.Action).ToListAsync();
        audit.ShouldContain("Created");
        audit.ShouldContain("Updated", "the removal is recorded");
    }

    [Fact]
    public async Task A_refused_file_leaves_the_draft_as_it_was_and_only_its_committee_attaches()
    {
        var (tree, submissionA, _) = await RequestAsync();
        var before = await StoredAsync();
        await using var scope = App.ServiceScope();
        var submissions = scope.Get<Submissions>();
        var draft = (await submissions.GetAsync(tree.SecretariatA, submissionA)).Ok();

        var mislabelled = await submissions.AttachAsync(tree.SecretariatA, submissionA, [File(Encoding.UTF8.GetBytes("Chỉ là văn bản."), "Báo cáo.docx")], draft.Version);
        mislabelled.Problems.Single().Message.ShouldBe("Tên tệp 'Báo cáo.docx' ghi là DOCX nhưng nội dung không phải là tệp DOCX: không nhận tệp này.");
        var oversized = await submissions.AttachAsync(tree.SecretariatA, submissionA, [File(Oversized(), "Lớn.pdf")], draft.Version);
        oversized.Problems.Single().Field.ShouldBe(FileIntake.TooLargeField);
        (await submissions.AttachAsync(tree.SecretariatB, submissionA, [File(TestFiles.Png(), "Ảnh.png")], draft.Version)).Outcome.ShouldBe(Outcome.NotFound);
        (await submissions.AttachAsync(tree.ProvinceSecretariat, submissionA, [File(TestFiles.Png(), "Ảnh.png")], draft.Version)).Outcome.ShouldBe(Outcome.Forbidden);

        (await submissions.GetAsync(tree.SecretariatA, submissionA)).Ok().Version.ShouldBe(draft.Version);
        (await StoredAsync()).ShouldBe(before);
        TestFiles.TempFiles(App.FilesFolder).ShouldBeEmpty();
    }

    private static string Messages(string key) => SteerCo.Resources.Messages.Get(key);
}
