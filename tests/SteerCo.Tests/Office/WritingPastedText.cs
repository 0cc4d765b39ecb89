using System.Net;
using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Meetings;
using SteerCo.Tests.Members;
using SteerCo.Tests.Support;
using SteerCo.Tests.WorkItems;
using SteerCo.Text;
using SteerCo.WorkItems;

namespace SteerCo.Tests.Office;

/// <summary>
/// Text pasted from elsewhere can carry characters no .docx or .xlsx can hold (a NUL, a bell, half
/// an emoji). They are dropped when the text is stored, and again when a document is written, so
/// that a row stored before cannot make the committee's roster or a meeting's invitation fail.
/// </summary>
public sealed class WritingPastedText(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private static DateOnly Today => WorkData.Today;

    [Fact]
    public void Stored_text_keeps_its_letters_and_line_breaks_and_loses_what_a_document_cannot_hold()
    {
        VietnameseText.Clean(" Trần\u0001 Văn\u0000 An\u0007 ").ShouldBe("Trần Văn An");
        VietnameseText.CleanLines("Dòng một\u0000\r\nDòng\u000B hai\n\tThụt lề\u001B").ShouldBe("Dòng một\r\nDòng hai\n\tThụt lề");
        VietnameseText.Writable("Lá cờ 🇻🇳 \uD83D và \uDE00 \uFFFE").ShouldBe("Lá cờ 🇻🇳  và  ");
        var clean = "Ban Chỉ đạo phòng, chống thiên tai";
        VietnameseText.Writable(clean).ShouldBeSameAs(clean);
    }

    [Fact]
    public async Task A_task_pasted_with_control_characters_is_stored_without_them_and_the_invitation_that_carries_it_downloads()
    {
        var branch = await WorkData.BranchAsync(app, "Sơn Trà", communes: 0);
        var chair = await WorkData.ChairAsync(app, branch, "Đỗ Văn Chủ");
        var secretariat = await app.SignInAsync(Role.Secretariat, branch.Province.Id);

        var created = await secretariat.PostJsonAsync("/api/v1/work-items", new
        {
            committeeId = branch.Province.Id,
            title = "Kiểm tra\u0000 hồ chứa\u0007 nước",
            description = "Hồ Đồng Nghệ\u0000\nHồ Hòa Trung",
            leadAgencyId = branch.Lead.Id,
            dueDate = Today.AddDays(30),
        });
        await created.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var item = await created.ReadJsonAsync<WorkItemDetail>();
        (item.Title, item.Description).ShouldBe(("Kiểm tra hồ chứa nước", "Hồ Đồng Nghệ\nHồ Hòa Trung"));

        var scheduled = await secretariat.PostJsonAsync($"/api/v1/committees/{branch.Province.Id}/meetings",
            new { kind = "QuarterlyBriefing", period = "Quý IV/2026", date = Today.AddDays(7), place = "Phòng họp\u0000 số 3", chairPersonId = chair });
        await scheduled.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var meeting = await scheduled.ReadJsonAsync<MeetingDetail>();
        meeting.Place.ShouldBe("Phòng họp số 3");
        var invitation = await secretariat.GetAsync($"/api/v1/meetings/{meeting.Id}/invitation.docx");

        await invitation.ShouldHaveStatusAsync(HttpStatusCode.OK);
        using var docx = Docx.Open(await invitation.Content.ReadAsByteArrayAsync());
        docx.Paragraphs.Select(Docx.Text).ShouldContain(t => t.Contains("Phòng họp số 3"));
    }

    [Fact]
    public async Task A_name_stored_with_a_control_character_before_it_was_refused_still_prints_on_the_roster()
    {
        var h = app.Hierarchy;
        var person = await MemberData.PersonAsync(app, "Lương Thị Dán");
        await MemberData.AddOkAsync(app, h.Danang.Id, person, MemberData.Member, new DateOnly(2025, 9, 1));
        await using (var scope = app.ServiceScope())
        {
            // As an earlier version stored it, past today's cleaning (PostgreSQL takes no NUL in text; it takes these).
            await scope.Db.People.Where(p => p.Id == person).ExecuteUpdateAsync(set => set.SetProperty(p => p.FullName, "Lương Thị\u0001 Dán\u0007"));
        }
        var secretariat = await app.SignInAsync(Role.Secretariat, h.Danang.Id);

        var roster = await secretariat.GetAsync($"/api/v1/committees/{h.Danang.Id}/roster.xlsx");

        await roster.ShouldHaveStatusAsync(HttpStatusCode.OK);
        RosterSheets.Cells(await roster.Content.ReadAsByteArrayAsync()).Values.ShouldContain("Lương Thị Dán");
    }
}
