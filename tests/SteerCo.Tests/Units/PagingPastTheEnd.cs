using SteerCo.Access;
using SteerCo.Data;
using SteerCo.Tests.Support;
using SteerCo.Units;

namespace SteerCo.Tests.Units;

/// <summary>A page number past the end of a list (an old link, a typed ?p=): the pages show the last page, the API an empty one.</summary>
public sealed class PagingPastTheEnd(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    [Fact]
    public async Task The_units_page_past_the_end_shows_the_last_page_with_its_rows_and_the_api_answers_an_empty_page()
    {
        var api = await app.SignInAsync(Role.Secretariat, app.Hierarchy.Danang.Id);
        var first = await api.GetJsonAsync<Paged<UnitSummary>>("/api/v1/units?pageSize=50");
        var last = await api.GetJsonAsync<Paged<UnitSummary>>($"/api/v1/units?page={first.PageCount}&pageSize=50");
        var pages = await app.SignInToPagesAsync(Role.Secretariat, app.Hierarchy.Danang.Id);

        var html = await pages.GetPageAsync("/Units?p=999");

        html.ShouldContain($"Trang {first.PageCount}/{first.PageCount}");
        html.ShouldContain($"<a href=\"/Units/Details/{last.Items[^1].Id}\">");
        html.ShouldNotContain("Không có kết quả.");
        var beyond = await api.GetJsonAsync<Paged<UnitSummary>>("/api/v1/units?page=999&pageSize=50");
        (beyond.Items.Count, beyond.Page, beyond.Total).ShouldBe((0, 999, first.Total), "the API's page past the end stays empty");
    }

    [Fact]
    public async Task A_search_that_finds_nothing_on_a_later_page_says_so_on_page_one()
    {
        var pages = await app.SignInToPagesAsync(Role.Secretariat, app.Hierarchy.Danang.Id);

        var html = await pages.GetPageAsync("/Units?q=khongcodonvinay&p=3");

        html.ShouldContain("Không có kết quả.");
        html.ShouldContain("Trang 1/1");
    }
}
