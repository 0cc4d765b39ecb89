using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using SteerCo.Access;
using SteerCo.Reporting;
using SteerCo.Tests.Support;
using SteerCo.Web;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Tests.Reporting;

/// <summary>
/// The reporting pages over HTTP as a browser posts them: a request made from the committee's
/// page, a form refused field by field with nothing saved, a workbook refused cell by cell, review,
/// the consolidated table with its provenance and downloads, and who may open what.
/// </summary>
public sealed class ReportingPages(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private sealed record Setup(ReportingTree Tree, int TemplateId, int RequestId, int SubmissionA, int SubmissionB);

    private async Task<(ReportingTree Tree, int TemplateId)> TemplateAsync()
    {
        var tree = await ReportingData.TreeAsync(app);
        await using var scope = app.ServiceScope();
        var template = (await scope.Get<ReportTemplates>().CreateAsync(tree.ProvinceSecretariat, tree.Province.Id, ReportingData.Template())).Ok();
        return (tree, template.Id);
    }

    private async Task<Setup> RequestAsync()
    {
        var (tree, templateId) = await TemplateAsync();
        await using var scope = app.ServiceScope();
        var request = (await scope.Get<ReportRequests>().CreateAsync(tree.ProvinceSecretariat, tree.Province.Id,
            new RequestInput(null, templateId, null, ReportKind.Periodic, PeriodKind.Quarter, 2026, 1, null, null))).Ok();
        return new(tree, templateId, request.Id,
            request.Submissions.Single(s => s.CommitteeId == tree.CommuneA.Id).Id, request.Submissions.Single(s => s.CommitteeId == tree.CommuneB.Id).Id);
    }

    private async Task<SubmissionView> SubmissionAsync(int id)
    {
        await using var scope = app.ServiceScope();
        return (await scope.Get<Submissions>().GetAsync(Actor.System(), id)).Ok();
    }

    private async Task<int> ValueCountAsync(int submissionId)
    {
        await using var scope = app.ServiceScope();
        var versions = scope.Db.SubmissionVersions.Where(v => v.SubmissionId == submissionId).Select(v => v.Id);
        return await scope.Db.SubmissionValues.CountAsync(v => versions.Contains(v.SubmissionVersionId));
    }

    private static Dictionary<string, string> Form(int version, params (string Code, string Value)[] values)
    {
        var form = new Dictionary<string, string> { ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var (code, value) in values)
        {
            form[$"Values[{code}]"] = value;
        }
        return form;
    }

    private static (string Code, string Value)[] Complete(string households = "120") =>
        [("HO", households), ("HO_CAN", "150"), ("NHATRU", "80,5"), ("KEHOACH", "Có"), ("GHICHU", "Đã sơ tán xong")];

    [Fact]
    public async Task A_province_asks_a_chosen_commune_for_a_quarter_from_its_reporting_page_and_the_commune_sees_it_owed()
    {
        var (tree, templateId) = await TemplateAsync();
        var province = await app.SignInToPagesAsync(Role.Secretariat, tree.Province.Id);
        var page = await province.GetPageAsync($"/Reporting/{tree.Province.Id}");
        page.ShouldContain($"href=\"/Reporting/{tree.Province.Id}/Request\"");

        var form = new Dictionary<string, string>
        {
            ["Input.TemplateId"] = templateId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Period"] = ReportingPeriod.Quarter(2026, 1).Key,
            ["Input.Recipients"] = "chosen",
            ["Input.CommitteeIds"] = tree.CommuneA.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var posted = await province.PostFormAsync($"/Reporting/{tree.Province.Id}/Request", $"/Reporting/{tree.Province.Id}/Request", form);

        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = posted.Headers.Location!.OriginalString;
        location.ShouldStartWith("/Reporting/Request/");
        var request = await province.GetPageAsync(location);
        request.ShouldContain("Quý I/2026");
        request.ShouldContain(tree.CommuneA.Name);
        request.ShouldNotContain(tree.CommuneB.Name);
        request.ShouldContain("25/03/2026");
        var commune = await app.SignInToPagesAsync(Role.Secretariat, tree.CommuneA.Id);
        var owed = await commune.GetPageAsync($"/Reporting/{tree.CommuneA.Id}");
        owed.ShouldContain("Báo cáo công tác phòng, chống thiên tai Quý I/2026");
        owed.ShouldContain(tree.Province.Name);

        var neither = await province.PostFormAsync($"/Reporting/{tree.Province.Id}/Request", $"/Reporting/{tree.Province.Id}/Request",
            new(form) { ["Input.RegimeId"] = "", ["Input.TemplateId"] = "" });
        neither.StatusCode.ShouldBe(HttpStatusCode.OK);
        PageClient.ErrorBeside(WebUtility.HtmlDecode(await neither.Content.ReadAsStringAsync()), "Input.TemplateId").ShouldBe("Chọn chế độ báo cáo hoặc mẫu báo cáo.");

        var again = await province.PostFormAsync($"/Reporting/{tree.Province.Id}/Request", $"/Reporting/{tree.Province.Id}/Request", form);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        PageClient.ErrorBeside(WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), "Input.Period").ShouldNotBeNull().ShouldContain("Quý I/2026");
        await using var scope = app.ServiceScope();
        (await scope.Db.ReportRequests.CountAsync(r => r.CommitteeId == tree.Province.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task A_deadline_the_page_cannot_read_is_named_with_the_forms_other_problems_and_nothing_is_requested()
    {
        var (tree, _) = await TemplateAsync();
        var province = await app.SignInToPagesAsync(Role.Secretariat, tree.Province.Id);
        var url = $"/Reporting/{tree.Province.Id}/Request";
        long entries;
        await using (var scope = app.ServiceScope())
        {
            entries = await scope.Db.AuditEntries.LongCountAsync();
        }

        var refused = await province.PostFormAsync(url, url, new()
        {
            ["Input.Period"] = ReportingPeriod.Quarter(2026, 2).Key,
            ["Input.Deadline"] = "31/02/2026",
            ["Input.Recipients"] = "chosen",
            ["Input.CommitteeIds"] = app.Hierarchy.Hue.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var words = await province.PostFormAsync(url, url, new()
        {
            ["Input.Period"] = "quý hai",
            ["Input.Deadline"] = "abc",
            ["Input.Recipients"] = "children",
        });

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        PageClient.ErrorBeside(html, "Input.Deadline").ShouldBe("Ngày '31/02/2026' không hợp lệ: nhập theo dạng dd/MM/yyyy.");
        PageClient.ErrorBeside(html, "Input.TemplateId").ShouldBe("Chọn chế độ báo cáo hoặc mẫu báo cáo.");
        PageClient.ErrorBeside(html, "Input.CommitteeIds").ShouldBe("Chỉ yêu cầu báo cáo được các Ban Chỉ đạo cấp dưới của mình.");
        PageClient.ErrorBeside(html, "Input.Period").ShouldBeNull();
        words.StatusCode.ShouldBe(HttpStatusCode.OK);
        html = WebUtility.HtmlDecode(await words.Content.ReadAsStringAsync());
        PageClient.ErrorBeside(html, "Input.Deadline").ShouldBe("Ngày 'abc' không hợp lệ: nhập theo dạng dd/MM/yyyy.");
        PageClient.ErrorBeside(html, "Input.Period").ShouldBe("Kỳ báo cáo không hợp lệ.", "the page's own word on the period, not the service's again");
        PageClient.ErrorBeside(html, "Input.TemplateId").ShouldBe("Chọn chế độ báo cáo hoặc mẫu báo cáo.");
        await using (var scope = app.ServiceScope())
        {
            (await scope.Db.ReportRequests.CountAsync(r => r.CommitteeId == tree.Province.Id)).ShouldBe(0);
            (await scope.Db.AuditEntries.LongCountAsync()).ShouldBe(entries, "nothing is written while a field is wrong");
        }
    }

    [Fact]
    public async Task Under_a_quarterly_regime_of_the_committees_below_a_month_or_the_member_agencies_are_refused_beside_their_fields_and_nothing_is_requested()
    {
        var (tree, templateId) = await TemplateAsync();
        int regimeId;
        await using (var scope = app.ServiceScope())
        {
            regimeId = (await scope.Get<ReportTemplates>().CreateRegimeAsync(tree.ProvinceSecretariat, tree.Province.Id,
                new RegimeInput("Báo cáo quý của cấp xã", templateId, ReportKind.Periodic, PeriodKind.Quarter, null, null, null, ReporterKind.Committees))).Ok().Id;
        }
        var province = await app.SignInToPagesAsync(Role.Secretariat, tree.Province.Id);
        var url = $"/Reporting/{tree.Province.Id}/Request";
        Dictionary<string, string> Form(string period, string recipients) => new()
        {
            ["Input.RegimeId"] = regimeId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Period"] = period,
            ["Input.Recipients"] = recipients,
        };

        var month = await province.PostFormAsync(url, url, Form(ReportingPeriod.Month(2026, 3).Key, "children"));
        var agencies = await province.PostFormAsync(url, url, Form(ReportingPeriod.Quarter(2026, 1).Key, "agencies"));

        month.StatusCode.ShouldBe(HttpStatusCode.OK);
        PageClient.ErrorBeside(WebUtility.HtmlDecode(await month.Content.ReadAsStringAsync()), "Input.Period").ShouldBe("Kỳ báo cáo không thuộc loại kỳ của chế độ 'Báo cáo quý của cấp xã'.");
        agencies.StatusCode.ShouldBe(HttpStatusCode.OK);
        PageClient.ErrorBeside(WebUtility.HtmlDecode(await agencies.Content.ReadAsStringAsync()), "Input.CommitteeIds")
            .ShouldBe("Chế độ 'Báo cáo quý của cấp xã' do các Ban Chỉ đạo cấp dưới báo cáo: hãy chọn gửi tất cả hoặc một số Ban Chỉ đạo cấp dưới.");
        await using (var scope = app.ServiceScope())
        {
            (await scope.Db.ReportRequests.CountAsync(r => r.CommitteeId == tree.Province.Id)).ShouldBe(0);
        }

        var right = await province.PostFormAsync(url, url, Form(ReportingPeriod.Quarter(2026, 1).Key, "children"));
        right.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_commune_submitting_a_wrong_or_missing_figure_sees_the_message_beside_the_field_and_nothing_is_saved()
    {
        var s = await RequestAsync();
        var commune = await app.SignInToPagesAsync(Role.Secretariat, s.Tree.CommuneA.Id);
        var url = $"/Reporting/Submission/{s.SubmissionA}";
        (await commune.GetPageAsync(url)).ShouldContain("name=\"Values[HO]\"");

        var wrong = await commune.PostFormAsync(url, url + "?handler=Submit", Form(0, [.. Complete("một trăm")]));

        wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync());
        PageClient.ErrorBeside(html, "Values.HO").ShouldBe("HO Số hộ dân được sơ tán: 'một trăm' không phải là số.");
        html.ShouldContain("value=\"một trăm\"", customMessage: "what was typed stays in the form");
        (await ValueCountAsync(s.SubmissionA)).ShouldBe(0);

        var missing = await commune.PostFormAsync(url, url + "?handler=Submit", Form(0, [.. Complete().Where(v => v.Code != "KEHOACH")]));

        missing.StatusCode.ShouldBe(HttpStatusCode.OK);
        PageClient.ErrorBeside(WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync()), "Values.KEHOACH").ShouldNotBeNull().ShouldContain("KEHOACH");
        (await ValueCountAsync(s.SubmissionA)).ShouldBe(0, "a refused submission leaves the draft as it was");
        (await SubmissionAsync(s.SubmissionA)).Status.ShouldBe(SubmissionStatus.Draft);

        var submitted = await commune.PostFormAsync(url, url + "?handler=Submit", Form(0, Complete()));

        submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await commune.GetPageAsync(url);
        after.ShouldContain("Đã nộp báo cáo.");
        var view = await SubmissionAsync(s.SubmissionA);
        view.Status.ShouldBe(SubmissionStatus.Submitted);
        view.Fields.Single(f => f.Code == "TYLE").Display.ShouldBe("80%");
        view.Fields.Single(f => f.Code == "NHATRU").Number.ShouldBe(80.5m);
    }

    [Fact]
    public async Task A_workbook_with_wrong_cells_uploaded_on_the_page_lists_every_cell_and_saves_nothing_and_a_right_one_fills_the_draft()
    {
        var s = await RequestAsync();
        var commune = await app.SignInToPagesAsync(Role.Secretariat, s.Tree.CommuneB.Id);
        var url = $"/Reporting/Submission/{s.SubmissionB}";
        var download = await commune.Http.GetAsync(url + "?handler=Workbook");
        await download.ShouldHaveStatusAsync(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var workbook = await download.Content.ReadAsByteArrayAsync();

        var refused = await commune.PostMultipartAsync(url, url + "?handler=Upload", Upload(Workbooks.Edit(workbook, ("E7", "nhiều"), ("E10", 130))));

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        html.ShouldContain("Ô E7: HO Số hộ dân được sơ tán: 'nhiều' không phải là số.");
        html.ShouldContain("Ô E10: NHATRU Tỷ lệ nhà trú ẩn sẵn sàng: tỷ lệ 130 phải từ 0 đến 100.");
        (await ValueCountAsync(s.SubmissionB)).ShouldBe(0);

        var accepted = await commune.PostMultipartAsync(url, url + "?handler=Upload", Upload(Workbooks.Edit(workbook, ("E7", 40), ("E8", 50), ("E10", 70), ("E11", "Không"))));

        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var view = await SubmissionAsync(s.SubmissionB);
        view.Fields.Single(f => f.Code == "HO").Number.ShouldBe(40m);
        view.Fields.Single(f => f.Code == "TYLE").Number.ShouldBe(80m);
        view.Status.ShouldBe(SubmissionStatus.Draft);
    }

    [Fact]
    public async Task The_province_returns_with_a_comment_accepts_the_corrected_report_and_reads_each_figure_back_to_its_report()
    {
        var s = await RequestAsync();
        var commune = await app.SignInToPagesAsync(Role.Secretariat, s.Tree.CommuneA.Id);
        var province = await app.SignInToPagesAsync(Role.Secretariat, s.Tree.Province.Id);
        var url = $"/Reporting/Submission/{s.SubmissionA}";
        (await commune.PostFormAsync(url, url + "?handler=Submit", Form(0, Complete("100")))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var version = (await SubmissionAsync(s.SubmissionA)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var noComment = await province.PostFormAsync(url, url + "?handler=Return", new() { ["Version"] = version, ["Comment"] = "" });
        noComment.StatusCode.ShouldBe(HttpStatusCode.OK);
        var refusedPage = WebUtility.HtmlDecode(await noComment.Content.ReadAsStringAsync());
        PageClient.ErrorBeside(refusedPage, "Comment").ShouldBe("Nhập ý kiến khi trả lại báo cáo.");
        refusedPage.ShouldNotContain("not in a correct format", Case.Insensitive, "the review form has no figures or sections to bind");
        (await SubmissionAsync(s.SubmissionA)).Status.ShouldBe(SubmissionStatus.Submitted);

        (await province.PostFormAsync(url, url + "?handler=Return", new() { ["Version"] = version, ["Comment"] = "Số hộ sơ tán chưa khớp báo cáo nhanh." }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var returned = await commune.GetPageAsync(url);
        returned.ShouldContain("Số hộ sơ tán chưa khớp báo cáo nhanh.");
        var status = Regex.Match(returned, "<dd class=\"status\">(.*?)</dd>", RegexOptions.Singleline).Groups[1].Value;
        Regex.Replace(status, "<[^>]*>|\\s+", " ").Trim().ShouldBe("Bị trả lại", "the status once, not again as its compliance");
        returned.ShouldContain("value=\"100\"", customMessage: "the next draft starts from what was returned");
        var draftVersion = (await SubmissionAsync(s.SubmissionA)).Version;
        (await commune.PostFormAsync(url, url + "?handler=Submit", Form(draftVersion, Complete("120")))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        version = (await SubmissionAsync(s.SubmissionA)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        (await province.PostFormAsync(url, url + "?handler=Accept", new() { ["Version"] = version, ["Comment"] = "" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var request = await province.GetPageAsync($"/Reporting/Request/{s.RequestId}");
        request.ShouldContain($"<a href=\"/Reporting/Request/{s.RequestId}?indicator=HO#provenance\"");
        request.ShouldContain(">120</a>");
        var provenance = await province.GetPageAsync($"/Reporting/Request/{s.RequestId}?indicator=HO");
        var section = provenance[provenance.IndexOf("id=\"provenance\"", StringComparison.Ordinal)..];
        section.ShouldContain(s.Tree.CommuneA.Name);
        section.ShouldContain("phiên bản 2");
        section.ShouldNotContain(s.Tree.CommuneB.Name);
        var history = await province.GetPageAsync(url);
        history.ShouldContain("Số hộ sơ tán chưa khớp báo cáo nhanh.", customMessage: "every version is listed with its review");

        var xlsx = await province.Http.GetAsync($"/Reporting/Request/{s.RequestId}?handler=Xlsx");
        await xlsx.ShouldHaveStatusAsync(HttpStatusCode.OK);
        using (var sheet = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false))
        {
            sheet.WorkbookPart!.WorksheetParts.Single().Worksheet.InnerText.ShouldContain(s.Tree.CommuneA.Name);
        }
        var docx = await province.Http.GetAsync($"/Reporting/Request/{s.RequestId}?handler=Docx");
        await docx.ShouldHaveStatusAsync(HttpStatusCode.OK);
        using var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        word.MainDocumentPart!.Document.Body!.InnerText.ShouldContain("Quý I/2026");
    }

    [Fact]
    public void Every_period_reads_back_from_its_name_and_the_pages_name_it_as_stored_in_vietnamese_and_from_the_resource_file_in_english()
    {
        var text = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var periods = Enum.GetValues<PeriodKind>().SelectMany(kind => ReportingPeriod.Between(kind, 2023, 2023)).ToList();
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new("vi");
            foreach (var period in periods)
            {
                ReportingPeriod.TryParseName(period.ToString(), out var read).ShouldBeTrue(period.ToString());
                read.ShouldBe(period);
                text.PeriodName(period).ShouldBe(period.ToString());
            }
            CultureInfo.CurrentUICulture = new("en");
            periods.Select(p => text.PeriodName(p)).ShouldBe([
                "January 2023", "February 2023", "March 2023", "April 2023", "May 2023", "June 2023",
                "July 2023", "August 2023", "September 2023", "October 2023", "November 2023", "December 2023",
                "Q1 2023", "Q2 2023", "Q3 2023", "Q4 2023", "First half of 2023", "Second half of 2023", "First nine months of 2023", "Year 2023",
            ]);
            text.PeriodName("Quý III/2023").ShouldBe("Q3 2023");
            // Text that is no name the system writes is shown as it is.
            foreach (var other in new[] { "Tháng 13/2023", "Quý V/2023", "quý i/2023", "Hội nghị Quý I/2023", "Báo cáo chuyên đề", "" })
            {
                ReportingPeriod.TryParseName(other, out _).ShouldBeFalse(other);
                text.PeriodName(other).ShouldBe(other);
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    [Fact]
    public async Task In_english_the_pages_name_the_period_in_english_while_the_stored_title_and_the_generated_report_stay_vietnamese()
    {
        var s = await RequestAsync();
        var province = await app.SignInToPagesAsync(Role.Secretariat, s.Tree.Province.Id);
        var commune = await app.SignInToPagesAsync(Role.Secretariat, s.Tree.CommuneA.Id);
        (await province.GetPageAsync($"/Reporting/Request/{s.RequestId}")).ShouldContain("<dd>Quý I/2026</dd>");

        foreach (var client in new[] { province, commune })
        {
            await (await client.Http.GetAsync("/culture/en?returnUrl=/")).ShouldHaveStatusAsync(HttpStatusCode.Redirect);
        }
        var request = await province.GetPageAsync($"/Reporting/Request/{s.RequestId}");
        request.ShouldContain("<dd>Q1 2026</dd>");
        request.ShouldNotContain("<dd>Quý I/2026</dd>");
        var index = await province.GetPageAsync($"/Reporting/{s.Tree.Province.Id}?Year=2026&Kind=Quarter");
        index.ShouldContain("<td>Q1 2026</td>");
        index.ShouldContain("<th>Q4 2026</th>", customMessage: "the compliance grid's columns");
        // Found by the name the page shows as well as by the one stored.
        foreach (var q in new[] { "q1 2026", "quy i/2026" })
        {
            (await province.GetPageAsync($"/Reporting/{s.Tree.Province.Id}?q={Uri.EscapeDataString(q)}")).ShouldContain($"href=\"/Reporting/Request/{s.RequestId}\"", customMessage: q);
        }
        (await commune.GetPageAsync($"/Reporting/Submission/{s.SubmissionA}")).ShouldContain("<dd>Q1 2026</dd>");
        var form = await province.GetPageAsync($"/Reporting/{s.Tree.Province.Id}/Request");
        form.ShouldContain($"<option value=\"{ReportingPeriod.Quarter(2026, 1).Key}\"");
        form.ShouldContain(">Q1 2026</option>");
        form.ShouldContain(">First half of 2026</option>");

        await using var scope = app.ServiceScope();
        (await scope.Db.ReportRequests.SingleAsync(r => r.Id == s.RequestId)).Title.ShouldContain("Quý I/2026", customMessage: "the stored title stays as written");
        var docx = await province.Http.GetAsync($"/Reporting/Request/{s.RequestId}?handler=Docx");
        await docx.ShouldHaveStatusAsync(HttpStatusCode.OK);
        using var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        word.MainDocumentPart!.Document.Body!.InnerText.ShouldContain("Quý I/2026");
        word.MainDocumentPart.Document.Body.InnerText.ShouldNotContain("Q1 2026");
    }

    [Fact]
    public async Task A_commune_cannot_open_another_communes_report_or_the_provinces_request_and_only_the_secretariat_reviews()
    {
        var s = await RequestAsync();
        var communeB = await app.SignInToPagesAsync(Role.Secretariat, s.Tree.CommuneB.Id);
        (await communeB.Http.GetAsync($"/Reporting/Submission/{s.SubmissionA}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await communeB.Http.GetAsync($"/Reporting/Submission/{s.SubmissionA}?handler=Workbook")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await communeB.Http.GetAsync($"/Reporting/Request/{s.RequestId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await communeB.Http.GetAsync($"/Reporting/Request/{s.RequestId}?handler=Docx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await communeB.Http.GetAsync($"/Reporting/{s.Tree.Province.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await communeB.Http.GetAsync($"/Reporting/{s.Tree.Province.Id}/Request")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var ownPage = await communeB.GetPageAsync($"/Reporting/Submission/{s.SubmissionB}");
        var forged = await communeB.Http.PostAsync($"/Reporting/Submission/{s.SubmissionA}?handler=Save",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Version"] = "0", ["Values[HO]"] = "1", ["__RequestVerificationToken"] = PageClient.TokenIn(ownPage) }));
        forged.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var communeA = await app.SignInToPagesAsync(Role.Secretariat, s.Tree.CommuneA.Id);
        var url = $"/Reporting/Submission/{s.SubmissionA}";
        var withoutToken = await communeA.Http.PostAsync(url + "?handler=Save", new FormUrlEncodedContent(Form(0, ("HO", "1"))));
        withoutToken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await communeA.PostFormAsync(url, url + "?handler=Submit", Form(0, Complete()))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var leader = await app.SignInToPagesAsync(Role.Leader, s.Tree.Province.Id);
        var page = await leader.GetPageAsync(url);
        page.ShouldNotContain("handler=Accept");
        var version = (await SubmissionAsync(s.SubmissionA)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var accept = await leader.PostFormAsync(url, url + "?handler=Accept", new() { ["Version"] = version });
        accept.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        accept.Headers.Location!.OriginalString.ShouldContain("/Account/AccessDenied");
        (await SubmissionAsync(s.SubmissionA)).Status.ShouldBe(SubmissionStatus.Submitted);
        (await leader.Http.GetAsync($"/Reporting/{s.Tree.Province.Id}/Request")).Headers.Location!.OriginalString.ShouldContain("/Account/AccessDenied");
    }

    private static MultipartFormDataContent Upload(byte[] workbook)
    {
        var file = new ByteArrayContent(workbook);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new MultipartFormDataContent { { new StringContent("0"), "Version" }, { file, "file", "bao-cao.xlsx" } };
    }
}
