using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Api;

/// <summary>
/// A JSON body or a query value the API cannot read is answered with the field at fault and what it takes,
/// in the reader's language, and nothing is written.
/// </summary>
public sealed class NamingWhatDidNotBind(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private Hierarchy H => app.Hierarchy;

    private string NewCommittee(string establishedOn = "2026-11-02", string documentSystem = "State") =>
        $$"""{"name": "Ban Chỉ đạo kiểm kê đất đai", "abbreviation": "BCĐ", "unitId": {{H.DanangUnit.Id}}, "parentId": {{H.Danang.Id}}, "documentSystem": "{{documentSystem}}", "establishedOn": "{{establishedOn}}"}""";

    [Fact]
    public async Task A_date_that_is_no_date_is_named_with_the_format_it_takes_and_nothing_is_written()
    {
        var client = await app.SignInAsync(Role.Secretariat, H.Danang.Id);
        var (committees, entries) = await CountsAsync();

        var response = await client.PostAsync("/api/v1/committees", Json(NewCommittee(establishedOn: "2026-02-30")));

        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.GetProperty("title").GetString().ShouldBe("Yêu cầu không hợp lệ: có tham số sai kiểu hoặc thiếu.");
        Errors(problem, "establishedOn").ShouldBe(["Ngày không hợp lệ: cần một ngày có thật, viết theo dạng yyyy-MM-dd (ví dụ 2026-03-31)."]);
        (await CountsAsync()).ShouldBe((committees, entries));
    }

    /// <summary>
    /// The API reads its dates before any service sees the request: an unreadable one is a 400 naming
    /// it, not the other problems the pages gather (a client fixes its JSON, then hears the rest).
    /// </summary>
    [Theory]
    [InlineData("document")]
    [InlineData("task")]
    [InlineData("meeting")]
    [InlineData("extension")]
    public async Task A_date_that_is_no_date_in_a_document_a_task_a_meeting_or_an_extension_is_named_and_nothing_is_written(string what)
    {
        var client = await app.SignInAsync(Role.Secretariat, H.Danang.Id);
        int taskId;
        await using (var scope = app.ServiceScope())
        {
            var task = await scope.Get<SteerCo.WorkItems.WorkItemService>().CreateAsync(scope.Actor, H.Danang.Id,
                new SteerCo.WorkItems.WorkItemInput("Kiểm kê kho vật tư", null, H.DanangAgency.Id, null, null, true));
            taskId = task.Value!.Id;
        }
        var (committees, entries) = await CountsAsync();
        var (url, body, field) = what switch
        {
            "document" => ("/api/v1/documents", $$"""{"committeeId": {{H.Danang.Id}}, "direction": "Incoming", "symbol": "15/UBND-VP", "issuedOn": "2026-02-30", "issuerKind": "Outside", "subject": ""}""", "issuedOn"),
            "task" => ("/api/v1/work-items", $$"""{"committeeId": {{H.Danang.Id}}, "title": "", "leadAgencyId": {{H.DanangAgency.Id}}, "dueDate": "31/03/2026"}""", "dueDate"),
            "meeting" => ($"/api/v1/committees/{H.Danang.Id}/meetings", """{"kind": "QuarterlyBriefing", "period": "Quý I/2026", "date": "abc", "place": ""}""", "date"),
            _ => ($"/api/v1/work-items/{taskId}/extension", """{"dueDate": "2026-02-31", "reason": "", "version": 1}""", "dueDate"),
        };

        var response = await client.PostAsync(url, Json(body));

        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        Errors(problem, field).ShouldBe(["Ngày không hợp lệ: cần một ngày có thật, viết theo dạng yyyy-MM-dd (ví dụ 2026-03-31)."]);
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe([field]);
        (await CountsAsync()).ShouldBe((committees, entries));
    }

    [Fact]
    public async Task The_same_answer_is_in_English_when_the_user_chose_English()
    {
        var client = await app.SignInAsync(Role.Secretariat, H.Danang.Id);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/committees") { Content = Json(NewCommittee(establishedOn: "31/03/2026")) };
        request.Headers.Add("Cookie", $"{CookieRequestCultureProvider.DefaultCookieName}={Uri.EscapeDataString(CookieRequestCultureProvider.MakeCookieValue(new RequestCulture("en-GB", "en")))}");

        var response = await client.SendAsync(request);

        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        Errors(await response.ReadProblemAsync(), "establishedOn").ShouldBe(["Not a valid date: give a real date written yyyy-MM-dd (for example 2026-03-31)."]);
    }

    [Fact]
    public async Task Words_where_a_number_goes_and_a_name_outside_the_choices_are_named()
    {
        var admin = await app.AsAdminAsync();
        var secretariat = await app.SignInAsync(Role.Secretariat, H.Danang.Id);

        var number = await admin.PostAsync("/api/v1/agencies", Json("""{"unitId": "bốn mươi tám", "name": "Sở Y tế"}"""));
        var choice = await secretariat.PostAsync("/api/v1/committees", Json(NewCommittee(documentSystem: "Quân đội")));

        await number.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        Errors(await number.ReadProblemAsync(), "unitId").ShouldBe(["Cần một số."]);
        await choice.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        Errors(await choice.ReadProblemAsync(), "documentSystem").ShouldBe(["Cần một trong các giá trị: State, Party."]);
    }

    [Fact]
    public async Task A_value_inside_a_list_is_named_with_its_place_in_the_list()
    {
        var client = await app.SignInAsync(Role.Secretariat, H.Danang.Id);

        var response = await client.PostAsync($"/api/v1/committees/{H.Danang.Id}/report-templates", Json("""
            {"name": "Báo cáo thiên tai", "indicators": [
              {"code": "CD01", "name": "Số hộ bị ảnh hưởng", "unit": "hộ", "type": "Number", "aggregation": "Sum"},
              {"code": "CD02", "name": "Số người sơ tán", "unit": "người", "type": "Number", "aggregation": "Cộng dồn"}]}
            """));

        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        Errors(await response.ReadProblemAsync(), "indicators[1].aggregation").ShouldBe(["Cần một trong các giá trị: None, Sum, Average, Min, Max."]);
    }

    [Fact]
    public async Task A_query_value_of_the_wrong_type_is_named()
    {
        var client = await app.SignInAsync(Role.Secretariat, H.Danang.Id);

        var date = await client.GetAsync($"/api/v1/committees/{H.Danang.Id}/roster?on=30/03/2026");
        var number = await client.GetAsync("/api/v1/committees?page=hai");
        var fine = await client.GetAsync($"/api/v1/committees/{H.Danang.Id}/roster?on=2026-03-30");

        await date.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        var problem = await date.ReadProblemAsync();
        problem.GetProperty("title").GetString().ShouldBe("Yêu cầu không hợp lệ: có tham số sai kiểu hoặc thiếu.");
        Errors(problem, "on").ShouldBe(["Ngày không hợp lệ: cần một ngày có thật, viết theo dạng yyyy-MM-dd (ví dụ 2026-03-31)."]);
        await number.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        Errors(await number.ReadProblemAsync(), "page").ShouldBe(["Cần một số."]);
        await fine.ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_body_that_is_not_json_says_where_it_breaks()
    {
        var admin = await app.AsAdminAsync();

        var response = await admin.PostAsync("/api/v1/agencies", Json("{\"unitId\": 1, \"name\": 'Sở Y tế'}"));

        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).GetProperty("detail").GetString().ShouldBe("Nội dung gửi lên không phải JSON hợp lệ (dòng 1, byte thứ 23 của dòng).");
    }

    [Fact]
    public async Task Where_json_breaks_after_vietnamese_text_is_counted_in_bytes_as_the_message_says()
    {
        var admin = await app.AsAdminAsync();

        // "Sở" and "tế" take three bytes each in UTF-8: the x is the 31st character and the 35th byte.
        var response = await admin.PostAsync("/api/v1/agencies", Json("{\"name\": \"Sở Y tế\", \"unitId\": x}"));

        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).GetProperty("detail").GetString().ShouldBe("Nội dung gửi lên không phải JSON hợp lệ (dòng 1, byte thứ 35 của dòng).");
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static string?[] Errors(JsonElement problem, string field) =>
        [.. problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString())];

    private async Task<(int Committees, long Entries)> CountsAsync()
    {
        await using var scope = app.ServiceScope();
        return (await scope.Db.Committees.CountAsync(), await scope.Db.AuditEntries.LongCountAsync());
    }
}
