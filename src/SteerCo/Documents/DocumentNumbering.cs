using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Committees;
using SteerCo.Data;
using SteerCo.Resources;
using SteerCo.Text;

namespace SteerCo.Documents;

public sealed record ReservationView(int Id, int CommitteeId, string SeriesKey, int Number, string Symbol, string? Type, ReservationStatus Status, string? CancelReason, DateTimeOffset ReservedAt, string ReservedBy, int Version);

/// <summary>
/// The register gives out numbers: consecutive within a series, never twice, a cancelled one
/// never again. The next number is taken by one atomic UPDATE ... RETURNING on the series row,
/// which both engines serialize (PostgreSQL by the row lock, SQLite by its single writer), so
/// concurrent requests cannot see the same number.
/// </summary>
public sealed class DocumentNumbering(SteerCoDbContext db, TimeProvider clock)
{
    public const string CongVanSeries = "CV";

    /// <summary>The series a document of <paramref name="type"/> issued on <paramref name="issuedOn"/> takes its number from.</summary>
    public static string SeriesKey(Committee committee, string? type, DateOnly issuedOn)
    {
        if (committee.DocumentSystem == DocumentSystem.Party)
        {
            return $"{committee.CurrentTerm ?? issuedOn.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)}/{type ?? CongVanSeries}";
        }
        var year = issuedOn.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return type is null ? $"{year}/{CongVanSeries}"
            : committee.StateNumbering == StateNumbering.PerType ? $"{year}/{type}"
            : year;
    }

    /// <summary>
    /// The period a symbol is unique within (<see cref="Document.IssuedYear"/>): the calendar year,
    /// except for a Party committee's own documents, numbered per term, where it is the term's
    /// first year, so that a new term's "01-NQ/TU" may follow the old term's within one year.
    /// </summary>
    public static int UniquenessYear(Committee committee, DocumentDirection direction, DateOnly issuedOn) =>
        committee.DocumentSystem == DocumentSystem.Party && direction == DocumentDirection.Outgoing && Terms.FirstYear(committee.CurrentTerm) is { } first
            ? first
            : issuedOn.Year;

    /// <summary>The symbol number <paramref name="number"/> makes for the committee: 41/QĐ-BCĐ, 41/BCĐ, 41-NQ/BCĐ.</summary>
    public static DocumentSymbol SymbolFor(Committee committee, string? type, int number) =>
        committee.DocumentSystem == DocumentSystem.Party ? DocumentSymbol.Party(number, type ?? "CV", committee.Abbreviation)
        : type is null ? DocumentSymbol.CongVan(number, committee.Abbreviation)
        : DocumentSymbol.State(number, type, committee.Abbreviation);

    /// <summary>Reserves the next number for a document being drafted, in its own transaction.</summary>
    public async Task<Result<ReservationView>> ReserveAsync(Actor actor, int committeeId, string? type, DateOnly issuedOn, CancellationToken cancellationToken = default)
    {
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == committeeId, cancellationToken);
        if (committee is null || !actor.CanRead(committee))
        {
            return Result<ReservationView>.NotFound();
        }
        if (!actor.CanManage(committee))
        {
            return Result<ReservationView>.Forbidden();
        }
        var problems = new[] { DocumentRules.CheckType(committee, type), DocumentRules.CheckIssuedOn(issuedOn, clock.Today()) }.OfType<Problem>().ToList();
        if (problems.Count > 0)
        {
            return Result<ReservationView>.Invalid(problems);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var reservation = await NextAsync(committee, type, issuedOn, actor.UserName, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await ViewAsync(reservation.Id, cancellationToken);
    }

    /// <summary>Gives a reserved number up, with the reason; it stays on record and is never given out again.</summary>
    public async Task<Result<ReservationView>> CancelAsync(Actor actor, int reservationId, string? reason, int? version, CancellationToken cancellationToken = default)
    {
        var reservation = await db.NumberReservations.Include(r => r.Series).ThenInclude(s => s!.Committee)
            .FirstOrDefaultAsync(r => r.Id == reservationId, cancellationToken);
        if (reservation is null || !actor.CanRead(reservation.Series!.Committee!))
        {
            return Result<ReservationView>.NotFound();
        }
        if (!actor.CanManage(reservation.Series.Committee!))
        {
            return Result<ReservationView>.Forbidden();
        }
        if (version is null)
        {
            return Result<ReservationView>.Invalid("Version", Messages.Get("VersionRequired"));
        }
        var text = Text.VietnameseText.Clean(reason);
        if (text.Length == 0)
        {
            return Result<ReservationView>.Invalid("Reason", Messages.Get("CancelReasonRequired"));
        }
        if (text.Length > 500)
        {
            return Result<ReservationView>.Invalid("Reason", Messages.Get("TooLong", Messages.Get("FieldReason"), 500));
        }
        if (reservation.Status != ReservationStatus.Reserved)
        {
            return Result<ReservationView>.Invalid("", Messages.Get("ReservationNotOpen", reservation.Symbol));
        }
        db.Entry(reservation).Property(r => r.Version).OriginalValue = version.Value;
        reservation.Status = ReservationStatus.Cancelled;
        reservation.CancelReason = text;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<ReservationView>.Conflict();
        }
        return await ViewAsync(reservation.Id, cancellationToken);
    }

    /// <summary>The numbers of a committee's series, newest first: issued, reserved and cancelled alike.</summary>
    public async Task<Result<Paged<ReservationView>>> ListAsync(Actor actor, int committeeId, PageRequest page, CancellationToken cancellationToken = default)
    {
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == committeeId, cancellationToken);
        if (committee is null || !actor.CanRead(committee))
        {
            return Result<Paged<ReservationView>>.NotFound();
        }
        // Ordered before the projection: EF cannot translate an order on the projected record.
        return await Views(db.NumberReservations.Where(r => r.Series!.CommitteeId == committeeId).OrderByDescending(r => r.Id))
            .ToPagedAsync(page, cancellationToken);
    }

    /// <summary>
    /// Takes the next number of the series inside the caller's transaction, which must not have
    /// read anything yet on SQLite (a reader cannot become the writer without a busy error).
    /// </summary>
    internal async Task<NumberReservation> NextAsync(Committee committee, string? type, DateOnly issuedOn, string reservedBy, CancellationToken cancellationToken)
    {
        var key = SeriesKey(committee, type, issuedOn);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO "NumberSeries" ("CommitteeId", "Key", "LastNumber") VALUES ({committee.Id}, {key}, 0) ON CONFLICT ("CommitteeId", "Key") DO NOTHING""",
            cancellationToken);
        var next = await db.Database.SqlQuery<int>(
            $"""UPDATE "NumberSeries" SET "LastNumber" = "LastNumber" + 1 WHERE "CommitteeId" = {committee.Id} AND "Key" = {key} RETURNING "LastNumber" AS "Value" """)
            .ToListAsync(cancellationToken);
        var seriesId = await db.NumberSeries.Where(s => s.CommitteeId == committee.Id && s.Key == key).Select(s => s.Id).SingleAsync(cancellationToken);
        var reservation = new NumberReservation
        {
            SeriesId = seriesId,
            Number = next.Single(),
            Symbol = SymbolFor(committee, type, next.Single()).Normalized,
            Type = type,
            ReservedAt = clock.GetUtcNow(),
            ReservedBy = reservedBy,
        };
        db.NumberReservations.Add(reservation);
        await db.SaveChangesAsync(cancellationToken);
        return reservation;
    }

    private async Task<ReservationView> ViewAsync(int id, CancellationToken cancellationToken) =>
        await Views(db.NumberReservations.Where(r => r.Id == id)).SingleAsync(cancellationToken);

    private static IQueryable<ReservationView> Views(IQueryable<NumberReservation> reservations) =>
        reservations.Select(r => new ReservationView(
            r.Id, r.Series!.CommitteeId, r.Series.Key, r.Number, r.Symbol, r.Type, r.Status, r.CancelReason, r.ReservedAt, r.ReservedBy, r.Version));
}
