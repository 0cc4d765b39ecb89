using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using SteerCo.Access;
using SteerCo.Members;
using SteerCo.Tests.Support;
using SteerCo.Web.Api;
using static SteerCo.Tests.Members.MemberData;

namespace SteerCo.Tests.Members;

/// <summary>
/// GET .../roster.xlsx and POST .../reconstitutions/{draftId}/roster.xlsx: the download, a sheet that
/// replaces a draft's roster, 422 with every bad row, 409 on a stale version, 413, and the scope.
/// </summary>
public sealed class RosterSheetsOverHttp(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private static MultipartFormDataContent Form(byte[] xlsx, int? version, bool createPeople = false, string fileName = "Danh sách thành viên.xlsx")
    {
        var form = new MultipartFormDataContent();
        if (version is { } v)
        {
            form.Add(new StringContent(v.ToString(CultureInfo.InvariantCulture)), "version");
        }
        if (createPeople)
        {
            form.Add(new StringContent("true"), "createPeople");
        }
        var file = new ByteArrayContent(xlsx);
        file.Headers.ContentType = new MediaTypeHeaderValue(RosterWorkbook.ContentType);
        form.Add(file, "file", fileName);
        return form;
    }

    private async Task<(HttpClient Client, ReconstitutionView Draft)> SecretariatWithDraftAsync()
    {
        var client = await app.SignInAsync(Role.Secretariat, app.Hierarchy.Danang.Id);
        var started = await client.PostJsonAsync($"/api/v1/committees/{app.Hierarchy.Danang.Id}/reconstitutions", new StartReconstitutionRequest(new DateOnly(2026, 1, 1)));
        await started.ShouldHaveStatusAsync(HttpStatusCode.Created);
        return (client, await started.ReadJsonAsync<ReconstitutionView>());
    }

    private string ImportUrl(int draftId) => $"/api/v1/committees/{app.Hierarchy.Danang.Id}/reconstitutions/{draftId}/roster.xlsx";

    [Fact]
    public async Task The_roster_of_a_day_downloads_as_an_xlsx_named_for_the_day_within_the_scope()
    {
        var committee = await CommitteeAsync(app, "Ban Chỉ đạo tải về");
        await AddOkAsync(app, committee.Id, await PersonAsync(app, "Châu Văn Tải"), Chair, new DateOnly(2025, 8, 1));
        var leader = await app.SignInAsync(Role.Leader, app.Hierarchy.Danang.Id);
        var hue = await app.SignInAsync(Role.Secretariat, app.Hierarchy.Hue.Id);
        var url = $"/api/v1/committees/{committee.Id}/roster.xlsx?on=2025-09-05";

        var response = await leader.GetAsync(url);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(RosterWorkbook.ContentType);
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("Danh sách thành viên 05-09-2025.xlsx");
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        var cells = RosterSheets.Cells(await response.Content.ReadAsByteArrayAsync());
        (cells["B5"], cells["E5"]).ShouldBe(("Châu Văn Tải", "Trưởng ban"));
        (await hue.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.AnonymousClient().GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_downloaded_roster_uploads_back_unchanged_an_edited_one_replaces_the_draft_and_a_stale_version_is_409()
    {
        var h = app.Hierarchy;
        var chair = await PersonAsync(app, "Quách Văn Chủ");
        var member = await PersonAsync(app, "Quách Thị Viên");
        await AddOkAsync(app, h.Danang.Id, chair, Chair, new DateOnly(2025, 8, 1));
        await AddOkAsync(app, h.Danang.Id, member, Member, new DateOnly(2025, 8, 1));
        var (client, draft) = await SecretariatWithDraftAsync();
        var exported = await (await client.GetAsync($"/api/v1/committees/{h.Danang.Id}/roster.xlsx")).Content.ReadAsByteArrayAsync();

        var same = await client.PostAsync(ImportUrl(draft.Id), Form(exported, draft.Version));

        await same.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var unchanged = await same.ReadJsonAsync<RosterImported>();
        unchanged.Draft!.Lines.Select(l => (l.PersonId, l.PostId)).ShouldBe(draft.Lines.Select(l => (l.PersonId, l.PostId)));
        unchanged.Draft.Changes.ShouldAllBe(c => c.Kind == ChangeKind.Unchanged);

        var edited = RosterSheets.Members(
            ("Quách Văn Chủ", "", h.DanangAgency.Name, "Trưởng ban"),
            ("Quách Thị Viên", "", "UBND", "Phó Trưởng ban"),
            ("Quách Văn Mới", "Chánh Văn phòng", "UBND", "Ủy viên"));
        var replaced = await client.PostAsync(ImportUrl(draft.Id), Form(edited, unchanged.Draft.Version, createPeople: true));

        await replaced.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var imported = await replaced.ReadJsonAsync<RosterImported>();
        imported.CreatedPeople.ShouldBe(["Quách Văn Mới"]);
        imported.Draft!.Changes.Where(c => c.Kind != ChangeKind.Unchanged).Select(c => (c.Kind, c.FullName))
            .ShouldBe([(ChangeKind.Joined, "Quách Văn Mới"), (ChangeKind.PostChanged, "Quách Thị Viên")], ignoreOrder: true);

        var stale = await client.PostAsync(ImportUrl(draft.Id), Form(exported, unchanged.Draft.Version));
        await stale.ShouldHaveStatusAsync(HttpStatusCode.Conflict);
        (await stale.ReadProblemAsync()).GetProperty("status").GetInt32().ShouldBe(409);
        (await client.GetJsonAsync<ReconstitutionView>($"/api/v1/committees/{h.Danang.Id}/reconstitutions/{draft.Id}")).Lines.Select(l => l.FullName)
            .ShouldBe(["Quách Văn Chủ", "Quách Thị Viên", "Quách Văn Mới"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_sheet_with_bad_rows_answers_422_with_every_row_and_column_and_the_draft_stays()
    {
        var (client, draft) = await SecretariatWithDraftAsync();
        var sheet = RosterSheets.Members(
            ("Tăng Văn Một", "Chuyên viên", "UBND", "Phó ban"),
            ("", "Chuyên viên", "UBND", "Ủy viên"),
            ("Tăng Văn Ba", "Chuyên viên", "Sở Du lịch", "Ủy viên"));

        var response = await client.PostAsync(ImportUrl(draft.Id), Form(sheet, draft.Version, createPeople: true));

        await response.ShouldHaveStatusAsync(HttpStatusCode.UnprocessableEntity);
        var problem = await response.ReadProblemAsync();
        problem.GetProperty("status").GetInt32().ShouldBe(422);
        problem.GetProperty("title").GetString().ShouldBe("Tệp có 3 lỗi nên chưa nhập dòng nào. Sửa các lỗi dưới đây rồi tải lên lại.");
        var errors = problem.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString(), e.GetProperty("message").GetString())).ToList();
        errors.ShouldBe([
            (2, "Chức danh trong Ban Chỉ đạo", "Dòng 2, cột Chức danh trong Ban Chỉ đạo: không tìm thấy chức danh 'Phó ban' trong Ban Chỉ đạo này."),
            (3, "Họ và tên", "Dòng 3, cột Họ và tên: thiếu họ và tên."),
            (4, "Cơ quan", "Dòng 4, cột Cơ quan: không tìm thấy cơ quan 'Sở Du lịch' (theo tên hoặc tên viết tắt) trong đơn vị của Ban Chỉ đạo.")]);
        var after = await client.GetJsonAsync<ReconstitutionView>($"/api/v1/committees/{app.Hierarchy.Danang.Id}/reconstitutions/{draft.Id}");
        after.Version.ShouldBe(draft.Version);
        after.Lines.Count.ShouldBe(draft.Lines.Count);
    }

    [Fact]
    public async Task Files_that_are_not_sheets_are_422_one_past_the_limit_is_413_and_a_missing_version_is_422()
    {
        var (client, draft) = await SecretariatWithDraftAsync();

        var pdf = await client.PostAsync(ImportUrl(draft.Id), Form("%PDF-1.4 không phải bảng tính"u8.ToArray(), draft.Version, fileName: "Danh sách.xlsx"));
        var huge = await client.PostAsync(ImportUrl(draft.Id), Form(new byte[RosterWorkbook.MaxUploadBytes + (2 * 1024 * 1024)], draft.Version));
        var noVersion = await client.PostAsync(ImportUrl(draft.Id), Form(RosterSheets.Members(("Tăng Văn Một", "Chuyên viên", "UBND", "Ủy viên")), null));

        await pdf.ShouldHaveStatusAsync(HttpStatusCode.UnprocessableEntity);
        (await pdf.ReadProblemAsync()).GetProperty("errors")[0].GetProperty("message").GetString().ShouldBe("Tệp 'Danh sách.xlsx' là tệp PDF, không phải bảng tính Excel (.xlsx).");
        await huge.ShouldHaveStatusAsync(HttpStatusCode.RequestEntityTooLarge);
        (await huge.ReadProblemAsync()).GetProperty("title").GetString().ShouldBe("Tệp quá lớn: tệp danh sách tối đa 5 MB.");
        await noVersion.ShouldHaveStatusAsync(HttpStatusCode.UnprocessableEntity);
        (await noVersion.ReadProblemAsync()).GetProperty("errors")[0].GetProperty("message").GetString().ShouldBe("Thiếu phiên bản của bản ghi (version): hãy tải lại trang rồi thử lại.");
    }

    [Fact]
    public async Task Only_the_committees_own_secretariat_imports_a_leader_gets_403_and_another_province_404()
    {
        var (_, draft) = await SecretariatWithDraftAsync();
        var leader = await app.SignInAsync(Role.Leader, app.Hierarchy.Danang.Id);
        var hue = await app.SignInAsync(Role.Secretariat, app.Hierarchy.Hue.Id);
        var sheet = RosterSheets.Members(("Tăng Văn Lạ", "Chuyên viên", "UBND", "Ủy viên"));

        var byLeader = await leader.PostAsync(ImportUrl(draft.Id), Form(sheet, draft.Version, createPeople: true));
        var byHue = await hue.PostAsync(ImportUrl(draft.Id), Form(sheet, draft.Version, createPeople: true));

        await byLeader.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        await byHue.ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        var admin = await app.AsAdminAsync();
        (await admin.GetJsonAsync<ReconstitutionView>($"/api/v1/committees/{app.Hierarchy.Danang.Id}/reconstitutions/{draft.Id}")).Version.ShouldBe(draft.Version);
    }
}
