using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Committees;
using SteerCo.Documents;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Documents;

/// <summary>
/// The register gives outgoing documents their numbers: consecutive and unique under concurrent
/// requests, in the series the committee's rules name, never reusing a cancelled number.
/// Each test works in a committee of its own.
/// </summary>
public sealed class NumberingOutgoingDocuments(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private static readonly DateOnly Day = new(2026, 3, 5);

    private async Task<Committee> NewCommitteeAsync(Action<Committee>? configure = null)
    {
        await using var scope = app.ServiceScope();
        var committee = await TestData.AddCommitteeAsync(scope.Db, app.Hierarchy.DanangUnit, app.Hierarchy.Central, $"Ban Chỉ đạo {Guid.NewGuid():N}");
        configure?.Invoke(committee);
        await scope.Db.SaveChangesAsync();
        return committee;
    }

    private static DocumentInput Outgoing(string? type, DateOnly? issuedOn = null, string subject = "Kế hoạch phòng, chống thiên tai") => new(
        DocumentDirection.Outgoing, type, null, IssueNumber: true, ReservationId: null, issuedOn ?? Day, null,
        IssuerKind.Committee, null, null, null, subject, "Nguyễn Văn An", SigningAuthority.Deputy, "Phó Trưởng ban", null, null, DocumentVisibility.Committee);

    private async Task<DocumentDetail> RegisterAsync(Committee committee, string? type, DateOnly? issuedOn = null)
    {
        await using var scope = app.ServiceScope();
        var result = await scope.Get<DocumentRegister>().RegisterAsync(scope.Actor, committee.Id, Outgoing(type, issuedOn));
        result.Outcome.ShouldBe(Outcome.Ok, string.Join("; ", result.Problems.Select(p => $"{p.Field}: {p.Message}")));
        return result.Value!;
    }

    private async Task<ReservationView> ReserveAsync(Committee committee, string? type, DateOnly? issuedOn = null)
    {
        await using var scope = app.ServiceScope();
        var result = await scope.Get<DocumentNumbering>().ReserveAsync(scope.Actor, committee.Id, type, issuedOn ?? Day);
        result.Outcome.ShouldBe(Outcome.Ok);
        return result.Value!;
    }

    [Fact]
    public async Task Forty_concurrent_registrations_in_one_series_take_the_numbers_1_to_40_once_each()
    {
        var committee = await NewCommitteeAsync();

        var results = await Task.WhenAll(Enumerable.Range(1, 40).Select(i => Task.Run(async () =>
        {
            await using var scope = app.ServiceScope();
            return await scope.Get<DocumentRegister>().RegisterAsync(scope.Actor, committee.Id, Outgoing(i % 2 == 0 ? "QĐ" : "KH", subject: $"Văn bản {i}"));
        })));

        results.Where(r => !r.IsOk).SelectMany(r => r.Problems).Select(p => p.Message).ShouldBeEmpty();
        results.Select(r => r.Value!.Number!.Value).Order().ShouldBe(Enumerable.Range(1, 40));
        results.Select(r => r.Value!.Symbol).Distinct().Count().ShouldBe(40);
    }

    [Fact]
    public async Task Forty_concurrent_reservations_in_one_series_take_the_numbers_1_to_40_once_each()
    {
        var committee = await NewCommitteeAsync();

        var results = await Task.WhenAll(Enumerable.Range(1, 40).Select(_ => Task.Run(async () =>
        {
            await using var scope = app.ServiceScope();
            return await scope.Get<DocumentNumbering>().ReserveAsync(scope.Actor, committee.Id, "TB", Day);
        })));

        results.ShouldAllBe(r => r.IsOk);
        results.Select(r => r.Value!.Number).Order().ShouldBe(Enumerable.Range(1, 40));
        results.Select(r => r.Value!.Symbol).Distinct().Count().ShouldBe(40);
    }

    [Fact]
    public async Task All_titled_types_share_one_series_by_default()
    {
        var committee = await NewCommitteeAsync();

        var decision = await RegisterAsync(committee, "QĐ");
        var plan = await RegisterAsync(committee, "KH");
        var notice = await RegisterAsync(committee, "TB");

        decision.Symbol.ShouldBe("01/QĐ-BCĐ");
        plan.Symbol.ShouldBe("02/KH-BCĐ");
        notice.Symbol.ShouldBe("03/TB-BCĐ");
    }

    [Fact]
    public async Task A_committee_numbering_per_type_keeps_one_series_per_type()
    {
        var committee = await NewCommitteeAsync(c => c.StateNumbering = StateNumbering.PerType);

        (await RegisterAsync(committee, "QĐ")).Symbol.ShouldBe("01/QĐ-BCĐ");
        (await RegisterAsync(committee, "KH")).Symbol.ShouldBe("01/KH-BCĐ");
        (await RegisterAsync(committee, "QĐ")).Symbol.ShouldBe("02/QĐ-BCĐ");
    }

    [Fact]
    public async Task Cong_van_have_a_series_of_their_own_and_no_type_in_the_symbol()
    {
        var committee = await NewCommitteeAsync();

        (await RegisterAsync(committee, "QĐ")).Number.ShouldBe(1);
        var letter = await RegisterAsync(committee, null);
        (await RegisterAsync(committee, "QĐ")).Number.ShouldBe(2);

        letter.Symbol.ShouldBe("01/BCĐ");
        letter.Type.ShouldBeNull();
        (await ReserveAsync(committee, null)).SeriesKey.ShouldBe("2026/CV");
    }

    [Fact]
    public async Task Party_documents_are_numbered_per_type_and_term()
    {
        var committee = await NewCommitteeAsync(c =>
        {
            c.DocumentSystem = DocumentSystem.Party;
            c.CurrentTerm = "2020–2025";
        });

        var termYear = new DateOnly(2025, 6, 2);
        (await RegisterAsync(committee, "NQ", termYear)).Symbol.ShouldBe("01-NQ/BCĐ");
        (await RegisterAsync(committee, "KH", termYear)).Symbol.ShouldBe("01-KH/BCĐ");
        (await RegisterAsync(committee, "NQ", termYear)).Symbol.ShouldBe("02-NQ/BCĐ");
        // Across a calendar year the term's series runs on.
        (await RegisterAsync(committee, "NQ", new DateOnly(2026, 1, 10))).Number.ShouldBe(3);

        await using (var scope = app.ServiceScope())
        {
            var tracked = await scope.Db.Committees.FindAsync(committee.Id);
            tracked!.CurrentTerm = "2025–2030";
            await scope.Db.SaveChangesAsync();
        }
        (await RegisterAsync(committee, "NQ")).Symbol.ShouldBe("01-NQ/BCĐ");
    }

    [Fact]
    public async Task State_numbers_restart_at_1_in_a_new_year()
    {
        var committee = await NewCommitteeAsync();

        (await RegisterAsync(committee, "QĐ", new DateOnly(2025, 12, 30))).Number.ShouldBe(1);
        (await RegisterAsync(committee, "QĐ", new DateOnly(2025, 12, 31))).Number.ShouldBe(2);
        var first = await RegisterAsync(committee, "QĐ", new DateOnly(2026, 1, 2));

        first.Number.ShouldBe(1);
        first.Symbol.ShouldBe("01/QĐ-BCĐ");
    }

    [Fact]
    public async Task A_cancelled_number_stays_on_record_and_is_never_given_again()
    {
        var committee = await NewCommitteeAsync();
        var reserved = await ReserveAsync(committee, "QĐ");

        await using (var scope = app.ServiceScope())
        {
            var wordy = await scope.Get<DocumentNumbering>().CancelAsync(scope.Actor, reserved.Id, new string('x', 501), reserved.Version);
            wordy.Problems.Single().ShouldBe(new Problem("Reason", "Lý do dài quá 500 ký tự."), "refused, not cut");
            var cancelled = await scope.Get<DocumentNumbering>().CancelAsync(scope.Actor, reserved.Id, "Dự thảo không ban hành", reserved.Version);
            cancelled.Value!.Status.ShouldBe(ReservationStatus.Cancelled);
        }
        var next = await RegisterAsync(committee, "QĐ");

        reserved.Number.ShouldBe(1);
        next.Number.ShouldBe(2);
        await using (var scope = app.ServiceScope())
        {
            var numbers = (await scope.Get<DocumentNumbering>().ListAsync(scope.Actor, committee.Id, new())).Value!.Items;
            numbers.Select(n => (n.Number, n.Status)).ShouldBe([(2, ReservationStatus.Issued), (1, ReservationStatus.Cancelled)]);
            numbers.Single(n => n.Number == 1).CancelReason.ShouldBe("Dự thảo không ban hành");
        }
    }

    [Fact]
    public async Task A_reserved_number_is_used_by_the_document_registered_with_it()
    {
        var committee = await NewCommitteeAsync();
        var reserved = await ReserveAsync(committee, "KH");
        await RegisterAsync(committee, "KH");

        await using var scope = app.ServiceScope();
        var input = Outgoing("KH") with { IssueNumber = false, ReservationId = reserved.Id };
        var document = await scope.Get<DocumentRegister>().RegisterAsync(scope.Actor, committee.Id, input);

        document.Value!.Symbol.ShouldBe("01/KH-BCĐ");
        var again = await scope.Get<DocumentRegister>().RegisterAsync(scope.Actor, committee.Id, input);
        again.Outcome.ShouldBe(Outcome.Invalid);
        again.Problems.Single().Field.ShouldBe("ReservationId");
    }

    [Theory]
    [InlineData("0001-01-01", "Ngày ban hành không thể trước năm 1945.")]
    [InlineData("9999-12-31", "Ngày ban hành không thể sau hôm nay.")]
    [InlineData("after tomorrow", "Ngày ban hành không thể sau hôm nay.")]
    public async Task A_number_is_not_reserved_for_a_date_the_register_refuses_and_no_series_is_opened(string date, string message)
    {
        var committee = await NewCommitteeAsync();
        var issuedOn = date == "after tomorrow" ? TestClock.Today.AddDays(2) : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        await using var scope = app.ServiceScope();
        var reserved = await scope.Get<DocumentNumbering>().ReserveAsync(scope.Actor, committee.Id, "QĐ", issuedOn);
        var registered = await scope.Get<DocumentRegister>().RegisterAsync(scope.Actor, committee.Id, Outgoing("QĐ", issuedOn));

        reserved.Outcome.ShouldBe(Outcome.Invalid);
        reserved.Problems.ShouldBe([new Problem("IssuedOn", message)]);
        // Registration applies the same rule, with the same words.
        registered.Problems.ShouldBe([new Problem("IssuedOn", message)]);
        (await scope.Db.NumberSeries.CountAsync(s => s.CommitteeId == committee.Id)).ShouldBe(0);
        (await scope.Db.NumberReservations.CountAsync(r => r.Series!.CommitteeId == committee.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task A_number_may_be_reserved_for_tomorrow_as_a_document_may_be_registered()
    {
        var committee = await NewCommitteeAsync();

        var reserved = await ReserveAsync(committee, "QĐ", TestClock.Today.AddDays(1));

        reserved.SeriesKey.ShouldBe(TestClock.Today.AddDays(1).Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_reserved_number_is_used_only_by_a_document_issued_in_its_series_year()
    {
        var committee = await NewCommitteeAsync();
        var reserved = await ReserveAsync(committee, "QĐ", new DateOnly(2025, 12, 30));

        await using (var scope = app.ServiceScope())
        {
            var input = Outgoing("QĐ", new DateOnly(2026, 3, 5)) with { IssueNumber = false, ReservationId = reserved.Id };
            var refused = await scope.Get<DocumentRegister>().RegisterAsync(scope.Actor, committee.Id, input);

            refused.Outcome.ShouldBe(Outcome.Invalid);
            refused.Problems.ShouldBe([new Problem("ReservationId", "Số 01/QĐ-BCĐ đã giữ trong sổ 2025, không dùng được cho văn bản ban hành ngày 05/03/2026.")]);
        }
        await using (var scope = app.ServiceScope())
        {
            (await scope.Db.Documents.CountAsync(d => d.CommitteeId == committee.Id)).ShouldBe(0);
            (await scope.Db.NumberReservations.FindAsync(reserved.Id))!.Status.ShouldBe(ReservationStatus.Reserved);

            var input = Outgoing("QĐ", new DateOnly(2025, 12, 31)) with { IssueNumber = false, ReservationId = reserved.Id };
            var document = await scope.Get<DocumentRegister>().RegisterAsync(scope.Actor, committee.Id, input);
            document.Value!.Symbol.ShouldBe("01/QĐ-BCĐ");
        }
        // The 2026 register starts at 1, once.
        (await RegisterAsync(committee, "QĐ", new DateOnly(2026, 3, 5))).Number.ShouldBe(1);
    }
}
