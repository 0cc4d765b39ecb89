using System.Net;
using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Localization;

/// <summary>
/// A form field the framework cannot read (a choice left empty, words where a number goes) says so
/// beside the field in the reader's language, never the framework's English "The value '' is
/// invalid.", and nothing is saved.
/// </summary>
public sealed class FormFieldsThatDoNotBind(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private Dictionary<string, string> Person(string agencyId) => new()
    {
        ["Input.FullName"] = "Ngô Thị Biểu Mẫu",
        ["Input.JobTitle"] = "Chuyên viên",
        ["Input.AgencyId"] = agencyId,
    };

    [Fact]
    public async Task An_agency_left_unchosen_or_not_a_number_is_named_beside_it_in_vietnamese_then_in_english()
    {
        var h = app.Hierarchy;
        var client = await app.SignInToPagesAsync(Role.Secretariat, h.Danang.Id);
        const string page = "/People/Create";

        var unchosen = await client.PostFormAsync(page, page, Person(""));
        var words = await client.PostFormAsync(page, page, Person("Sở Y tế"));
        await (await client.Http.GetAsync("/culture/en?returnUrl=/")).ShouldHaveStatusAsync(HttpStatusCode.Redirect);
        var english = await client.PostFormAsync(page, page, Person(""));

        await unchosen.ShouldHaveStatusAsync(HttpStatusCode.OK);
        PageClient.ErrorBeside(WebUtility.HtmlDecode(await unchosen.Content.ReadAsStringAsync()), "Input.AgencyId").ShouldBe("Cần nhập hoặc chọn.");
        PageClient.ErrorBeside(WebUtility.HtmlDecode(await words.Content.ReadAsStringAsync()), "Input.AgencyId").ShouldBe("Giá trị 'Sở Y tế' không hợp lệ.");
        var inEnglish = WebUtility.HtmlDecode(await english.Content.ReadAsStringAsync());
        PageClient.ErrorBeside(inEnglish, "Input.AgencyId").ShouldBe("Enter or choose a value.");
        inEnglish.ShouldNotContain("is invalid.");
        await using var scope = app.ServiceScope();
        (await scope.Db.People.CountAsync(p => p.FullName == "Ngô Thị Biểu Mẫu")).ShouldBe(0);
    }
}
