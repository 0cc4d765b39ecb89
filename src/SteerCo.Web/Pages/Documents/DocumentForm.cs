using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Agencies;
using SteerCo.Committees;
using SteerCo.Data;
using SteerCo.Documents;
using SteerCo.Text;

namespace SteerCo.Web.Pages.Documents;

/// <summary>The fields of the register and edit pages, as typed (dates dd/MM/yyyy); names match <see cref="DocumentInput"/> so problems land beside their field.</summary>
public sealed class DocumentForm
{
    public DocumentDirection Direction { get; set; } = DocumentDirection.Incoming;
    public bool IssueNumber { get; set; }
    public int? ReservationId { get; set; }
    public string? Symbol { get; set; }
    public string? Type { get; set; }
    public string? IssuedOn { get; set; }
    public string? ReceivedOn { get; set; }
    public IssuerKind IssuerKind { get; set; } = IssuerKind.Outside;
    public int? IssuerCommitteeId { get; set; }
    public int? IssuerAgencyId { get; set; }
    public string? IssuerName { get; set; }
    public string? Subject { get; set; }
    public string? SignerName { get; set; }
    public SigningAuthority SigningAuthority { get; set; }
    public string? SignerTitle { get; set; }
    public string? Recipients { get; set; }
    public string? Body { get; set; }
    public DocumentVisibility Visibility { get; set; } = DocumentVisibility.Committee;
    public int Version { get; set; }

    public DocumentInput ToInput(DateOnly? issuedOn, DateOnly? receivedOn) => new(
        Direction, string.IsNullOrWhiteSpace(Type) ? null : Type, Symbol, IssueNumber && Direction == DocumentDirection.Outgoing,
        Direction == DocumentDirection.Outgoing && !IssueNumber ? ReservationId : null, issuedOn, receivedOn,
        IssuerKind, IssuerCommitteeId, IssuerAgencyId, IssuerName, Subject, SignerName, SigningAuthority, SignerTitle, Recipients, Body, Visibility);

    public static DocumentForm From(DocumentDetail d) => new()
    {
        Direction = d.Direction,
        Symbol = d.Symbol,
        Type = d.Type,
        IssuedOn = d.IssuedOn.ToShort(),
        ReceivedOn = d.ReceivedOn.ToShort(),
        IssuerKind = d.IssuerKind,
        IssuerCommitteeId = d.IssuerCommitteeId,
        IssuerAgencyId = d.IssuerAgencyId,
        IssuerName = d.IssuerKind == IssuerKind.Outside ? d.IssuerName : null,
        Subject = d.Subject,
        SignerName = d.SignerName,
        SigningAuthority = d.SigningAuthority,
        SignerTitle = d.SignerTitle,
        Recipients = d.Recipients,
        Body = d.Body,
        Visibility = d.Visibility,
        Version = d.Version,
    };
}

public sealed record CommitteeOption(int Id, string Name);

/// <summary>
/// What the form offers: the types of the committee's document system, the committees and
/// agencies a document may come from (the committee's own line upwards and what the user sees),
/// and the numbers reserved for drafts.
/// </summary>
public sealed record DocumentFormOptions(
    CommitteeDetail Committee, IReadOnlyList<DocumentType> Types, IReadOnlyList<CommitteeOption> Committees,
    IReadOnlyList<AgencySummary> Agencies, IReadOnlyList<ReservationView> Reservations, bool Editing, string? IssuedSymbol)
{
    public static async Task<DocumentFormOptions> LoadAsync(
        SteerCoDbContext db, AgencyService agencies, DocumentNumbering numbering, Actor actor, CommitteeDetail committee, bool forRegistering, string? issuedSymbol, CancellationToken ct)
    {
        var above = committee.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
        // The line above is named here even when the user may not open it: documents come down from it.
        var committees = await db.Committees.AsNoTracking()
            .Where(c => above.Contains(c.Id) || db.Committees.VisibleTo(actor).Any(v => v.Id == c.Id))
            .OrderBy(c => c.Path.Length).ThenBy(c => c.FoldedName).Take(300)
            .Select(c => new { c.Id, c.Name, c.UnitId }).ToListAsync(ct);
        var units = committees.Where(c => above.Contains(c.Id)).Select(c => c.UnitId).Append(committee.UnitId).Distinct().ToList();
        var reservations = forRegistering
            ? (await numbering.ListAsync(actor, committee.Id, new(1, PageRequest.MaxPageSize), ct)).Value?.Items.Where(r => r.Status == ReservationStatus.Reserved).ToList() ?? []
            : [];
        return new(committee,
            committee.DocumentSystem == DocumentSystem.Party ? DocumentTypes.Party : DocumentTypes.State,
            [.. committees.Select(c => new CommitteeOption(c.Id, c.Name))],
            await agencies.ForUnitsAsync(units, ct), reservations, !forRegistering, issuedSymbol);
    }
}
