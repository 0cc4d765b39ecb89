using System.Text;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Agencies;
using SteerCo.Members;
using SteerCo.Tests.Documents.Files;
using SteerCo.Tests.Support;
using static SteerCo.Tests.Members.MemberData;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace SteerCo.Tests.Members;

/// <summary>
/// A committee's roster exported as XLSX, and roster sheets imported into a reconstitution draft:
/// the round trip, every bad row reported with nothing saved, people created only when asked,
/// agencies found in the nearest unit, and files that are not roster sheets.
/// </summary>
public sealed class ImportingARosterSheet(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private static readonly DateOnly Start = new(2025, 8, 1);

    private string DanangUbnd => app.Hierarchy.DanangAgency.Name;

    private async Task<Agency> AgencyAsync(string name, string abbreviation, SteerCo.Units.AdministrativeUnit? unit = null)
    {
        await using var scope = app.ServiceScope();
        var agency = TestData.Agency(unit ?? app.Hierarchy.DanangUnit, name, abbreviation);
        scope.Db.Agencies.Add(agency);
        await scope.Db.SaveChangesAsync();
        return agency;
    }

    private async Task<ReconstitutionView> DraftAsync(int committeeId, Actor? actor = null)
    {
        await using var scope = app.ServiceScope(actor);
        var started = await scope.Get<Reconstitutions>().StartAsync(scope.Actor, committeeId, new DateOnly(2026, 1, 1));
        started.IsOk.ShouldBeTrue(string.Join("; ", started.Problems.Select(p => p.Message)));
        return started.Value!;
    }

    private async Task<ReconstitutionView> GetDraftAsync(int committeeId, int draftId)
    {
        await using var scope = app.ServiceScope();
        return (await scope.Get<Reconstitutions>().GetAsync(scope.Actor, committeeId, draftId)).Value!;
    }

    private async Task<(int People, int Audit)> CountsAsync()
    {
        await using var scope = app.ServiceScope();
        return (await scope.Db.People.CountAsync(), await scope.Db.AuditEntries.CountAsync());
    }

    private static IEnumerable<(int?, string?)> Where(Result<RosterImported> result) => result.Value!.Errors.Select(e => (e.Row, e.Column));

    [Fact]
    public async Task The_exported_roster_imports_back_into_an_emptied_draft_as_the_same_lines()
    {
        var committee = await CommitteeAsync(app, "Ban Chỉ đạo khứ hồi");
        var construction = await AgencyAsync("Sở Xây dựng", "SXD");
        var chair = await PersonAsync(app, "Nguyễn Văn Khứ", jobTitle: "Chủ tịch Ủy ban nhân dân thành phố");
        var deputy = await PersonAsync(app, "Trần Thị Hồi", construction, "Giám đốc Sở Xây dựng");
        var member = await PersonAsync(app, "Lê Văn Về");
        // Works in the construction department, sits for the People's Committee: matched by the seat.
        var seated = await PersonAsync(app, "Phạm Thị Ghế", construction);
        await AddOkAsync(app, committee.Id, chair, Chair, Start);
        await AddOkAsync(app, committee.Id, deputy, Deputy, Start);
        await AddOkAsync(app, committee.Id, member, Member, Start);
        await using (var scope = app.ServiceScope())
        {
            (await scope.Get<RosterService>().AddMembershipAsync(scope.Actor, committee.Id,
                new MembershipInput(seated, Secretary, app.Hierarchy.DanangAgency.Id, Start, null, null, null))).IsOk.ShouldBeTrue();
        }
        var roster = await RosterAsync(app, committee.Id, new DateOnly(2025, 12, 1));
        var draft = await DraftAsync(committee.Id);
        await using (var scope = app.ServiceScope())
        {
            draft = (await scope.Get<Reconstitutions>().UpdateAsync(scope.Actor, committee.Id, draft.Id, Input(draft, []), draft.Version)).Value!;
        }
        draft.Lines.ShouldBeEmpty();
        var before = await CountsAsync();

        var imported = await RosterSheets.ImportAsync(app, committee.Id, draft.Id, RosterWorkbook.Write(roster));

        imported.IsOk.ShouldBeTrue(string.Join("; ", imported.Problems.Select(p => p.Message)));
        imported.Value!.CreatedPeople.ShouldBeEmpty();
        imported.Value.Draft!.Lines.Select(l => (l.PersonId, l.PostId, l.AgencyId))
            .ShouldBe(roster.Members.Select(m => (m.PersonId, m.PostId, m.AgencyId)));
        imported.Value.Draft.Lines.Single(l => l.PersonId == seated).AgencyName.ShouldBe(DanangUbnd);
        imported.Value.Draft.Changes.ShouldAllBe(c => c.Kind == ChangeKind.Unchanged);
        (await CountsAsync()).People.ShouldBe(before.People);
    }

    [Fact]
    public async Task The_export_is_a_titled_table_in_times_new_roman_with_a_bold_bordered_frozen_header()
    {
        var committee = await CommitteeAsync(app, "Ban Chỉ đạo phòng, chống thiên tai phường Mẫu");
        var chair = await PersonAsync(app, "Đặng Văn Mẫu", jobTitle: "Chủ tịch Ủy ban nhân dân phường");
        var member = await PersonAsync(app, "Bùi Thị Bảng");
        await AddOkAsync(app, committee.Id, member, Member, Start);
        await AddOkAsync(app, committee.Id, chair, Chair, Start);
        var roster = await RosterAsync(app, committee.Id, new DateOnly(2025, 9, 5));

        var xlsx = RosterWorkbook.Write(roster);

        RosterWorkbook.FileName(roster).ShouldBe("Danh sách thành viên 05-09-2025.xlsx");
        var cells = RosterSheets.Cells(xlsx);
        cells["A1"].ShouldBe("BAN CHỈ ĐẠO PHÒNG, CHỐNG THIÊN TAI PHƯỜNG MẪU");
        cells["A2"].ShouldBe("Danh sách thành viên tính đến ngày 05/09/2025");
        new[] { cells["A4"], cells["B4"], cells["C4"], cells["D4"], cells["E4"] }.ShouldBe(["STT", "Họ và tên", "Chức vụ", "Cơ quan", "Chức danh trong Ban Chỉ đạo"]);
        // Roster order: the chair first.
        new[] { cells["A5"], cells["B5"], cells["C5"], cells["D5"], cells["E5"] }.ShouldBe(["1", "Đặng Văn Mẫu", "Chủ tịch Ủy ban nhân dân phường", DanangUbnd, "Trưởng ban"]);
        new[] { cells["A6"], cells["B6"], cells["E6"] }.ShouldBe(["2", "Bùi Thị Bảng", "Ủy viên"]);

        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var stylesheet = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        stylesheet.Fonts!.Elements<S.Font>().Select(f => f.GetFirstChild<S.FontName>()!.Val!.Value).ShouldAllBe(name => name == "Times New Roman");
        var sheet = document.WorkbookPart.WorksheetParts.Single().Worksheet;
        var pane = sheet.Descendants<S.Pane>().Single();
        (pane.State!.Value, pane.VerticalSplit!.Value, pane.TopLeftCell!.Value).ShouldBe((S.PaneStateValues.Frozen, 4.0, "A5"));
        sheet.Descendants<S.Column>().Select(c => c.Width!.Value).ShouldAllBe(w => w >= 6);
        var header = sheet.Descendants<S.Cell>().Single(c => c.CellReference == "B4");
        var format = stylesheet.CellFormats!.Elements<S.CellFormat>().ElementAt((int)header.StyleIndex!.Value);
        stylesheet.Fonts.Elements<S.Font>().ElementAt((int)format.FontId!.Value).GetFirstChild<S.Bold>().ShouldNotBeNull();
        stylesheet.Borders!.Elements<S.Border>().ElementAt((int)format.BorderId!.Value).GetFirstChild<S.BottomBorder>()!.Style!.Value.ShouldBe(S.BorderStyleValues.Thin);
    }

    [Fact]
    public async Task A_sheet_with_bad_rows_imports_nothing_and_reports_every_row()
    {
        var committee = await CommitteeAsync(app, "Ban Chỉ đạo dòng lỗi");
        var right = await PersonAsync(app, "Hoàng Văn Đúng");
        await AddOkAsync(app, committee.Id, right, Member, Start);
        var draft = await DraftAsync(committee.Id);
        var before = await CountsAsync();
        var sheet = RosterSheets.Workbook(
            RosterSheets.Header,
            [1, "Hoàng Văn Đúng", "Phó Giám đốc Sở", DanangUbnd, "Trưởng ban"],
            [2, null, "Chuyên viên", "UBND", "Ủy viên"],
            [3, "Mai Văn Mới", "Chuyên viên", "UBND", "Phó ban"],
            [4, "Đỗ Thị Lạ", "Chuyên viên", "Sở Du lịch", "Ủy viên"],
            [5, "HOANG VAN DUNG", null, "ubnd", "Ủy viên"],
            [6, "Vũ Thị Hai", "Chuyên viên", "UBND", "Trưởng Ban"],
            [7, new Formula("B2", "Hoàng Văn Đúng"), "Chuyên viên", "UBND", "Ủy viên"],
            [8, "Lý Văn Số", "Chuyên viên", 115, "Ủy viên"],
            [9, "Lương Văn Trống", null, "UBND", "Ủy viên"],
            [],
            [11, "Sau Dòng Trống", "Chuyên viên", "Không có", "Không có"]);

        var result = await RosterSheets.ImportAsync(app, committee.Id, draft.Id, sheet, createPeople: true);

        result.Outcome.ShouldBe(Outcome.Invalid);
        Where(result).ShouldBe([
            (3, "Họ và tên"), (4, "Chức danh trong Ban Chỉ đạo"), (5, "Cơ quan"), (6, null), (7, "Chức danh trong Ban Chỉ đạo"),
            (8, "Họ và tên"), (9, "Cơ quan"), (10, "Chức vụ")]);
        result.Value!.Errors.Select(e => e.ToString()).ShouldBe([
            "Dòng 3, cột Họ và tên: thiếu họ và tên.",
            "Dòng 4, cột Chức danh trong Ban Chỉ đạo: không tìm thấy chức danh 'Phó ban' trong Ban Chỉ đạo này.",
            "Dòng 5, cột Cơ quan: không tìm thấy cơ quan 'Sở Du lịch' (theo tên hoặc tên viết tắt) trong đơn vị của Ban Chỉ đạo.",
            "Dòng 6: HOANG VAN DUNG đã có ở dòng 2: một người chỉ giữ một chức danh.",
            "Dòng 7, cột Chức danh trong Ban Chỉ đạo: Trưởng ban đã có ở dòng 2: Ban Chỉ đạo chỉ có một Trưởng ban.",
            "Dòng 8, cột Họ và tên: ô chứa công thức: hãy chép rồi dán giá trị (Paste Values) thay cho công thức.",
            "Dòng 9, cột Cơ quan: ô chứa số hoặc giá trị không phải chữ (115): cần nhập chữ.",
            "Dòng 10, cột Chức vụ: cần chức vụ để tạo mới Lương Văn Trống."]);
        var after = await GetDraftAsync(committee.Id, draft.Id);
        after.Version.ShouldBe(draft.Version);
        after.Lines.Select(l => (l.PersonId, l.PostId)).ShouldBe([(right, Member)]);
        (await CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task People_not_found_are_created_only_when_the_clerk_asks_and_in_the_same_save()
    {
        var committee = await CommitteeAsync(app, "Ban Chỉ đạo người mới");
        var construction = await AgencyAsync("Sở Xây dựng thành phố", "SXDTP");
        var chair = await PersonAsync(app, "Nguyễn Văn Chính Mới");
        var draft = await DraftAsync(committee.Id);
        var sheet = RosterSheets.Members(
            ("nguyen van chinh moi", "", "UBND", "truong ban"),
            ("Đoàn Thị Quyên Mới", "Giám đốc Sở Xây dựng", "Sở Xây dựng thành phố", "Ủy viên"));
        var before = await CountsAsync();

        var refused = await RosterSheets.ImportAsync(app, committee.Id, draft.Id, sheet);

        refused.Value!.Errors.Select(e => e.ToString()).ShouldBe([
            "Dòng 3, cột Họ và tên: chưa có Đoàn Thị Quyên Mới thuộc Sở Xây dựng thành phố trong danh sách người: kiểm tra lại họ tên, hoặc chọn \"Tạo người chưa có\" để tạo mới."]);
        (await CountsAsync()).ShouldBe(before);

        var imported = await RosterSheets.ImportAsync(app, committee.Id, draft.Id, sheet, createPeople: true);

        imported.IsOk.ShouldBeTrue(string.Join("; ", imported.Problems.Select(p => p.Message)));
        imported.Value!.CreatedPeople.ShouldBe(["Đoàn Thị Quyên Mới"]);
        var lines = imported.Value.Draft!.Lines;
        lines.Select(l => (l.FullName, l.PostId, l.AgencyId)).ShouldBe([
            ("Nguyễn Văn Chính Mới", Chair, app.Hierarchy.DanangAgency.Id), ("Đoàn Thị Quyên Mới", Member, construction.Id)]);
        lines[0].PersonId.ShouldBe(chair);
        lines[1].JobTitle.ShouldBe("Giám đốc Sở Xây dựng");
        imported.Value.Draft.Changes.Select(c => (c.Kind, c.FullName)).ShouldBe([(ChangeKind.Joined, "Nguyễn Văn Chính Mới"), (ChangeKind.Joined, "Đoàn Thị Quyên Mới")], ignoreOrder: true);
        await using var scope = app.ServiceScope();
        var created = await scope.Db.People.SingleAsync(p => p.FoldedName == "doan thi quyen moi");
        created.AgencyId.ShouldBe(construction.Id);
        var written = await scope.Db.AuditEntries.Where(e => e.Sequence > before.Audit).Select(e => new { e.Entity, e.Action }).ToListAsync();
        written.ShouldContain(e => e.Entity == "Person" && e.Action == "Created");
        written.Count(e => e.Entity == "ReconstitutionLine" && e.Action == "Created").ShouldBe(2);
    }

    [Fact]
    public async Task Agencies_are_found_by_name_or_abbreviation_in_the_nearest_unit_and_people_only_in_the_clerks_own()
    {
        var h = app.Hierarchy;
        var commune = await CommitteeAsync(app, "Ban Chỉ đạo phường Hải Châu mẫu", h.HaiChau, h.HaiChauUnit);
        var clerk = Secretariat(commune);
        var local = await PersonAsync(app, "Kiều Văn Phường", h.HaiChauAgency);
        // The city's official already sits on the commune's committee: the clerk finds them by that seat.
        var city = await PersonAsync(app, "Kiều Văn Thành");
        await AddOkAsync(app, commune.Id, city, Member, Start);
        var draft = await DraftAsync(commune.Id, clerk);
        var sheet = RosterSheets.Members(
            ("Kiều Văn Phường", "Chủ tịch", "UBND", "Trưởng ban"),
            ("Kiều Văn Thành", "Phó Giám đốc Sở", DanangUbnd, "Ủy viên"),
            ("Kiều Văn Huế", "Chuyên viên", h.HueAgency.Name, "Ủy viên"),
            ("Kiều Thị Mới", "Chuyên viên", DanangUbnd, "Ủy viên"));

        var refused = await RosterSheets.ImportAsync(app, commune.Id, draft.Id, sheet, createPeople: true, actor: clerk);

        refused.Value!.Errors.Select(e => e.ToString()).ShouldBe([
            $"Dòng 4, cột Cơ quan: không tìm thấy cơ quan '{h.HueAgency.Name}' (theo tên hoặc tên viết tắt) trong đơn vị của Ban Chỉ đạo.",
            $"Dòng 5, cột Họ và tên: chưa có Kiều Thị Mới thuộc {DanangUbnd}, và bạn không tạo được người của cơ quan này."]);

        var imported = await RosterSheets.ImportAsync(app, commune.Id, draft.Id, RosterSheets.Members([.. Rows(sheet).Take(2)]), actor: clerk);

        imported.IsOk.ShouldBeTrue(string.Join("; ", imported.Problems.Select(p => p.Message)));
        imported.Value!.Draft!.Lines.Select(l => (l.PersonId, l.AgencyId)).ShouldBe([(local, h.HaiChauAgency.Id), (city, h.DanangAgency.Id)]);
    }

    [Theory]
    [InlineData("csv", "Tệp 'Danh sách.xlsx' không phải bảng tính Excel (.xlsx): hãy mở bằng Excel và lưu lại dạng Excel Workbook (.xlsx).")]
    [InlineData("empty", "Tệp 'Danh sách.xlsx' rỗng.")]
    [InlineData("zip", "Tệp 'Danh sách.xlsx' là tệp nén nhưng không phải bảng tính Excel (.xlsx).")]
    [InlineData("docx", "Tệp 'Danh sách.xlsx' là tệp DOCX, không phải bảng tính Excel (.xlsx).")]
    [InlineData("ole", "Tệp 'Danh sách.xlsx' là tệp Excel cũ (.xls) hoặc đã đặt mật khẩu: hãy bỏ mật khẩu và lưu lại dạng Excel Workbook (.xlsx).")]
    [InlineData("named-pdf", "Tệp 'Danh sách.pdf' là bảng tính Excel nhưng tên tệp không có đuôi .xlsx: hãy đổi tên cho đúng rồi tải lên lại.")]
    [InlineData("bomb", "Tệp 'Danh sách.xlsx' có cấu trúc nén bất thường (quá nhiều phần hoặc quá lớn khi giải nén) nên không được nhận.")]
    [InlineData("broken", "Tệp 'Danh sách.xlsx' bị hỏng hoặc không đọc được như một bảng tính Excel (.xlsx).")]
    [InlineData("no-sheet", "Tệp 'Danh sách.xlsx' không có trang tính (sheet) nào.")]
    [InlineData("no-header", "Không tìm thấy dòng tiêu đề của danh sách trong tệp 'Danh sách.xlsx': cần các cột Họ và tên, Chức vụ, Cơ quan, Chức danh trong Ban Chỉ đạo. Hãy lấy tệp tải về từ trang Thành phần làm mẫu.")]
    [InlineData("blank-template", "Không có dòng thành viên nào dưới dòng tiêu đề (dòng 4).")]
    [InlineData("too-many-rows", "Danh sách dài quá 2000 dòng: không nhận tệp này.")]
    public async Task A_file_that_is_not_a_roster_sheet_is_refused_with_one_clear_message_and_changes_nothing(string kind, string message)
    {
        var committee = await CommitteeAsync(app, $"Ban Chỉ đạo tệp {kind}");
        await AddOkAsync(app, committee.Id, await PersonAsync(app, $"Người Giữ Chỗ {kind}"), Member, Start);
        var draft = await DraftAsync(committee.Id);
        var valid = RosterSheets.Members(("Nguyễn Văn An", "Chủ tịch", "UBND", "Trưởng ban"));
        var bytes = kind switch
        {
            "csv" => Encoding.UTF8.GetBytes("STT,Họ và tên,Chức vụ,Cơ quan,Chức danh trong Ban Chỉ đạo\n1,Nguyễn Văn An,Chủ tịch,UBND,Trưởng ban\n"),
            "empty" => [],
            "zip" => RosterSheets.PlainZip(),
            "docx" => TestFiles.Docx("Danh sách thành viên"),
            "ole" => RosterSheets.Ole(),
            "named-pdf" => valid,
            "bomb" => RosterSheets.ZipBomb(8L * 1024 * 1024),
            "broken" => Broken(valid),
            "no-sheet" => RosterSheets.WithoutSheets(),
            "no-header" => RosterSheets.Workbook(["Danh sách thành viên"], ["Nguyễn Văn An", "Trưởng ban"]),
            "blank-template" => RosterWorkbook.Write(new Roster(committee.Id, committee.Name, new DateOnly(2025, 9, 1), [])),
            "too-many-rows" => RosterSheets.Members([.. Enumerable.Range(1, RosterWorkbook.MaxRows + 1).Select(i => ($"Người {i}", "Chuyên viên", "UBND", "Ủy viên"))]),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var before = await CountsAsync();

        var result = await RosterSheets.ImportAsync(app, committee.Id, draft.Id, bytes, createPeople: true, fileName: kind == "named-pdf" ? "Danh sách.pdf" : "Danh sách.xlsx");

        result.Outcome.ShouldBe(Outcome.Invalid);
        result.Value!.Errors.ShouldBe([new RosterSheetError(null, null, message)]);
        result.Problems.Single().Message.ShouldBe(message);
        (await GetDraftAsync(committee.Id, draft.Id)).Version.ShouldBe(draft.Version);
        (await CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_file_past_five_megabytes_is_refused_unread()
    {
        var committee = await CommitteeAsync(app, "Ban Chỉ đạo tệp lớn");
        var draft = await DraftAsync(committee.Id);

        var result = await RosterSheets.ImportAsync(app, committee.Id, draft.Id, new byte[RosterWorkbook.MaxUploadBytes + 1]);

        result.Outcome.ShouldBe(Outcome.Invalid);
        result.Problems.Single().ShouldBe(new Problem(RosterImport.TooLargeField, "Tệp quá lớn: tệp danh sách tối đa 5 MB."));
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_a_reader_is_refused_and_another_province_finds_nothing()
    {
        var committee = await CommitteeAsync(app, "Ban Chỉ đạo phiên bản cũ");
        var draft = await DraftAsync(committee.Id);
        var sheet = RosterSheets.Members(("Tạ Văn Muộn", "Chuyên viên", "UBND", "Ủy viên"));
        await using (var scope = app.ServiceScope())
        {
            (await scope.Get<Reconstitutions>().UpdateAsync(scope.Actor, committee.Id, draft.Id, Input(draft, []), draft.Version)).IsOk.ShouldBeTrue();
        }
        var before = await CountsAsync();
        var otherProvince = new Actor(null, "thuky.hue", Role.Secretariat, app.Hierarchy.Hue.Id, app.Hierarchy.Hue.Path, null);

        var stale = await RosterSheets.ImportAsync(app, committee.Id, draft.Id, sheet, createPeople: true, version: draft.Version);
        var reader = await RosterSheets.ImportAsync(app, committee.Id, draft.Id, sheet, createPeople: true, actor: Leader(committee));
        var outside = await RosterSheets.ImportAsync(app, committee.Id, draft.Id, sheet, createPeople: true, actor: otherProvince);

        stale.Outcome.ShouldBe(Outcome.Conflict);
        reader.Outcome.ShouldBe(Outcome.Forbidden);
        outside.Outcome.ShouldBe(Outcome.NotFound);
        (await CountsAsync()).ShouldBe(before);
    }

    /// <summary>The rows of a sheet built by <see cref="RosterSheets.Members"/>, back as tuples.</summary>
    private static IEnumerable<(string, string, string, string)> Rows(byte[] sheet)
    {
        var read = RosterWorkbook.Read(new MemoryStream(sheet), "x.xlsx");
        return read.Rows.Select(r => (r.FullName!, r.JobTitle!, r.Agency!, r.Post!));
    }

    /// <summary>A workbook whose workbook part is not XML: the package looks right, the content does not.</summary>
    private static byte[] Broken(byte[] xlsx)
    {
        using var memory = new MemoryStream();
        memory.Write(xlsx);
        using (var zip = new System.IO.Compression.ZipArchive(memory, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            var name = zip.Entries.Single(e => e.FullName.EndsWith("workbook.xml", StringComparison.Ordinal)).FullName;
            zip.GetEntry(name)!.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(name).Open());
            writer.Write("<workbook this is not xml");
        }
        return memory.ToArray();
    }
}
