using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SteerCo.Tests.Support;
using SteerCo.Units;

namespace SteerCo.Tests.Units;

/// <summary>
/// Importing units from CSV: a file is checked whole, every bad line is reported with its number,
/// and a file with any error imports nothing.
/// </summary>
public sealed class ImportingUnits(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private async Task<(UnitImportResult Result, int UnitsBefore, int UnitsAfter)> ImportAsync(Stream file)
    {
        // Messages come in the current UI culture; users read them in Vietnamese.
        CultureInfo.CurrentUICulture = new CultureInfo("vi");
        await using var scope = app.ServiceScope();
        var before = await scope.Db.Units.CountAsync();
        var result = await scope.Get<UnitImporter>().ImportAsync(file);
        await using var after = app.ServiceScope();
        return (result, before, await after.Db.Units.CountAsync());
    }

    [Fact]
    public async Task A_file_with_a_code_twice_names_both_lines_and_imports_nothing()
    {
        var (result, before, after) = await ImportAsync(TestData.UnitsCsv(
            "20257,Phường Hòa Cường,commune,48,phuong",
            "20209,Phường Thanh Khê,commune,48,phuong",
            "20257,Phường Hòa Cường Bắc,commune,48,phuong"));

        result.Succeeded.ShouldBeFalse();
        result.Errors.ShouldBe([new LineError(4, "Mã '20257' bị trùng với dòng 2.")]);
        after.ShouldBe(before);
    }

    [Fact]
    public async Task A_line_whose_parent_is_unknown_is_reported_and_nothing_is_imported()
    {
        var (result, before, after) = await ImportAsync(TestData.UnitsCsv(
            "20257,Phường Hòa Cường,commune,48,phuong",
            "99001,Xã Không Có Tỉnh,commune,99,xa"));

        result.Errors.ShouldBe([new LineError(3, "Không tìm thấy đơn vị cấp trên có mã '99'.")]);
        after.ShouldBe(before);
    }

    [Fact]
    public async Task Codes_of_the_wrong_length_are_reported_per_line()
    {
        var (result, before, after) = await ImportAsync(TestData.UnitsCsv(
            "4,Tỉnh Một Chữ Số,province,VN,tinh",
            "20257,Phường Hòa Cường,commune,48,phuong",
            "2024,Phường Bốn Chữ Số,commune,48,phuong",
            "202420,Phường Sáu Chữ Số,commune,48,phuong"));

        result.Errors.ShouldBe([
            new LineError(2, "Mã '4' không hợp lệ: mã tỉnh gồm đúng 2 chữ số."),
            new LineError(4, "Mã '2024' không hợp lệ: mã xã gồm đúng 5 chữ số."),
            new LineError(5, "Mã '202420' không hợp lệ: mã xã gồm đúng 5 chữ số."),
        ]);
        after.ShouldBe(before);
    }

    [Fact]
    public async Task A_file_that_is_not_UTF8_is_refused_at_the_first_bad_line()
    {
        // Line 3 saved by a spreadsheet in a legacy code page: "Hòa Khánh" in Latin-1 bytes.
        byte[] goodLines = Encoding.UTF8.GetBytes("code,name,level,parent_code,kind\n20209,Phường Thanh Khê,commune,48,phuong\n");
        byte[] legacyLine = Encoding.Latin1.GetBytes("20258,Hòa Khánh,commune,48,xa\n");
        var file = new MemoryStream([.. goodLines, .. legacyLine]);

        var (result, before, after) = await ImportAsync(file);

        result.Errors.ShouldBe([new LineError(3, "Tệp không phải văn bản UTF-8: hãy lưu lại tệp CSV với bảng mã UTF-8.")]);
        after.ShouldBe(before);
    }

    [Fact]
    public async Task A_file_without_the_required_columns_is_refused_at_the_header()
    {
        var (result, before, after) = await ImportAsync(TestData.CsvFile("ma,ten,cap,parent_code", "20257,Phường Hòa Cường,commune,48"));

        result.Errors.ShouldBe([new LineError(1, "Thiếu cột: code, name, level.")]);
        after.ShouldBe(before);
    }

    [Fact]
    public async Task Every_problem_in_a_file_is_reported_at_once_with_its_line()
    {
        var (result, before, after) = await ImportAsync(TestData.UnitsCsv(
            "20257,Phường Hòa Cường,commune,48,phuong",
            "2025,Phường Sai Mã,commune,48,phuong",
            "20263,,commune,48,phuong",
            "20285,Phường Ngũ Hành Sơn,village,48,phuong",
            "20275,Phường An Hải,commune,48,phuong"));

        result.Errors.Select(e => e.Line).ShouldBe([3, 4, 5]);
        result.Errors.ShouldContain(new LineError(4, "Nhập tên đơn vị."));
        result.Errors.ShouldContain(new LineError(5, "Cấp 'village' không hợp lệ: dùng central, province, district hoặc commune."));
        after.ShouldBe(before);
    }

    [Fact]
    public async Task A_good_file_imports_and_a_parent_may_come_after_its_children()
    {
        var (result, before, after) = await ImportAsync(TestData.UnitsCsv(
            "22015,Phường Phú Xuân,commune,44,phuong",
            "44,Tỉnh Thử Nghiệm,province,VN,tinh",
            "20305,Phường An Khê,commune,48,phuong"));

        result.Errors.ShouldBeEmpty();
        result.Created.ShouldBe(3);
        after.ShouldBe(before + 3);
        await using var scope = app.ServiceScope();
        var commune = await scope.Db.Units.Include(u => u.Parent).SingleAsync(u => u.Code == "22015");
        commune.Level.ShouldBe(UnitLevel.Commune);
        commune.Parent!.Code.ShouldBe("44");
        commune.Kind.ShouldBe("phuong");
        commune.FoldedName.ShouldBe("phuong phu xuan");
    }

    [Fact]
    public async Task Importing_known_codes_again_updates_those_units()
    {
        var (first, _, _) = await ImportAsync(TestData.UnitsCsv("20275,Phường An Hải,commune,48,phuong"));
        first.Created.ShouldBe(1);

        var (again, before, after) = await ImportAsync(TestData.CsvFile("code,name,level,parent_code,kind,valid_from,valid_to",
            "20275,Phường An Hải Bắc,commune,48,phuong,01/07/2025,"));

        again.Errors.ShouldBeEmpty();
        again.Created.ShouldBe(0);
        again.Updated.ShouldBe(1);
        after.ShouldBe(before);
        await using var scope = app.ServiceScope();
        var unit = await scope.Db.Units.SingleAsync(u => u.Code == "20275");
        unit.Name.ShouldBe("Phường An Hải Bắc");
        unit.ValidFrom.ShouldBe(new DateOnly(2025, 7, 1));
        unit.Version.ShouldBe(1);
    }

    [Fact]
    public async Task The_shipped_official_file_imports_34_provinces_and_3321_communes()
    {
        // The only test that loads the whole country: it has its own database.
        await using var country = await SteerCoApp.StartAsync(withHierarchy: false);
        var clock = Stopwatch.StartNew();

        await using (var scope = country.ServiceScope())
        {
            await using var file = UnitImporter.OpenOfficialUnits();
            var result = await scope.Get<UnitImporter>().ImportAsync(file);
            result.Errors.ShouldBeEmpty();
            result.Created.ShouldBe(1 + 34 + 3321);
        }

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60));
        await using var check = country.ServiceScope();
        var counts = await check.Get<UnitService>().CountCurrentByLevelAsync();
        counts[UnitLevel.Central].ShouldBe(1);
        counts[UnitLevel.Province].ShouldBe(34);
        counts[UnitLevel.Commune].ShouldBe(3321);
        (await check.Db.Units.SingleAsync(u => u.Code == "48")).Name.ShouldBe("Thành phố Đà Nẵng");
        (await check.Db.Units.Include(u => u.Parent).SingleAsync(u => u.Code == "20242")).Parent!.Code.ShouldBe("48");
        (await check.Db.Units.CountAsync(u => u.Level == UnitLevel.Commune && u.Parent!.Level != UnitLevel.Province)).ShouldBe(0);

        await using var again = country.ServiceScope();
        await using var sameFile = UnitImporter.OpenOfficialUnits();
        var second = await again.Get<UnitImporter>().ImportAsync(sameFile);
        second.Errors.ShouldBeEmpty();
        (second.Created, second.Updated).ShouldBe((0, 0), "importing the same file again changes nothing");
    }
}
