using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Localization;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Api;

/// <summary>
/// An edit sent without the version it was made on is refused with 400, not written over whatever is
/// there: a missing version is not version 0, neither for a record never edited (it went through)
/// nor for one edited since (it answered 409).
/// </summary>
public sealed class AChangeWithoutItsVersion(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private Hierarchy H => app.Hierarchy;

    /// <summary>The whole body of a change but its version, where to send it, where to read the record back, and the record's version.</summary>
    private sealed record Change(HttpMethod Method, string Url, JsonObject Body, string ReadUrl, int Version);

    [Theory]
    [InlineData("documents")]
    [InlineData("committees")]
    [InlineData("agencies")]
    [InlineData("units")]
    [InlineData("people")]
    [InlineData("numbers")]
    public async Task Is_refused_with_400_in_the_callers_language_and_changes_nothing(string resource)
    {
        var admin = await app.AsAdminAsync();
        var change = await PrepareAsync(admin, resource);
        var before = await admin.GetStringAsync(change.ReadUrl);

        var vietnamese = await admin.SendAsync(Request(change));
        var english = await admin.SendAsync(Request(change, english: true));

        await vietnamese.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await vietnamese.ReadProblemAsync()).ErrorsFor("version").ShouldBe(["Thiếu phiên bản của bản ghi (version): hãy tải lại trang rồi thử lại."]);
        await english.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await english.ReadProblemAsync()).ErrorsFor("version").ShouldBe(["The record's version is missing: load the page again and retry."]);
        (await admin.GetStringAsync(change.ReadUrl)).ShouldBe(before);
        // Only the version was missing: the same body with it goes through.
        change.Body["version"] = change.Version;
        await (await admin.SendAsync(Request(change))).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    private Task<Change> PrepareAsync(HttpClient admin, string resource) => resource switch
    {
        "documents" => DocumentAsync(admin),
        "committees" => CommitteeAsync(admin),
        "agencies" => AgencyAsync(admin),
        "units" => UnitAsync(admin),
        "people" => PersonAsync(admin),
        "numbers" => NumberAsync(admin),
        _ => throw new ArgumentOutOfRangeException(nameof(resource), resource, "No change prepared for this resource."),
    };

    private async Task<Change> DocumentAsync(HttpClient admin)
    {
        var body = Json(new
        {
            committeeId = H.Danang.Id,
            direction = "Incoming",
            symbol = "12/CĐ-TTg",
            issuedOn = "2026-02-10",
            receivedOn = "2026-02-10",
            issuerKind = "Outside",
            issuerName = "Thủ tướng Chính phủ",
            subject = "Công điện về ứng phó bão số 3",
        });
        var created = await CreateAsync(admin, "/api/v1/documents", body);
        body["subject"] = "Ghi đè";
        return new(HttpMethod.Put, $"/api/v1/documents/{Id(created)}", body, $"/api/v1/documents/{Id(created)}", Version(created));
    }

    // A committee of the hierarchy, already edited once: the case QA saw answer 409 instead of 400.
    private async Task<Change> CommitteeAsync(HttpClient admin)
    {
        var url = $"/api/v1/committees/{H.VyDa.Id}";
        var body = Json(new
        {
            name = H.VyDa.Name + " (kiện toàn)",
            abbreviation = "BCĐ",
            unitId = H.VyDaUnit.Id,
            parentId = H.Hue.Id,
            standingAgencyId = H.VyDaAgency.Id,
            documentSystem = "State",
            establishedOn = "2025-07-15",
            version = (await admin.GetJsonAsync<JsonElement>(url)).GetProperty("version").GetInt32(),
        });
        var edited = await admin.PutJsonAsync(url, body);
        await edited.ShouldHaveStatusAsync(HttpStatusCode.OK);
        body.Remove("version");
        body["name"] = "Ghi đè";
        var version = Version(await edited.ReadJsonAsync<JsonElement>());
        version.ShouldBeGreaterThan(0);
        return new(HttpMethod.Put, url, body, url, version);
    }

    private async Task<Change> AgencyAsync(HttpClient admin)
    {
        var body = Json(new { unitId = H.DanangUnit.Id, name = "Sở Y tế", abbreviation = "SYT" });
        var created = await CreateAsync(admin, "/api/v1/agencies", body);
        body["name"] = "Ghi đè";
        return new(HttpMethod.Put, $"/api/v1/agencies/{Id(created)}", body, $"/api/v1/agencies/{Id(created)}", Version(created));
    }

    private async Task<Change> UnitAsync(HttpClient admin)
    {
        var body = Json(new { code = "20243", name = "Phường Thạch Thang", level = "Commune", parentId = H.DanangUnit.Id, kind = "phuong" });
        var created = await CreateAsync(admin, "/api/v1/units", body);
        body["name"] = "Phường Ghi Đè";
        return new(HttpMethod.Put, $"/api/v1/units/{Id(created)}", body, $"/api/v1/units/{Id(created)}", Version(created));
    }

    private async Task<Change> PersonAsync(HttpClient admin)
    {
        var body = Json(new { fullName = "Phan Văn Thử", jobTitle = "Chuyên viên", agencyId = H.DanangAgency.Id });
        var created = (await CreateAsync(admin, "/api/v1/people", body)).GetProperty("person");
        body["fullName"] = "Ghi Đè";
        return new(HttpMethod.Put, $"/api/v1/people/{Id(created)}", body, $"/api/v1/people/{Id(created)}", Version(created));
    }

    private async Task<Change> NumberAsync(HttpClient admin)
    {
        var created = await CreateAsync(admin, $"/api/v1/committees/{H.Danang.Id}/numbers", Json(new { type = "QĐ", issuedOn = "2026-04-01" }));
        return new(HttpMethod.Post, $"/api/v1/numbers/{Id(created)}/cancel", Json(new { reason = "Không ban hành" }),
            $"/api/v1/committees/{H.Danang.Id}/numbers", Version(created));
    }

    private static async Task<JsonElement> CreateAsync(HttpClient admin, string url, JsonObject body)
    {
        var response = await admin.PostJsonAsync(url, body);
        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        return await response.ReadJsonAsync<JsonElement>();
    }

    private static HttpRequestMessage Request(Change change, bool english = false)
    {
        var request = new HttpRequestMessage(change.Method, change.Url)
        {
            Content = new StringContent(change.Body.ToJsonString(ApiJson.Options), System.Text.Encoding.UTF8, "application/json"),
        };
        if (english)
        {
            request.Headers.Add("Cookie", $"{CookieRequestCultureProvider.DefaultCookieName}={Uri.EscapeDataString(CookieRequestCultureProvider.MakeCookieValue(new RequestCulture("en-GB", "en")))}");
        }
        return request;
    }

    private static JsonObject Json(object body) => JsonSerializer.SerializeToNode(body, ApiJson.Options)!.AsObject();

    private static int Id(JsonElement record) => record.GetProperty("id").GetInt32();

    private static int Version(JsonElement record) => record.GetProperty("version").GetInt32();
}
