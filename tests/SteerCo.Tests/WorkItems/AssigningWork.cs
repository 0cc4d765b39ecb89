using System.Net;
using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Documents;
using SteerCo.Tests.Support;
using SteerCo.Text;
using SteerCo.WorkItems;

namespace SteerCo.Tests.WorkItems;

/// <summary>Giao nhiệm vụ: a new task with its source, passed down on creation to all or chosen committees below; by service, API and page.</summary>
public sealed class AssigningWork(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private static DateOnly Today => WorkData.Today;

    [Fact]
    public async Task A_task_passed_down_on_creation_gives_each_chosen_committee_its_child_and_no_other()
    {
        var branch = await WorkData.BranchAsync(app, "Cẩm Lệ", communes: 3);
        await using var scope = app.ServiceScope(WorkData.Secretariat(branch.Province));
        var service = scope.Get<WorkItemService>();

        var created = await service.CreateAsync(scope.Actor, branch.Province.Id, new WorkItemInput(
            "Rà soát điểm sạt lở", "Ven sông Cẩm Lệ", branch.Lead.Id, [branch.Other.Id], Today.AddDays(10), false,
            FanOutCommitteeIds: [branch.Communes[0].Id, branch.Communes[2].Id]));

        created.IsOk.ShouldBeTrue(string.Join("; ", created.Problems.Select(p => p.Message)));
        created.Value!.Children.Select(c => c.CommitteeId).ShouldBe([branch.Communes[0].Id, branch.Communes[2].Id], ignoreOrder: true);
        created.Value.ChildRollUp.ShouldBe(new RollUp(0, 0, 0, 2, 0));
        var child = await scope.Db.WorkItems.AsNoTracking().FirstAsync(w => w.ParentId == created.Value.Id && w.CommitteeId == branch.Communes[0].Id);
        (child.Title, child.DueDate, child.SourceKind).ShouldBe(("Rà soát điểm sạt lở", Today.AddDays(10), WorkItemSource.ParentItem));
        child.LeadAgencyId.ShouldBe(branch.Communes[0].StandingAgencyId!.Value, "a commune's share is led by its standing agency");

        var all = await service.CreateAsync(scope.Actor, branch.Province.Id, new WorkItemInput("Kiểm tra kho vật tư", null, branch.Lead.Id, null, null, true, FanOutToAll: true));
        all.Value!.Children.Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_refused_task_saves_nothing_neither_the_task_nor_its_children()
    {
        var branch = await WorkData.BranchAsync(app, "Ngũ Hành Sơn", communes: 2);
        await using var scope = app.ServiceScope(WorkData.Secretariat(branch.Province));
        var service = scope.Get<WorkItemService>();

        var refused = await service.CreateAsync(scope.Actor, branch.Province.Id, new WorkItemInput(
            "", null, app.Hierarchy.HueAgency.Id, null, null, false, WorkItemSource.PlanItem, FanOutToAll: true));
        refused.Outcome.ShouldBe(Outcome.Invalid);
        refused.Problems.Select(p => (p.Field, p.Message)).ShouldBe([
            ("Title", "Nhập nội dung nhiệm vụ."),
            ("DueDate", "Nhập hạn hoàn thành hoặc chọn \"Thường xuyên\"."),
            ("LeadAgencyId", "Cơ quan chủ trì phải là cơ quan của đơn vị hành chính của Ban Chỉ đạo."),
            ("SourceDocumentId", "Chọn kế hoạch là nguồn của nhiệm vụ."),
        ], ignoreOrder: true);

        // Valid itself, but a chosen commune cannot take its share: the task is not saved either.
        await scope.Db.Committees.Where(c => c.Id == branch.Communes[1].Id).ExecuteUpdateAsync(c => c.SetProperty(x => x.StandingAgencyId, (int?)null));
        var noLead = await service.CreateAsync(scope.Actor, branch.Province.Id, new WorkItemInput("Sơ tán dân", null, branch.Lead.Id, null, Today.AddDays(3), false, FanOutToAll: true));
        noLead.Problems.Single().Message.ShouldContain(branch.Communes[1].Name);
        var outsider = await service.CreateAsync(scope.Actor, branch.Province.Id, new WorkItemInput("Sơ tán dân", null, branch.Lead.Id, null, Today.AddDays(3), false,
            FanOutCommitteeIds: [app.Hierarchy.HaiChau.Id]));
        outsider.Problems.Single().Field.ShouldBe("CommitteeIds", "only committees directly below take a share");

        (await scope.Db.WorkItems.CountAsync(w => w.CommitteePath.StartsWith(branch.Province.Path))).ShouldBe(0);
    }

    [Fact]
    public async Task The_check_of_a_new_task_names_every_problem_creating_it_would_and_creates_nothing()
    {
        var branch = await WorkData.BranchAsync(app, "Hội An", communes: 2);
        await using var scope = app.ServiceScope(WorkData.Secretariat(branch.Province));
        var service = scope.Get<WorkItemService>();
        var entries = await scope.Db.AuditEntries.LongCountAsync();
        var valid = new WorkItemInput("Sơ tán dân vùng trũng", null, branch.Lead.Id, null, Today.AddDays(3), false, FanOutToAll: true);

        // The task itself is refused, and the committee it was to go down to is not below: both are said.
        var refused = await service.CheckCreationAsync(scope.Actor, branch.Province.Id, new WorkItemInput(
            " ", null, app.Hierarchy.HueAgency.Id, null, null, false, FanOutCommitteeIds: [app.Hierarchy.HaiChau.Id]));
        var fine = await service.CheckCreationAsync(scope.Actor, branch.Province.Id, valid);
        var member = await service.CheckCreationAsync(WorkData.Member(branch.Province, branch.Lead), branch.Province.Id, valid);

        refused.Outcome.ShouldBe(Outcome.Invalid);
        refused.Problems.Select(p => p.Field).ShouldBe(["Title", "DueDate", "LeadAgencyId", "CommitteeIds"], ignoreOrder: true);
        fine.IsOk.ShouldBeTrue(string.Join("; ", fine.Problems.Select(p => p.Message)));
        member.Outcome.ShouldBe(Outcome.Forbidden);
        scope.Db.ChangeTracker.Entries().ShouldBeEmpty("the children built to check are not left behind");
        (await scope.Db.WorkItems.CountAsync(w => w.CommitteePath.StartsWith(branch.Province.Path))).ShouldBe(0);
        (await scope.Db.AuditEntries.LongCountAsync()).ShouldBe(entries, "a check writes nothing");
        (await service.CreateAsync(scope.Actor, branch.Province.Id, valid)).Value!.Children.Count.ShouldBe(2);
    }

    [Fact]
    public async Task The_page_shows_an_unreadable_due_date_with_the_other_problems_and_creates_nothing()
    {
        var branch = await WorkData.BranchAsync(app, "Điện Bàn", communes: 1);
        var pages = await app.SignInToPagesAsync(Role.Secretariat, branch.Province.Id);
        var url = $"/Work/Create?committeeId={branch.Province.Id}";
        long entries;
        await using (var scope = app.ServiceScope())
        {
            entries = await scope.Db.AuditEntries.LongCountAsync();
        }

        var refused = await pages.PostFormAsync(url, url, new()
        {
            ["Title"] = " ",
            ["Description"] = new string('M', 4001),
            ["LeadAgencyId"] = app.Hierarchy.HueAgency.Id.ToString(),
            ["DueDate"] = "31/02/2026",
            ["Source"] = "None",
            ["FanOut"] = "All",
        });

        await refused.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        PageClient.ErrorBeside(html, "DueDate").ShouldBe("Ngày '31/02/2026' không hợp lệ: nhập theo dạng dd/MM/yyyy.");
        PageClient.ErrorBeside(html, "Title").ShouldBe("Nhập nội dung nhiệm vụ.");
        PageClient.ErrorBeside(html, "Description").ShouldBe("Mô tả dài quá 4000 ký tự.");
        PageClient.ErrorBeside(html, "LeadAgencyId").ShouldBe("Cơ quan chủ trì phải là cơ quan của đơn vị hành chính của Ban Chỉ đạo.");
        html.ShouldNotContain("Nhập hạn hoàn thành", customMessage: "the unreadable date is not also asked for");
        await using (var scope = app.ServiceScope())
        {
            (await scope.Db.WorkItems.CountAsync(w => w.CommitteePath.StartsWith(branch.Province.Path))).ShouldBe(0);
            (await scope.Db.AuditEntries.LongCountAsync()).ShouldBe(entries, "nothing is written while a field is wrong");
        }
    }

    [Fact]
    public async Task A_task_without_a_lead_agency_asks_for_one_on_the_page_and_an_agency_of_another_unit_is_named_as_such()
    {
        var branch = await WorkData.BranchAsync(app, "Hòa Vang", communes: 0);
        var pages = await app.SignInToPagesAsync(Role.Secretariat, branch.Province.Id);
        var url = $"/Work/Create?committeeId={branch.Province.Id}";
        var fields = new Dictionary<string, string> { ["Title"] = "Nạo vét kênh thoát lũ", ["LeadAgencyId"] = "0", ["Regular"] = "true" };

        var none = await pages.PostFormAsync(url, url, fields);

        none.StatusCode.ShouldBe(HttpStatusCode.OK);
        PageClient.ErrorBeside(WebUtility.HtmlDecode(await none.Content.ReadAsStringAsync()), "LeadAgencyId").ShouldBe("Chọn cơ quan chủ trì.");
        fields["LeadAgencyId"] = app.Hierarchy.HueAgency.Id.ToString();
        var foreign = await pages.PostFormAsync(url, url, fields);
        PageClient.ErrorBeside(WebUtility.HtmlDecode(await foreign.Content.ReadAsStringAsync()), "LeadAgencyId")
            .ShouldBe("Cơ quan chủ trì phải là cơ quan của đơn vị hành chính của Ban Chỉ đạo.");
        await using var scope = app.ServiceScope();
        (await scope.Db.WorkItems.CountAsync(w => w.CommitteeId == branch.Province.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task The_source_is_a_document_of_the_committee_or_above_or_one_of_its_own_plans()
    {
        var branch = await WorkData.BranchAsync(app, "Liên Chiểu", communes: 1);
        var commune = branch.Communes[0];
        var plan = await WorkData.DocumentAsync(app, branch.Province.Id, "KH", "Kế hoạch phòng, chống thiên tai năm 2026");
        var directive = await WorkData.DocumentAsync(app, branch.Province.Id, "CT", "Chỉ thị về ứng phó mùa mưa bão", DocumentVisibility.Subtree);
        await using var scope = app.ServiceScope();
        var service = scope.Get<WorkItemService>();

        var choices = (await service.NewItemChoicesAsync(WorkData.Secretariat(commune), commune.Id)).Value!;
        choices.Documents.Select(d => d.Id).ShouldContain(directive, "a commune implements the province's directive");
        choices.Documents.Select(d => d.Id).ShouldNotContain(plan, "kept at the province");
        choices.Plans.ShouldBeEmpty();
        choices.Below.ShouldBeEmpty();
        (await service.NewItemChoicesAsync(WorkData.Secretariat(branch.Province), branch.Province.Id)).Value!.Plans.Single().Id.ShouldBe(plan);

        var fromDirective = await service.CreateAsync(WorkData.Secretariat(commune), commune.Id,
            new WorkItemInput("Phát quang hành lang thoát lũ", null, commune.StandingAgencyId!.Value, null, Today.AddDays(20), false, WorkItemSource.Document, directive));
        fromDirective.Value!.SourceDocumentId.ShouldBe(directive);
        var notTheirPlan = await service.CreateAsync(WorkData.Secretariat(commune), commune.Id,
            new WorkItemInput("Phát quang", null, commune.StandingAgencyId!.Value, null, Today.AddDays(20), false, WorkItemSource.PlanItem, plan));
        notTheirPlan.Problems.Single().Field.ShouldBe("SourceDocumentId");

        (await service.NewItemChoicesAsync(WorkData.Member(branch.Province, branch.Lead), branch.Province.Id)).Outcome.ShouldBe(Outcome.Forbidden);
        (await service.NewItemChoicesAsync(WorkData.Secretariat(commune), branch.Province.Id)).Outcome.ShouldBe(Outcome.NotFound);
    }

    [Fact]
    public async Task A_directive_older_than_the_list_is_found_by_its_symbol_and_a_symbol_used_in_two_years_by_its_date()
    {
        var branch = await WorkData.BranchAsync(app, "Cẩm Lệ", communes: 1);
        var commune = branch.Communes[0];
        var directive = await WorkData.DocumentAsync(app, branch.Province.Id, "CT", "Chỉ thị về phòng, chống dịch", DocumentVisibility.Subtree);
        var older = await WorkData.DocumentAsync(app, branch.Province.Id, "CT", "Chỉ thị năm trước", DocumentVisibility.Subtree);
        var unrelated = await WorkData.DocumentAsync(app, app.Hierarchy.Hue.Id, "CT", "Chỉ thị của tỉnh khác", DocumentVisibility.Subtree);
        await using var scope = app.ServiceScope();
        var symbol = await scope.Db.Documents.Where(d => d.Id == directive).Select(d => d.Symbol!).SingleAsync();
        // Every committee numbers from 01: a number only Huế's register has.
        const string elsewhere = "88/CT-BCĐ";
        await scope.Db.Documents.Where(d => d.Id == unrelated).ExecuteUpdateAsync(d => d.SetProperty(x => x.Symbol, elsewhere));
        var service = scope.Get<WorkItemService>();
        var secretariat = WorkData.Secretariat(commune);

        (await service.FindSourceAsync(secretariat, commune.Id, symbol)).Value.ShouldBe(directive);
        (await service.FindSourceAsync(secretariat, commune.Id, " " + symbol.ToLowerInvariant() + " ")).Value.ShouldBe(directive, "as a clerk may type it");
        (await service.FindSourceAsync(secretariat, commune.Id, "99/CT-XYZ")).Problems.Single().Message
            .ShouldBe("Không tìm thấy văn bản số, ký hiệu \"99/CT-XYZ\" của Ban Chỉ đạo này hoặc cấp trên.");
        (await service.FindSourceAsync(secretariat, commune.Id, elsewhere)).Outcome.ShouldBe(Outcome.Invalid, "another province's directive is not one to implement here");
        (await service.FindSourceAsync(secretariat, app.Hierarchy.Hue.Id, symbol)).Outcome.ShouldBe(Outcome.NotFound);

        // The same number and symbol a year earlier: the date tells them apart.
        var lastYear = Today.AddYears(-1);
        await scope.Db.Documents.Where(d => d.Id == older)
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.Symbol, symbol).SetProperty(x => x.IssuedOn, lastYear).SetProperty(x => x.IssuedYear, lastYear.Year));
        (await service.FindSourceAsync(secretariat, commune.Id, symbol)).Problems.Single().Message
            .ShouldBe($"Có 2 văn bản số, ký hiệu \"{symbol}\" (ban hành ngày {Today.ToShort()}, {lastYear.ToShort()}): nhập kèm ngày ban hành, ví dụ \"{symbol} {Today.ToShort()}\".");
        (await service.FindSourceAsync(secretariat, commune.Id, $"{symbol} {lastYear.ToShort()}")).Value.ShouldBe(older);
        (await service.FindSourceAsync(secretariat, commune.Id, $"{symbol} ngày {Today.ToShort()}")).Value.ShouldBe(directive);
    }

    [Fact]
    public async Task The_page_takes_a_directive_by_its_symbol_and_says_so_when_none_has_it()
    {
        var branch = await WorkData.BranchAsync(app, "Ngũ Hành Sơn", communes: 1);
        var commune = branch.Communes[0];
        var directive = await WorkData.DocumentAsync(app, branch.Province.Id, "CT", "Chỉ thị về ứng phó triều cường", DocumentVisibility.Subtree);
        string symbol;
        await using (var scope = app.ServiceScope())
        {
            symbol = await scope.Db.Documents.Where(d => d.Id == directive).Select(d => d.Symbol!).SingleAsync();
        }
        var pages = await app.SignInToPagesAsync(Role.Secretariat, commune.Id);
        var url = $"/Work/Create?committeeId={commune.Id}";
        var fields = new Dictionary<string, string>
        {
            ["Title"] = "Gia cố kè biển",
            ["LeadAgencyId"] = commune.StandingAgencyId!.Value.ToString(),
            ["Regular"] = "true",
            ["Source"] = "Document",
            ["DocumentSymbol"] = "77/CT-KHONGCO",
            ["FanOut"] = "None",
        };

        var refused = await pages.PostFormAsync(url, url, fields);

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        html.ShouldContain("data-field=\"SourceDocumentId\">Không tìm thấy văn bản số, ký hiệu \"77/CT-KHONGCO\" của Ban Chỉ đạo này hoặc cấp trên.");
        html.ShouldContain("value=\"77/CT-KHONGCO\"", customMessage: "what was typed stays in the box");
        await using (var scope = app.ServiceScope())
        {
            (await scope.Db.WorkItems.CountAsync(w => w.CommitteeId == commune.Id)).ShouldBe(0);
        }

        fields["DocumentSymbol"] = symbol;
        var created = await pages.PostFormAsync(url, url, fields);

        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using (var scope = app.ServiceScope())
        {
            (await scope.Db.WorkItems.SingleAsync(w => w.CommitteeId == commune.Id)).SourceDocumentId.ShouldBe(directive);
        }
    }

    [Fact]
    public async Task The_api_passes_a_new_task_down_to_the_chosen_communes_and_a_member_may_not_create_one()
    {
        var branch = await WorkData.BranchAsync(app, "Hòa Vang", communes: 2);
        var secretariat = await app.SignInAsync(Role.Secretariat, branch.Province.Id);

        var created = await secretariat.PostJsonAsync("/api/v1/work-items", new
        {
            committeeId = branch.Province.Id,
            title = "Gia cố đê bao",
            leadAgencyId = branch.Lead.Id,
            regular = true,
            fanOutCommitteeIds = new[] { branch.Communes[1].Id },
        });
        await created.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var item = await created.ReadJsonAsync<WorkItemDetail>();
        item.Children.Single().CommitteeId.ShouldBe(branch.Communes[1].Id);

        var communeSecretariat = await app.SignInAsync(Role.Secretariat, branch.Communes[1].Id);
        var theirs = await communeSecretariat.GetJsonAsync<SteerCo.Data.Paged<WorkItemSummary>>("/api/v1/work-items");
        theirs.Items.Single().Title.ShouldBe("Gia cố đê bao");

        var member = await app.SignInAsync(Role.Member, branch.Province.Id, branch.Lead.Id);
        var refused = await member.PostJsonAsync("/api/v1/work-items", new { committeeId = branch.Province.Id, title = "Tự giao", leadAgencyId = branch.Lead.Id, regular = true, fanOutToAll = true });
        await refused.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        await using var scope = app.ServiceScope();
        (await scope.Db.WorkItems.CountAsync(w => w.Title == "Tự giao")).ShouldBe(0);
    }

    [Fact]
    public async Task The_page_shows_field_errors_in_vietnamese_saves_nothing_and_then_creates_the_task_with_its_children()
    {
        var branch = await WorkData.BranchAsync(app, "Sơn Trà", communes: 2);
        var pages = await app.SignInToPagesAsync(Role.Secretariat, branch.Province.Id);
        var url = $"/Work/Create?committeeId={branch.Province.Id}";
        var form = await pages.GetPageAsync(url);
        form.ShouldContain(branch.Communes[0].Name);
        form.ShouldContain(branch.Lead.Name);

        var refused = await pages.PostFormAsync(url, url, new()
        {
            ["Title"] = " ",
            ["LeadAgencyId"] = branch.Lead.Id.ToString(),
            ["DueDate"] = "31/02/2026",
            ["Source"] = "Document",
            ["FanOut"] = "Chosen",
        });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        html.ShouldContain("Ngày '31/02/2026' không hợp lệ: nhập theo dạng dd/MM/yyyy.");
        html.ShouldContain("Chọn Ban Chỉ đạo cấp dưới trực tiếp để giao nhiệm vụ.");

        var invalid = await pages.PostFormAsync(url, url, new()
        {
            ["Title"] = " ",
            ["LeadAgencyId"] = branch.Lead.Id.ToString(),
            ["Source"] = "Document",
            ["FanOut"] = "All",
        });
        html = WebUtility.HtmlDecode(await invalid.Content.ReadAsStringAsync());
        html.ShouldContain("data-field=\"Title\">Nhập nội dung nhiệm vụ.");
        html.ShouldContain("data-field=\"DueDate\">Nhập hạn hoàn thành hoặc chọn \"Thường xuyên\".");
        html.ShouldContain("data-field=\"SourceDocumentId\">Chọn văn bản là nguồn của nhiệm vụ.");

        // A hand-made post without the two radios means no source and not passed down: the same
        // messages, not a silent page.
        var bare = await pages.PostFormAsync(url, url, new()
        {
            ["Title"] = " ",
            ["LeadAgencyId"] = branch.Lead.Id.ToString(),
        });
        html = WebUtility.HtmlDecode(await bare.Content.ReadAsStringAsync());
        html.ShouldContain("data-field=\"Title\">Nhập nội dung nhiệm vụ.");
        html.ShouldContain("data-field=\"DueDate\">Nhập hạn hoàn thành hoặc chọn \"Thường xuyên\".");
        html.ShouldNotContain("data-field=\"SourceDocumentId\">");
        await using (var scope = app.ServiceScope())
        {
            (await scope.Db.WorkItems.CountAsync(w => w.CommitteePath.StartsWith(branch.Province.Path))).ShouldBe(0);
        }

        var created = await pages.PostFormAsync(url, url, new()
        {
            ["Title"] = "Diễn tập cứu hộ",
            ["LeadAgencyId"] = branch.Lead.Id.ToString(),
            ["CoordinatingAgencyIds"] = branch.Other.Id.ToString(),
            ["DueDate"] = Today.AddDays(30).ToString("dd/MM/yyyy"),
            ["Source"] = "None",
            ["FanOut"] = "All",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using (var scope = app.ServiceScope())
        {
            var items = await scope.Db.WorkItems.AsNoTracking().Where(w => w.CommitteePath.StartsWith(branch.Province.Path)).ToListAsync();
            items.Count.ShouldBe(3);
            created.Headers.Location!.ToString().ShouldBe($"/Work/Details/{items.Single(w => w.ParentId == null).Id}");
        }

        var member = await PageClient.SignInAsync(app, await app.CreateUserAsync(Role.Member, branch.Province.Id, branch.Lead.Id));
        (await member.Http.GetAsync(url)).Headers.Location!.OriginalString.ShouldContain("/Account/AccessDenied");
        var outsider = await app.SignInToPagesAsync(Role.Secretariat, branch.Communes[0].Id);
        (await outsider.Http.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_commune_reads_where_its_share_came_from_as_text_and_the_province_as_a_link()
    {
        var branch = await WorkData.BranchAsync(app, "Thăng Bình", communes: 1);
        var parent = await WorkData.ItemAsync(app, branch.Province, branch.Lead, Today.AddDays(20), "Kiểm tra kè biển");
        int childId;
        await using (var scope = app.ServiceScope())
        {
            childId = (await scope.Get<WorkItemService>().FanOutAsync(scope.Actor, parent.Id, null, parent.Version)).Value!.Children.Single().Id;
        }
        var commune = await app.SignInToPagesAsync(Role.Secretariat, branch.Communes[0].Id);
        var province = await app.SignInToPagesAsync(Role.Secretariat, branch.Province.Id);

        var seenBelow = await commune.GetPageAsync($"/Work/Details/{childId}");
        var seenAbove = await province.GetPageAsync($"/Work/Details/{childId}");

        seenBelow.ShouldContain("<span class=\"source\">Kiểm tra kè biển</span>");
        seenBelow.ShouldNotContain($"href=\"/Work/Details/{parent.Id}\"", customMessage: "the province's task is out of the commune's scope: a link would answer 404");
        (await commune.Http.GetAsync($"/Work/Details/{parent.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        seenAbove.ShouldContain($"<a href=\"/Work/Details/{parent.Id}\">Kiểm tra kè biển</a>");
    }
}

