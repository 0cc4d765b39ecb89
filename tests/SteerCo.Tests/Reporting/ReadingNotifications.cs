using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using SteerCo.Access;
using SteerCo.Committees;
using SteerCo.Data;
using SteerCo.Reporting;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Reporting;

/// <summary>
/// The notices a committee's users get (a report requested, submitted, reviewed, due): listed
/// newest first, counted in the header, marked read by each user on their own.
/// </summary>
public sealed partial class ReadingNotifications(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private async Task<(ReportingTree Tree, RequestView Request)> RequestAsync(int quarter)
    {
        var tree = await ReportingData.TreeAsync(app);
        await using var scope = app.ServiceScope();
        var template = (await scope.Get<ReportTemplates>().CreateAsync(tree.ProvinceSecretariat, tree.Province.Id, ReportingData.Template())).Ok();
        var request = (await scope.Get<ReportRequests>().CreateAsync(tree.ProvinceSecretariat, tree.Province.Id,
            new RequestInput(null, template.Id, null, ReportKind.Periodic, PeriodKind.Quarter, 2026, quarter, null, null))).Ok();
        return (tree, request);
    }

    private static Actor ActorOf(TestUser user, Committee committee) => new(user.Id, user.UserName, user.Role, committee.Id, committee.Path, null);

    private static string? UnreadInHeader(string html) =>
        UnreadCount().Match(html) is { Success: true } match ? match.Groups[1].Value : null;

    [Fact]
    public async Task Each_user_of_the_committee_reads_its_notices_on_their_own_and_sees_none_of_another_committee()
    {
        var (tree, request) = await RequestAsync(1);
        var first = ActorOf(await app.CreateUserAsync(Role.Secretariat, tree.CommuneA.Id), tree.CommuneA);
        var second = ActorOf(await app.CreateUserAsync(Role.Viewer, tree.CommuneA.Id), tree.CommuneA);
        await using var scope = app.ServiceScope();
        var notifications = scope.Get<Notifications>();

        var list = await notifications.ListAsync(first, unreadOnly: false, new PageRequest());

        var notice = list.Items.ShouldHaveSingleItem();
        notice.Text.ShouldBe($"{tree.Province.Name} yêu cầu báo cáo \"{request.Title}\", hạn gửi 25/03/2026.");
        notice.Link.ShouldBe($"/Reporting/Submission/{request.Submissions.Single(s => s.CommitteeId == tree.CommuneA.Id).Id}");
        notice.Read.ShouldBeFalse();
        (await notifications.MarkReadAsync(first, notice.Id)).Ok().ShouldBeTrue();
        (await notifications.MarkReadAsync(first, notice.Id)).Ok().ShouldBeTrue("marking again changes nothing");
        (await notifications.UnreadCountAsync(first)).ShouldBe(0);
        (await notifications.ListAsync(first, unreadOnly: false, new PageRequest())).Items.Single().Read.ShouldBeTrue();
        (await notifications.UnreadCountAsync(second)).ShouldBe(1, "another user of the committee has not read it");
        (await scope.Db.NotificationReads.CountAsync(r => r.NotificationId == notice.Id)).ShouldBe(1);

        var otherCommune = ActorOf(await app.CreateUserAsync(Role.Secretariat, tree.CommuneB.Id), tree.CommuneB);
        (await notifications.MarkReadAsync(otherCommune, notice.Id)).Outcome.ShouldBe(Outcome.NotFound);
        (await notifications.ListAsync(otherCommune, unreadOnly: false, new PageRequest())).Items.ShouldNotContain(n => n.Id == notice.Id);
        (await notifications.ListAsync(Actor.System(), unreadOnly: false, new PageRequest())).Total.ShouldBe(0);
    }

    [Fact]
    public async Task The_header_counts_what_is_unread_and_the_page_marks_one_or_all_read()
    {
        var (tree, request) = await RequestAsync(2);
        await using (var scope = app.ServiceScope())
        {
            var submissions = scope.Get<Submissions>();
            var values = new Dictionary<string, string?> { ["HO"] = "1", ["HO_CAN"] = "2", ["NHATRU"] = "50", ["KEHOACH"] = "Có" };
            var id = request.Submissions.Single(s => s.CommitteeId == tree.CommuneA.Id).Id;
            var submitted = (await submissions.SaveAndSubmitAsync(tree.SecretariatA, id, new SubmissionInput(values, null), 0)).Ok();
            (await submissions.ReturnAsync(tree.ProvinceSecretariat, id, "Bổ sung số liệu nhà trú ẩn.", submitted.Version)).Ok();
        }
        var commune = await app.SignInToPagesAsync(Role.Secretariat, tree.CommuneA.Id);

        var page = await commune.GetPageAsync("/Notifications");

        UnreadInHeader(page).ShouldBe("2");
        page.ShouldContain("bị trả lại: Bổ sung số liệu nhà trú ẩn.");
        page.IndexOf("bị trả lại", StringComparison.Ordinal).ShouldBeLessThan(page.IndexOf("yêu cầu báo cáo", StringComparison.Ordinal), "newest first");
        var actions = MarkReadForm().Matches(page).Select(m => m.Groups[1].Value).ToList();
        actions.Count.ShouldBe(2);

        var read = await commune.PostFormAsync("/Notifications", actions[0], []);
        read.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        UnreadInHeader(await commune.GetPageAsync("/Notifications")).ShouldBe("1");
        (await commune.GetPageAsync("/Notifications?unread=true")).ShouldNotContain("bị trả lại");

        var otherCommune = await app.SignInToPagesAsync(Role.Secretariat, tree.CommuneB.Id);
        (await otherCommune.PostFormAsync("/Notifications", actions[1], [])).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var withoutToken = await commune.Http.PostAsync($"/Notifications?handler=ReadAll", new FormUrlEncodedContent([]));
        withoutToken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        UnreadInHeader(await commune.GetPageAsync("/Notifications")).ShouldBe("1");

        (await commune.PostFormAsync("/Notifications", "/Notifications?handler=ReadAll", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await commune.GetPageAsync("/Notifications");
        UnreadInHeader(after).ShouldBeNull();
        after.ShouldContain("Đã đánh dấu 1 thông báo là đã đọc.");
    }

    [Fact]
    public async Task A_page_past_the_end_of_the_notices_shows_the_last_page()
    {
        var (tree, request) = await RequestAsync(4);
        var commune = await app.SignInToPagesAsync(Role.Secretariat, tree.CommuneA.Id);

        var html = await commune.GetPageAsync("/Notifications?p=99");

        html.ShouldContain("Trang 1/1");
        html.ShouldContain(request.Title);
    }

    [Fact]
    public async Task The_header_counts_the_unread_notices_in_a_set_order_without_the_warning_of_a_limit_without_an_order()
    {
        var (tree, _) = await RequestAsync(3);
        var user = ActorOf(await app.CreateUserAsync(Role.Secretariat, tree.CommuneA.Id), tree.CommuneA);
        await using var scope = app.ServiceScope();
        await using var strict = Strict(scope.Db);

        (await new Notifications(strict, scope.Get<TimeProvider>()).UnreadCountAsync(user)).ShouldBe(1);
    }

    /// <summary>The same database, with EF's warning of a Skip/Take without an OrderBy (logged at run time) thrown instead.</summary>
    private static SteerCoDbContext Strict(SteerCoDbContext db) => db switch
    {
        SqliteSteerCoDbContext => new SqliteSteerCoDbContext(Throwing((DbContextOptions<SqliteSteerCoDbContext>)db.GetService<IDbContextOptions>())),
        _ => new PostgresSteerCoDbContext(Throwing((DbContextOptions<PostgresSteerCoDbContext>)db.GetService<IDbContextOptions>())),
    };

    private static DbContextOptions<T> Throwing<T>(DbContextOptions<T> options) where T : DbContext =>
        new DbContextOptionsBuilder<T>(options).ConfigureWarnings(w => w.Throw(CoreEventId.RowLimitingOperationWithoutOrderByWarning)).Options;

    [GeneratedRegex("<span class=\"unread-count\">([^<]+)</span>")]
    private static partial Regex UnreadCount();

    [GeneratedRegex("action=\"(/Notifications\\?[^\"]*handler=Read(?:&[^\"]*)?)\"")]
    private static partial Regex MarkReadForm();
}
