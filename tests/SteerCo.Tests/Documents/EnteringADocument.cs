using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Documents;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Documents;

/// <summary>
/// What the register refuses of what a clerk enters, in the service both the pages and the API
/// call: each refusal names its field, and a refused document takes no number.
/// </summary>
public sealed class EnteringADocument(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private static DocumentInput Outgoing(string signerName, string signerTitle) => new(
        DocumentDirection.Outgoing, "QĐ", null, IssueNumber: true, ReservationId: null, new DateOnly(2026, 3, 5), null,
        IssuerKind.Committee, null, null, null, "Quyết định thành lập Tổ giúp việc", signerName, SigningAuthority.Deputy, signerTitle, null, null, DocumentVisibility.Committee);

    [Fact]
    public async Task A_signer_name_or_title_longer_than_its_column_is_refused_and_takes_no_number()
    {
        await using var scope = app.ServiceScope();
        var committee = await TestData.AddCommitteeAsync(scope.Db, app.Hierarchy.DanangUnit, app.Hierarchy.Danang, $"Ban Chỉ đạo {Guid.NewGuid():N}");
        var register = scope.Get<DocumentRegister>();

        var longName = await register.RegisterAsync(scope.Actor, committee.Id, Outgoing(new string('A', 100_000), "Phó Trưởng ban"));
        var longTitle = await register.RegisterAsync(scope.Actor, committee.Id, Outgoing("Nguyễn Văn An", new string('B', 5_000)));
        var atTheLimit = await register.RegisterAsync(scope.Actor, committee.Id, Outgoing(new string('A', 200), new string('B', 200)));

        longName.Outcome.ShouldBe(Outcome.Invalid);
        longName.Problems.ShouldBe([new Problem("SignerName", "Người ký dài quá 200 ký tự.")]);
        longTitle.Problems.ShouldBe([new Problem("SignerTitle", "Chức vụ người ký dài quá 200 ký tự.")]);
        atTheLimit.Outcome.ShouldBe(Outcome.Ok);
        atTheLimit.Value!.Number.ShouldBe(1);
        (await scope.Db.Documents.CountAsync(d => d.CommitteeId == committee.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task An_edit_is_held_to_the_same_lengths()
    {
        await using var scope = app.ServiceScope();
        var committee = await TestData.AddCommitteeAsync(scope.Db, app.Hierarchy.DanangUnit, app.Hierarchy.Danang, $"Ban Chỉ đạo {Guid.NewGuid():N}");
        var register = scope.Get<DocumentRegister>();
        var document = (await register.RegisterAsync(scope.Actor, committee.Id, Outgoing("Nguyễn Văn An", "Phó Trưởng ban"))).Value!;

        var edited = await register.UpdateAsync(scope.Actor, document.Id, Outgoing("Nguyễn Văn An", new string('B', 201)), document.Version);

        edited.Problems.ShouldBe([new Problem("SignerTitle", "Chức vụ người ký dài quá 200 ký tự.")]);
        (await register.GetAsync(scope.Actor, document.Id)).Value!.SignerTitle.ShouldBe("Phó Trưởng ban");
    }
}
