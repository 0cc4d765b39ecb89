using System.Net;
using SteerCo.Access;
using SteerCo.Documents;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Documents.Search;

/// <summary>GET /api/v1/documents/search: the same search for API clients, within the caller's scope.</summary>
public sealed class SearchingOverHttp(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private Hierarchy H => app.Hierarchy;

    private sealed record Hit(DocumentSummary Document, string SubjectHtml, string? SymbolHtml, string? SnippetHtml);

    private sealed record Results(List<Hit> Items, int Total, bool TotalIsCapped, int Page, int PageSize, int PageCount);

    [Fact]
    public async Task A_commune_secretariat_finds_its_own_and_shared_documents_with_marked_words()
    {
        var marker = SearchDocuments.Marker();
        var own = await app.RegisterAsync(H.HaiChau, $"Kế hoạch ứng phó bão, áp thấp nhiệt đới {marker}", body: $"Phường Hải Châu chủ động ứng phó bão {marker}.");
        var shared = await app.RegisterAsync(H.Central, $"Công điện về chủ động ứng phó bão {marker}", visibility: DocumentVisibility.Subtree);
        await app.RegisterAsync(H.VyDa, $"Kế hoạch ứng phó bão của phường Vỹ Dạ {marker}");
        var client = await app.SignInAsync(Role.Secretariat, H.HaiChau.Id);

        var results = await client.GetJsonAsync<Results>($"/api/v1/documents/search?q={Uri.EscapeDataString($"ung pho bao {marker}")}");

        results.Items.Select(h => h.Document.Id).ShouldBe([own.Id, shared.Id], ignoreOrder: true);
        results.Total.ShouldBe(2);
        results.PageSize.ShouldBe(25);
        results.Items.Single(h => h.Document.Id == own.Id).SubjectHtml.ShouldStartWith("Kế hoạch <mark>ứng phó bão</mark>,");
        results.Items.Single(h => h.Document.Id == own.Id).SnippetHtml.ShouldBe($"Phường Hải Châu chủ động <mark>ứng phó bão {marker}</mark>.");
        var ranked = await client.GetJsonAsync<Results>($"/api/v1/documents/search?q={marker}&order=relevance&under={H.HaiChau.Id}");
        ranked.Items.Select(h => h.Document.Id).ShouldBe([own.Id]);
    }

    [Fact]
    public async Task Filters_and_paging_come_from_the_query_string()
    {
        var marker = SearchDocuments.Marker();
        var plan = await app.RegisterAsync(H.Danang, $"Kế hoạch {marker}", type: "KH", issuedOn: new(2025, 2, 3));
        var decision = await app.RegisterAsync(H.Danang, $"Quyết định {marker}", type: "QĐ", issuedOn: new(2025, 4, 5));
        var note = await app.RegisterAsync(H.Danang, $"Ghi chú {marker}", direction: DocumentDirection.Internal, issuedOn: new(2025, 6, 7));
        var client = await app.SignInAsync(Role.Leader, H.Danang.Id);

        async Task<int[]> Ids(string query) =>
            [.. (await client.GetJsonAsync<Results>($"/api/v1/documents/search?q={marker}&{query}")).Items.Select(h => h.Document.Id)];

        (await Ids("")).ShouldBe([note.Id, decision.Id, plan.Id]);
        (await Ids($"type={Uri.EscapeDataString("QĐ")}")).ShouldBe([decision.Id]);
        (await Ids("direction=Internal")).ShouldBe([note.Id]);
        (await Ids("from=2025-03-01&to=2025-05-01")).ShouldBe([decision.Id]);
        (await Ids("issuer=N%C3%B4ng%20nghi%E1%BB%87p")).ShouldBe([note.Id, decision.Id, plan.Id]);
        (await Ids("issuer=nobody")).ShouldBeEmpty();
        var second = await client.GetJsonAsync<Results>($"/api/v1/documents/search?q={marker}&page=2&pageSize=2");
        second.Items.Select(h => h.Document.Id).ShouldBe([plan.Id]);
        second.Total.ShouldBe(3);
        second.PageCount.ShouldBe(2);
    }

    [Theory]
    [InlineData("%22")]
    [InlineData("%00%01%1F")]
    [InlineData("NEAR(a%20b)%20OR%20NOT%20*")]
    [InlineData("%27%3B%20DROP%20TABLE%20%22Documents%22%3B%20--")]
    [InlineData("%ED%A0%80")]
    [InlineData("a%3A*%20%26%20!b%20%3C-%3E%20c")]
    public async Task Hostile_queries_are_answered_not_failed(string escapedQuery)
    {
        var client = await app.SignInAsync(Role.Viewer, H.Hue.Id);

        foreach (var order in new[] { "newest", "relevance" })
        {
            var response = await client.GetAsync($"/api/v1/documents/search?q={escapedQuery}&type={escapedQuery}&issuer={escapedQuery}&order={order}");
            await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }
        var long10k = new string('x', 10_240);
        (await client.GetAsync($"/api/v1/documents/search?q={long10k}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Without_a_token_the_answer_is_401()
    {
        var response = await app.AnonymousClient().GetAsync("/api/v1/documents/search?q=nghi%20quyet");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
