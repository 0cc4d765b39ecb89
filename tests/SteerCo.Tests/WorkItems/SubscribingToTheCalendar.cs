using System.Net;
using SteerCo.Access;
using SteerCo.Calendar;
using SteerCo.Meetings;
using SteerCo.Tests.Members;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.WorkItems;

/// <summary>A user's meetings and deadlines at a secret iCal address, which a new address replaces and revoking ends.</summary>
public sealed class SubscribingToTheCalendar(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private static DateOnly Today => WorkData.Today;

    [Fact]
    public async Task The_feed_holds_the_committees_meetings_and_the_agencys_deadlines_until_revoked()
    {
        var branch = await WorkData.BranchAsync(app, "Quảng Nam", communes: 0);
        var chair = await MemberData.PersonAsync(app, "Đỗ Văn Chủ", branch.Lead, "Chủ tịch");
        await MemberData.AddOkAsync(app, branch.Province.Id, chair, MemberData.Chair, Today.AddMonths(-1));
        await WorkData.ItemAsync(app, branch.Province, branch.Lead, Today.AddDays(7), "Kiểm tra hồ chứa nước, đê, kè");
        await WorkData.ItemAsync(app, branch.Province, branch.Other, Today.AddDays(8), "Việc của cơ quan khác");
        await using (var scope = app.ServiceScope())
        {
            (await scope.Get<MeetingService>().ScheduleAsync(scope.Actor, branch.Province.Id,
                new MeetingInput(MeetingKind.Thematic, "về mùa mưa bão 2026", Today.AddDays(3), null, "Phòng họp", chair))).IsOk.ShouldBeTrue();
        }
        var user = await app.CreateUserAsync(Role.Member, branch.Province.Id, branch.Lead.Id);
        var actor = new Actor(user.Id, user.UserName, Role.Member, branch.Province.Id, branch.Province.Path, branch.Lead.Id);
        var anonymous = app.AnonymousClient();

        string token;
        await using (var scope = app.ServiceScope())
        {
            token = await scope.Get<CalendarService>().RenewAsync(actor);
        }
        var response = await anonymous.GetAsync($"/calendar/{token}.ics");
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        var ics = await response.Content.ReadAsStringAsync();
        ics.ShouldStartWith("BEGIN:VCALENDAR\r\n");
        ics.ShouldContain("SUMMARY:Hội nghị chuyên đề về mùa mưa bão 2026\r\n");
        ics.ShouldContain($"DTSTART;VALUE=DATE:{Today.AddDays(3):yyyyMMdd}\r\n");
        ics.ShouldContain("SUMMARY:Hạn: Kiểm tra hồ chứa nước\\, đê\\, kè\r\n");
        ics.ShouldNotContain("Việc của cơ quan khác", customMessage: "a member's deadlines are its agency's");
        ics.Split("\r\n").ShouldAllBe(line => System.Text.Encoding.UTF8.GetByteCount(line) <= 75);

        string renewed;
        await using (var scope = app.ServiceScope())
        {
            renewed = await scope.Get<CalendarService>().RenewAsync(actor);
        }
        (await anonymous.GetAsync($"/calendar/{token}.ics")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a new address replaces the old one");
        (await anonymous.GetAsync($"/calendar/{renewed}.ics")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using (var scope = app.ServiceScope())
        {
            await scope.Get<CalendarService>().RevokeAsync(actor);
        }
        (await anonymous.GetAsync($"/calendar/{renewed}.ics")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync("/calendar/guessed-address.ics")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
