using SteerCo.Access;
using SteerCo.Reporting;
using SteerCo.Tests.Members;
using SteerCo.Tests.Office;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Reporting;

/// <summary>The report DOCX from the database: the requesting committee's heading, and its Trưởng ban on the day as the signer.</summary>
public sealed class PrintingTheConsolidatedReport(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    [Fact]
    public async Task The_Truong_ban_on_the_roster_today_signs_the_report_the_committee_above_receives_it()
    {
        var h = app.Hierarchy;
        var former = await MemberData.PersonAsync(app, "Lê Văn Cũ", jobTitle: "Chủ tịch Ủy ban nhân dân thành phố");
        var current = await MemberData.PersonAsync(app, "Nguyễn Văn An", jobTitle: "Chủ tịch Ủy ban nhân dân thành phố");
        await MemberData.AddOkAsync(app, h.Danang.Id, former, MemberData.Chair, new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31));
        await MemberData.AddOkAsync(app, h.Danang.Id, current, MemberData.Chair, new DateOnly(2026, 1, 1));
        await using var scope = app.ServiceScope();
        var template = (await scope.Get<ReportTemplates>().CreateAsync(scope.Actor, h.Danang.Id, ReportingData.Template())).Ok();
        var request = (await scope.Get<ReportRequests>().CreateAsync(scope.Actor, h.Danang.Id,
            new RequestInput(null, template.Id, null, ReportKind.Periodic, PeriodKind.Quarter, 2026, 1, null, [h.HaiChau.Id]))).Ok();

        var file = (await scope.Get<ReportExports>().ReportDocxAsync(Actor.System(), request.Id)).Ok();

        file.FileName.ShouldBe($"tong-hop-{request.Id}-quy-i-2026.docx");
        using var docx = Docx.Open(file.Content);
        Docx.Text(Docx.Next(docx.Line("TRƯỞNG BAN"))).ShouldBe("Nguyễn Văn An");
        docx.Body.InnerText.ShouldNotContain("Lê Văn Cũ");
        Docx.Text(Docx.Next(docx.Line("BÁO CÁO"))).ShouldBe("Công tác phòng, chống thiên tai Quý I/2026");
        docx.LinesStartingWith("- ").Select(Docx.Text).ShouldContain($"- {h.Central.Name} (để báo cáo);");
    }
}
