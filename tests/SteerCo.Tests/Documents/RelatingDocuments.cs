using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Documents;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Documents;

/// <summary>
/// What the register refuses of the relations a clerk records between documents: implementing,
/// guiding, amending and replacing go one way; amending and replacing also follow the issue dates;
/// citing goes both ways.
/// </summary>
public sealed class RelatingDocuments(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private static DocumentInput Incoming(string symbol, DateOnly issuedOn) => new(
        DocumentDirection.Incoming, null, symbol, IssueNumber: false, ReservationId: null, issuedOn, issuedOn,
        IssuerKind.Outside, null, null, "Ủy ban nhân dân thành phố Đà Nẵng", $"Văn bản {symbol}", null, SigningAuthority.None, null, null, null, DocumentVisibility.Committee);

    /// <summary>Documents of a committee of their own, issued on the dates given.</summary>
    private static async Task<int[]> DocumentsAsync(AppScope scope, SteerCoApp app, params (string Symbol, DateOnly IssuedOn)[] documents)
    {
        var committee = await TestData.AddCommitteeAsync(scope.Db, app.Hierarchy.DanangUnit, app.Hierarchy.Danang, $"Ban Chỉ đạo {Guid.NewGuid():N}");
        var register = scope.Get<DocumentRegister>();
        var ids = new List<int>();
        foreach (var (symbol, issuedOn) in documents)
        {
            ids.Add((await register.RegisterAsync(scope.Actor, committee.Id, Incoming(symbol, issuedOn))).Value!.Id);
        }
        return [.. ids];
    }

    private static readonly DateOnly March = new(2026, 3, 5);

    [Fact]
    public async Task Two_documents_cannot_each_replace_the_other()
    {
        await using var scope = app.ServiceScope();
        var register = scope.Get<DocumentRegister>();
        var ids = await DocumentsAsync(scope, app, ("20/QĐ-UBND", March), ("10/QĐ-UBND", March.AddDays(-30)));
        var (newer, older) = (ids[0], ids[1]);

        var replaces = await register.RelateAsync(scope.Actor, newer, older, RelationKind.Replaces);
        var again = await register.RelateAsync(scope.Actor, newer, older, RelationKind.Replaces);
        var back = await register.RelateAsync(scope.Actor, older, newer, RelationKind.Replaces);

        replaces.Outcome.ShouldBe(Outcome.Ok);
        again.Outcome.ShouldBe(Outcome.Ok);
        back.Outcome.ShouldBe(Outcome.Invalid);
        back.Problems.ShouldBe([new Problem("RelatedDocumentId", "Văn bản 20/QĐ-UBND đã thay thế văn bản này: hai văn bản không thể thay thế lẫn nhau.")]);
        (await scope.Db.DocumentRelations.CountAsync(r => r.DocumentId == older || r.DocumentId == newer)).ShouldBe(1);
    }

    [Fact]
    public async Task Implementing_and_guiding_go_one_way_and_citing_both_ways()
    {
        await using var scope = app.ServiceScope();
        var register = scope.Get<DocumentRegister>();
        var ids = await DocumentsAsync(scope, app, ("5/CT-TTg", March), ("7/KH-UBND", March), ("8/HD-SNV", March));
        var (directive, plan, guidance) = (ids[0], ids[1], ids[2]);

        (await register.RelateAsync(scope.Actor, plan, directive, RelationKind.Implements)).Outcome.ShouldBe(Outcome.Ok);
        (await register.RelateAsync(scope.Actor, guidance, plan, RelationKind.Guides)).Outcome.ShouldBe(Outcome.Ok);
        var implementsBack = await register.RelateAsync(scope.Actor, directive, plan, RelationKind.Implements);
        var guidesBack = await register.RelateAsync(scope.Actor, plan, guidance, RelationKind.Guides);
        var citesBoth = (await register.RelateAsync(scope.Actor, directive, plan, RelationKind.Cites), await register.RelateAsync(scope.Actor, plan, directive, RelationKind.Cites));
        // Another kind is another relation: a plan may cite the guidance that guides it.
        var otherKind = await register.RelateAsync(scope.Actor, plan, guidance, RelationKind.Cites);

        implementsBack.Problems.ShouldBe([new Problem("RelatedDocumentId", "Văn bản 07/KH-UBND đã triển khai thực hiện văn bản này: hai văn bản không thể triển khai thực hiện lẫn nhau.")]);
        guidesBack.Problems.ShouldBe([new Problem("RelatedDocumentId", "Văn bản 08/HD-SNV đã hướng dẫn văn bản này: hai văn bản không thể hướng dẫn lẫn nhau.")]);
        (citesBoth.Item1.Outcome, citesBoth.Item2.Outcome, otherKind.Outcome).ShouldBe((Outcome.Ok, Outcome.Ok, Outcome.Ok));
    }

    [Fact]
    public async Task A_chain_of_amendments_or_replacements_cannot_come_back_to_its_start()
    {
        await using var scope = app.ServiceScope();
        var register = scope.Get<DocumentRegister>();
        var ids = await DocumentsAsync(scope, app, ("1/QĐ-UBND", March), ("2/QĐ-UBND", March), ("3/QĐ-UBND", March));
        var (first, second, third) = (ids[0], ids[1], ids[2]);
        (await register.RelateAsync(scope.Actor, third, second, RelationKind.Amends)).Outcome.ShouldBe(Outcome.Ok);
        (await register.RelateAsync(scope.Actor, second, first, RelationKind.Amends)).Outcome.ShouldBe(Outcome.Ok);
        (await register.RelateAsync(scope.Actor, third, second, RelationKind.Replaces)).Outcome.ShouldBe(Outcome.Ok);
        (await register.RelateAsync(scope.Actor, second, first, RelationKind.Replaces)).Outcome.ShouldBe(Outcome.Ok);

        var amendsCircle = await register.RelateAsync(scope.Actor, first, third, RelationKind.Amends);
        var replacesCircle = await register.RelateAsync(scope.Actor, first, third, RelationKind.Replaces);
        // A chain of one kind says nothing of another: the first document may cite the third.
        var cites = await register.RelateAsync(scope.Actor, first, third, RelationKind.Cites);

        amendsCircle.Problems.ShouldBe([new Problem("RelatedDocumentId",
            "Văn bản 03/QĐ-UBND đã sửa đổi, bổ sung văn bản này qua một chuỗi văn bản khác: ghi thêm quan hệ này sẽ tạo thành vòng khép kín.")]);
        replacesCircle.Problems.Single().Message.ShouldStartWith("Văn bản 03/QĐ-UBND đã thay thế văn bản này qua một chuỗi");
        cites.Outcome.ShouldBe(Outcome.Ok);
    }

    [Fact]
    public async Task A_document_replaces_or_amends_only_one_issued_before_it_or_the_same_day()
    {
        await using var scope = app.ServiceScope();
        var register = scope.Get<DocumentRegister>();
        var ids = await DocumentsAsync(scope, app, ("30/QĐ-UBND", new DateOnly(2026, 2, 10)), ("31/QĐ-UBND", new DateOnly(2026, 2, 12)), ("32/QĐ-UBND", new DateOnly(2026, 2, 12)));
        var (older, newer, sameDay) = (ids[0], ids[1], ids[2]);

        var replaces = await register.RelateAsync(scope.Actor, older, newer, RelationKind.Replaces);
        var amends = await register.RelateAsync(scope.Actor, older, newer, RelationKind.Amends);
        var implements = await register.RelateAsync(scope.Actor, older, newer, RelationKind.Implements);

        replaces.Problems.ShouldBe([new Problem("RelatedDocumentId", "Văn bản này ban hành ngày 10/02/2026, không thể thay thế văn bản 31/QĐ-UBND ban hành sau nó (ngày 12/02/2026).")]);
        amends.Problems.ShouldBe([new Problem("RelatedDocumentId", "Văn bản này ban hành ngày 10/02/2026, không thể sửa đổi, bổ sung văn bản 31/QĐ-UBND ban hành sau nó (ngày 12/02/2026).")]);
        implements.Outcome.ShouldBe(Outcome.Ok);
        (await register.RelateAsync(scope.Actor, sameDay, newer, RelationKind.Replaces)).Outcome.ShouldBe(Outcome.Ok);
        (await register.RelateAsync(scope.Actor, newer, older, RelationKind.Amends)).Outcome.ShouldBe(Outcome.Ok);
    }
}
