using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Committees;
using SteerCo.Data;
using SteerCo.Resources;
using SteerCo.Text;

namespace SteerCo.Documents;

/// <summary>
/// What a clerk enters for a document. For an outgoing document the register issues the number
/// (<see cref="IssueNumber"/>, or a number reserved earlier in <see cref="ReservationId"/>); a
/// symbol typed in is parsed and normalized.
/// </summary>
public sealed record DocumentInput(
    DocumentDirection Direction, string? Type, string? Symbol, bool IssueNumber, int? ReservationId,
    DateOnly? IssuedOn, DateOnly? ReceivedOn,
    IssuerKind IssuerKind, int? IssuerCommitteeId, int? IssuerAgencyId, string? IssuerName,
    string? Subject, string? SignerName, SigningAuthority SigningAuthority, string? SignerTitle,
    string? Recipients, string? Body, DocumentVisibility Visibility);

public sealed record DocumentFileView(int Id, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt, string UploadedBy);

/// <summary>A relation seen from one document: <see cref="Outgoing"/> when this document is the one that implements, amends, ...</summary>
public sealed record DocumentRelationView(int Id, RelationKind Kind, bool Outgoing, int OtherId, string? OtherSymbol, string OtherSubject, DateOnly OtherIssuedOn, string OtherCommittee);

public sealed record DocumentDetail(
    int Id, int CommitteeId, string CommitteeName, DocumentDirection Direction, string? Type, string? Symbol, int? Number,
    DateOnly IssuedOn, DateOnly? ReceivedOn, IssuerKind IssuerKind, int? IssuerCommitteeId, int? IssuerAgencyId, string IssuerName,
    string Subject, string? SignerName, string? SignerTitle, SigningAuthority SigningAuthority, string? Recipients, string? Body,
    DocumentVisibility Visibility, int? ReservationId, int Version, bool CanManage,
    IReadOnlyList<DocumentFileView> Files, IReadOnlyList<DocumentRelationView> Relations);

public sealed record DocumentSummary(
    int Id, int CommitteeId, string CommitteeName, DocumentDirection Direction, string? Type, string? Symbol,
    DateOnly IssuedOn, string IssuerName, string Subject);

/// <summary>Register filters; <see cref="UnderId"/> limits to a committee's subtree.</summary>
public sealed record DocumentQuery(
    int? UnderId = null, DocumentDirection? Direction = null, string? Type = null, string? Issuer = null,
    DateOnly? From = null, DateOnly? To = null, string? Sort = null);

/// <summary>A committee in a directive's implementation cascade, with the documents it issued to implement it.</summary>
public sealed record CascadeNode(int CommitteeId, string CommitteeName, IReadOnlyList<DocumentSummary> Documents, IReadOnlyList<CascadeNode> Children)
{
    /// <summary>Committees in this branch, this one included, and how many of them have implemented.</summary>
    public (int Committees, int Implemented) Count() =>
        Children.Aggregate((Committees: 1, Implemented: Documents.Count > 0 ? 1 : 0),
            (sum, child) => child.Count() is var c ? (sum.Committees + c.Committees, sum.Implemented + c.Implemented) : sum);
}

/// <summary>The register: documents in, out and internal, by committee, within the scope rule.</summary>
public sealed class DocumentRegister(SteerCoDbContext db, DocumentNumbering numbering, TimeProvider clock)
{
    public Task<Result<DocumentDetail>> RegisterAsync(Actor actor, int committeeId, DocumentInput input, CancellationToken cancellationToken = default) =>
        RegisterAsync(actor, committeeId, input, null, cancellationToken);

    /// <summary>
    /// Registers the document; <paramref name="alongside"/> changes other tracked rows that are saved
    /// with it, in its transaction (a reconstitution linking its new decision): if that save fails,
    /// the number is not issued either.
    /// </summary>
    public async Task<Result<DocumentDetail>> RegisterAsync(Actor actor, int committeeId, DocumentInput input, Action<Document>? alongside, CancellationToken cancellationToken = default)
    {
        var prepared = await PrepareRegistrationAsync(actor, committeeId, input, cancellationToken);
        if (!prepared.IsOk)
        {
            return prepared.As<DocumentDetail>();
        }
        var (committee, symbol, issuerName, reserved) = prepared.Value!;

        var issuedOn = input.IssuedOn!.Value;
        var document = new Document { IssuerName = issuerName, Subject = "", CommitteeId = committee.Id, CreatedAt = clock.GetUtcNow() };
        Apply(document, committee, input, symbol, issuerName);
        // On SQLite the number must be the transaction's first statement (see DocumentNumbering.NextAsync).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (input.Direction == DocumentDirection.Outgoing && (input.IssueNumber || reserved is not null))
        {
            var reservation = reserved ?? await numbering.NextAsync(committee, Clean(input.Type), issuedOn, actor.UserName, cancellationToken);
            reservation.Status = ReservationStatus.Issued;
            document.Number = reservation.Number;
            document.Symbol = reservation.Symbol;
            document.Type = reservation.Type;
            document.ReservationId = reservation.Id;
            document.SearchText = SearchTextOf(document, []);
        }
        db.Documents.Add(document);
        alongside?.Invoke(document);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (document.Symbol is not null && e is not DbUpdateConcurrencyException)
        {
            // Another clerk registered the same symbol meanwhile: say so, after the failed transaction is gone.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (await SymbolTakenAsync(document, cancellationToken))
            {
                return Result<DocumentDetail>.Invalid(nameof(DocumentInput.Symbol), Messages.Get("SymbolAlreadyUsed", document.Symbol, document.IssuedYear));
            }
            throw;
        }
        await transaction.CommitAsync(cancellationToken);
        return await GetAsync(actor, document.Id, cancellationToken);
    }

    /// <summary>
    /// What registering <paramref name="input"/> would answer, without registering it: the problems
    /// a form shows beside a date it could not read (given here as absent). The same check as
    /// <see cref="RegisterAsync(Actor, int, DocumentInput, CancellationToken)"/>.
    /// </summary>
    public async Task<Result<bool>> CheckRegistrationAsync(Actor actor, int committeeId, DocumentInput input, CancellationToken cancellationToken = default) =>
        await PrepareRegistrationAsync(actor, committeeId, input, cancellationToken) is { IsOk: false } refused ? refused.As<bool>() : true;

    /// <summary>A registration checked: the committee, the symbol as parsed, the issuer's name and the reserved number it takes.</summary>
    private sealed record Registration(Committee Committee, DocumentSymbol? Symbol, string IssuerName, NumberReservation? Reserved);

    private async Task<Result<Registration>> PrepareRegistrationAsync(Actor actor, int committeeId, DocumentInput input, CancellationToken cancellationToken)
    {
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == committeeId, cancellationToken);
        if (committee is null || !actor.CanRead(committee))
        {
            return Result<Registration>.NotFound();
        }
        if (!actor.CanManage(committee))
        {
            return Result<Registration>.Forbidden();
        }
        var (problems, symbol, issuerName) = await CheckAsync(committee, input, null, cancellationToken);
        NumberReservation? reserved = null;
        if (input.Direction == DocumentDirection.Outgoing && input.ReservationId is { } reservationId)
        {
            reserved = await db.NumberReservations.Include(r => r.Series).FirstOrDefaultAsync(r => r.Id == reservationId, cancellationToken);
            if (reserved is null || reserved.Series!.CommitteeId != committee.Id || reserved.Status != ReservationStatus.Reserved || reserved.Type != Clean(input.Type))
            {
                problems.Add(new(nameof(DocumentInput.ReservationId), Messages.Get("ReservationNotUsable")));
            }
            // A number is unique within its series only: used for a date of another year, it would
            // stand twice in that year's register.
            else if (input.IssuedOn is { } on && DocumentNumbering.SeriesKey(committee, reserved.Type, on) is var key && key != reserved.Series.Key)
            {
                problems.Add(new(nameof(DocumentInput.ReservationId), Messages.Get("ReservationOtherSeries", reserved.Symbol, reserved.Series.Key, on.ToShort())));
            }
        }
        return problems.Count > 0 ? Result<Registration>.Invalid(problems) : new Registration(committee, symbol, issuerName, reserved);
    }

    public async Task<Result<DocumentDetail>> UpdateAsync(Actor actor, int id, DocumentInput input, int? version, CancellationToken cancellationToken = default)
    {
        var prepared = await PrepareUpdateAsync(actor, id, input, version, cancellationToken);
        if (!prepared.IsOk)
        {
            return prepared.As<DocumentDetail>();
        }
        var (document, symbol, issuerName) = prepared.Value!;
        db.Entry(document).Property(d => d.Version).OriginalValue = version!.Value;
        // A number the register issued stays: it is the register's, not the clerk's, to change.
        Apply(document, document.Committee!, input, document.ReservationId is null ? symbol : SymbolParser.Parse(document.Symbol).Symbol, issuerName);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<DocumentDetail>.Conflict();
        }
        catch (DbUpdateException) when (document.Symbol is not null)
        {
            db.ChangeTracker.Clear();
            if (await SymbolTakenAsync(document, cancellationToken))
            {
                return Result<DocumentDetail>.Invalid(nameof(DocumentInput.Symbol), Messages.Get("SymbolAlreadyUsed", document.Symbol, document.IssuedYear));
            }
            throw;
        }
        return await GetAsync(actor, id, cancellationToken);
    }

    /// <summary>
    /// What correcting the document with <paramref name="input"/> would answer, without correcting it:
    /// the problems a form shows beside a date it could not read (given here as absent). The same
    /// check as <see cref="UpdateAsync"/>.
    /// </summary>
    public async Task<Result<bool>> CheckUpdateAsync(Actor actor, int id, DocumentInput input, int? version, CancellationToken cancellationToken = default) =>
        await PrepareUpdateAsync(actor, id, input, version, cancellationToken) is { IsOk: false } refused ? refused.As<bool>() : true;

    /// <summary>A correction checked: the document (tracked, unchanged), the symbol as parsed and the issuer's name.</summary>
    private sealed record Correction(Document Document, DocumentSymbol? Symbol, string IssuerName);

    private async Task<Result<Correction>> PrepareUpdateAsync(Actor actor, int id, DocumentInput input, int? version, CancellationToken cancellationToken)
    {
        var document = await db.Documents.Include(d => d.Committee).Include(d => d.Files)
            .FirstOrDefaultAsync(d => d.Id == id && d.DeletedAt == null, cancellationToken);
        if (document is null || !actor.CanRead(document, document.Committee!))
        {
            return Result<Correction>.NotFound();
        }
        if (!actor.CanManage(document.Committee!))
        {
            return Result<Correction>.Forbidden();
        }
        if (version is null)
        {
            return Result<Correction>.Invalid("Version", Messages.Get("VersionRequired"));
        }
        if (input.Direction != document.Direction)
        {
            return Result<Correction>.Invalid(nameof(DocumentInput.Direction), Messages.Get("DocumentDirectionImmutable"));
        }
        var (problems, symbol, issuerName) = await CheckAsync(document.Committee!, input, document, cancellationToken);
        return problems.Count > 0 ? Result<Correction>.Invalid(problems) : new Correction(document, symbol, issuerName);
    }

    /// <summary>Soft delete: the document leaves the register and search; the audit log keeps it.</summary>
    public async Task<Result<bool>> DeleteAsync(Actor actor, int id, int version, CancellationToken cancellationToken = default)
    {
        var document = await db.Documents.Include(d => d.Committee).FirstOrDefaultAsync(d => d.Id == id && d.DeletedAt == null, cancellationToken);
        if (document is null || !actor.CanRead(document, document.Committee!))
        {
            return Result<bool>.NotFound();
        }
        if (!actor.CanManage(document.Committee!))
        {
            return Result<bool>.Forbidden();
        }
        db.Entry(document).Property(d => d.Version).OriginalValue = version;
        document.DeletedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<bool>.Conflict();
        }
        return true;
    }

    public async Task<Result<DocumentDetail>> GetAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        var document = await db.Documents.AsNoTracking().Include(d => d.Committee)
            .FirstOrDefaultAsync(d => d.Id == id && d.DeletedAt == null, cancellationToken);
        if (document is null || !actor.CanRead(document, document.Committee!))
        {
            return Result<DocumentDetail>.NotFound();
        }
        var files = await db.DocumentFiles.AsNoTracking().Where(f => f.DocumentId == id && f.DeletedAt == null).OrderBy(f => f.Id)
            .Select(f => new DocumentFileView(f.Id, f.FileName, f.ContentType, f.Size, f.Sha256, f.UploadedAt, f.UploadedBy))
            .ToListAsync(cancellationToken);
        var visible = db.Documents.VisibleTo(actor, db.Committees).Where(d => d.DeletedAt == null);
        var outgoing = await db.DocumentRelations.Where(r => r.DocumentId == id && visible.Any(d => d.Id == r.RelatedDocumentId))
            .Select(r => new DocumentRelationView(r.Id, r.Kind, true, r.RelatedDocumentId, r.RelatedDocument!.Symbol, r.RelatedDocument.Subject, r.RelatedDocument.IssuedOn, r.RelatedDocument.Committee!.Name))
            .ToListAsync(cancellationToken);
        var incoming = await db.DocumentRelations.Where(r => r.RelatedDocumentId == id && visible.Any(d => d.Id == r.DocumentId))
            .Select(r => new DocumentRelationView(r.Id, r.Kind, false, r.DocumentId, r.Document!.Symbol, r.Document.Subject, r.Document.IssuedOn, r.Document.Committee!.Name))
            .ToListAsync(cancellationToken);
        var d = document;
        return new DocumentDetail(
            d.Id, d.CommitteeId, d.Committee!.Name, d.Direction, d.Type, d.Symbol, d.Number, d.IssuedOn, d.ReceivedOn,
            d.IssuerKind, d.IssuerCommitteeId, d.IssuerAgencyId, d.IssuerName, d.Subject, d.SignerName, d.SignerTitle, d.SigningAuthority,
            d.Recipients, d.Body, d.Visibility, d.ReservationId, d.Version, actor.CanManage(d.Committee),
            files, [.. outgoing.Concat(incoming).OrderBy(r => r.OtherIssuedOn).ThenBy(r => r.OtherId)]);
    }

    /// <summary>The register list: what the actor may see, filtered, newest first unless sorted otherwise.</summary>
    public async Task<Paged<DocumentSummary>> ListAsync(Actor actor, DocumentQuery query, PageRequest page, CancellationToken cancellationToken = default) =>
        await Summaries(Sort(await FilterAsync(actor, query, cancellationToken), query.Sort)).ToPagedAsync(page, cancellationToken);

    /// <summary>The visible, undeleted documents that pass the filters; search builds on it.</summary>
    public Task<IQueryable<Document>> FilterAsync(Actor actor, DocumentQuery query, CancellationToken cancellationToken = default) =>
        FilterAsync(actor, query, db.Documents, cancellationToken);

    /// <summary>The same filters over <paramref name="source"/>: search passes the documents its index matched, so filters and order apply to them alone.</summary>
    public async Task<IQueryable<Document>> FilterAsync(Actor actor, DocumentQuery query, IQueryable<Document> source, CancellationToken cancellationToken = default)
    {
        var documents = source.VisibleTo(actor, db.Committees).Where(d => d.DeletedAt == null);
        if (query.UnderId is { } underId)
        {
            var path = await db.Committees.Where(c => c.Id == underId).Select(c => c.Path).FirstOrDefaultAsync(cancellationToken) ?? "#";
            var subtree = db.Committees.InSubtree(path).Select(c => c.Id);
            documents = documents.Where(d => subtree.Contains(d.CommitteeId));
        }
        if (query.Direction is { } direction)
        {
            documents = documents.Where(d => d.Direction == direction);
        }
        if (Clean(query.Type) is { } type)
        {
            documents = documents.Where(d => d.Type == type);
        }
        if (VietnameseText.Clean(query.Issuer) is { Length: > 0 } issuer)
        {
            documents = documents.Where(d => d.IssuerName.Contains(issuer));
        }
        if (query.From is { } from)
        {
            documents = documents.Where(d => d.IssuedOn >= from);
        }
        if (query.To is { } to)
        {
            documents = documents.Where(d => d.IssuedOn <= to);
        }
        return documents;
    }

    public static IQueryable<DocumentSummary> Summaries(IQueryable<Document> documents) =>
        documents.Select(d => new DocumentSummary(d.Id, d.CommitteeId, d.Committee!.Name, d.Direction, d.Type, d.Symbol, d.IssuedOn, d.IssuerName, d.Subject));

    private static IQueryable<Document> Sort(IQueryable<Document> documents, string? sort) => sort switch
    {
        "issued" => documents.OrderBy(d => d.IssuedOn).ThenBy(d => d.Id),
        "symbol" => documents.OrderBy(d => d.Symbol).ThenBy(d => d.Id),
        "-symbol" => documents.OrderByDescending(d => d.Symbol).ThenByDescending(d => d.Id),
        _ => documents.OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id),
    };

    /// <summary>Records that <paramref name="id"/> implements (guides, amends, ...) <paramref name="relatedId"/>.</summary>
    public async Task<Result<DocumentDetail>> RelateAsync(Actor actor, int id, int relatedId, RelationKind kind, CancellationToken cancellationToken = default)
    {
        var document = await db.Documents.AsNoTracking().Include(d => d.Committee).FirstOrDefaultAsync(d => d.Id == id && d.DeletedAt == null, cancellationToken);
        var related = await db.Documents.AsNoTracking().Include(d => d.Committee).FirstOrDefaultAsync(d => d.Id == relatedId && d.DeletedAt == null, cancellationToken);
        if (document is null || !actor.CanRead(document, document.Committee!))
        {
            return Result<DocumentDetail>.NotFound();
        }
        if (!actor.CanManage(document.Committee!))
        {
            return Result<DocumentDetail>.Forbidden();
        }
        if (related is null || !actor.CanRead(related, related.Committee!))
        {
            return Result<DocumentDetail>.Invalid("RelatedDocumentId", Messages.Get("RelatedDocumentNotFound"));
        }
        if (!Enum.IsDefined(kind) || related.Id == document.Id)
        {
            return Result<DocumentDetail>.Invalid("Kind", Messages.Get("RelationInvalid"));
        }
        if (!await db.DocumentRelations.AnyAsync(r => r.DocumentId == id && r.RelatedDocumentId == relatedId && r.Kind == kind, cancellationToken))
        {
            if (await CheckRelationAsync(document, related, kind, cancellationToken) is { } problem)
            {
                return Result<DocumentDetail>.Invalid(problem);
            }
            db.DocumentRelations.Add(new DocumentRelation { DocumentId = id, RelatedDocumentId = relatedId, Kind = kind, CreatedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
        }
        return await GetAsync(actor, id, cancellationToken);
    }

    /// <summary>
    /// What the relations already recorded say against <paramref name="document"/>
    /// <paramref name="kind"/> <paramref name="related"/>. Implementing, guiding, amending and
    /// replacing go one way: the reverse is refused. Amending and replacing also follow time: no
    /// chain of them may come back to where it started, and a document amends or replaces only one
    /// issued before it (or the same day). Citing goes both ways and is never refused.
    /// </summary>
    private async Task<Problem?> CheckRelationAsync(Document document, Document related, RelationKind kind, CancellationToken cancellationToken)
    {
        if (kind == RelationKind.Cites)
        {
            return null;
        }
        var verb = kind switch
        {
            RelationKind.Implements => Messages.Get("RelationVerbImplements"),
            RelationKind.Guides => Messages.Get("RelationVerbGuides"),
            RelationKind.Amends => Messages.Get("RelationVerbAmends"),
            _ => Messages.Get("RelationVerbReplaces"),
        };
        if (await db.DocumentRelations.AnyAsync(r => r.DocumentId == related.Id && r.RelatedDocumentId == document.Id && r.Kind == kind, cancellationToken))
        {
            return new("RelatedDocumentId", Messages.Get("RelationReversed", NameOf(related), verb));
        }
        if (kind is not (RelationKind.Amends or RelationKind.Replaces))
        {
            return null;
        }
        // Does related lead back to document through relations of this kind? Deleted documents are
        // out of the register and break the chain.
        var seen = new HashSet<int> { related.Id };
        var frontier = new List<int> { related.Id };
        while (frontier.Count > 0)
        {
            var batch = frontier;
            var next = await db.DocumentRelations
                .Where(r => r.Kind == kind && batch.Contains(r.DocumentId) && r.RelatedDocument!.DeletedAt == null)
                .Select(r => r.RelatedDocumentId).Distinct().ToListAsync(cancellationToken);
            if (next.Contains(document.Id))
            {
                return new("RelatedDocumentId", Messages.Get("RelationCycle", NameOf(related), verb));
            }
            frontier = [.. next.Where(seen.Add)];
        }
        if (related.IssuedOn > document.IssuedOn)
        {
            var (issued, named, newer) = (document.IssuedOn.ToShort(), NameOf(related), related.IssuedOn.ToShort());
            return new("RelatedDocumentId", kind == RelationKind.Replaces
                ? Messages.Get("ReplacesNewerDocument", issued, named, newer)
                : Messages.Get("AmendsNewerDocument", issued, named, newer));
        }
        return null;
    }

    /// <summary>A document as a message names it: its symbol, or its subject when it has none.</summary>
    private static string NameOf(Document document) =>
        document.Symbol ?? $"'{DocumentRules.Excerpt(document.Subject, 60)}'";

    public async Task<Result<DocumentDetail>> UnrelateAsync(Actor actor, int id, int relationId, CancellationToken cancellationToken = default)
    {
        var relation = await db.DocumentRelations.Include(r => r.Document).ThenInclude(d => d!.Committee)
            .FirstOrDefaultAsync(r => r.Id == relationId && r.DocumentId == id, cancellationToken);
        if (relation is null || !actor.CanRead(relation.Document!, relation.Document!.Committee!))
        {
            return Result<DocumentDetail>.NotFound();
        }
        if (!actor.CanManage(relation.Document.Committee!))
        {
            return Result<DocumentDetail>.Forbidden();
        }
        db.DocumentRelations.Remove(relation);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(actor, id, cancellationToken);
    }

    /// <summary>
    /// The implementation cascade of a directive: every committee below the issuing one that the
    /// actor sees, with the documents that implement it there (directly, or by implementing an
    /// implementing document). A committee with none is an empty node: "not yet".
    /// </summary>
    public async Task<Result<CascadeNode>> CascadeAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        var document = await db.Documents.AsNoTracking().Include(d => d.Committee).FirstOrDefaultAsync(d => d.Id == id && d.DeletedAt == null, cancellationToken);
        if (document is null || !actor.CanRead(document, document.Committee!))
        {
            return Result<CascadeNode>.NotFound();
        }
        var implementers = new Dictionary<int, List<int>>();
        var frontier = new List<int> { id };
        var seen = new HashSet<int> { id };
        while (frontier.Count > 0)
        {
            var batch = frontier;
            var next = await db.DocumentRelations
                .Where(r => r.Kind == RelationKind.Implements && batch.Contains(r.RelatedDocumentId) && r.Document!.DeletedAt == null)
                .Select(r => r.DocumentId).Distinct().ToListAsync(cancellationToken);
            frontier = [.. next.Where(seen.Add)];
        }
        seen.Remove(id);
        var documents = await Summaries(db.Documents.VisibleTo(actor, db.Committees).Where(d => seen.Contains(d.Id)).OrderBy(d => d.IssuedOn).ThenBy(d => d.Id))
            .ToListAsync(cancellationToken);
        var committees = await db.Committees.AsNoTracking().VisibleTo(actor)
            .InSubtree(document.Committee!.Path)
            .OrderBy(c => c.FoldedName).Select(c => new { c.Id, c.Name, c.ParentId }).ToListAsync(cancellationToken);
        var byParent = committees.ToLookup(c => c.ParentId);
        var byCommittee = documents.ToLookup(d => d.CommitteeId);
        CascadeNode Node(int committeeId, string name) => new(
            committeeId, name,
            committeeId == document.CommitteeId ? [] : [.. byCommittee[committeeId]],
            [.. byParent[committeeId].Select(c => Node(c.Id, c.Name))]);
        var root = committees.FirstOrDefault(c => c.Id == document.CommitteeId);
        return Node(document.CommitteeId, root?.Name ?? document.Committee!.Name);
    }

    /// <summary>Recomputes what search matches, after files change.</summary>
    internal async Task RefreshSearchTextAsync(Document document, CancellationToken cancellationToken)
    {
        var texts = await db.DocumentFiles.Where(f => f.DocumentId == document.Id && f.DeletedAt == null && f.ExtractedText != null)
            .Select(f => f.ExtractedText!).ToListAsync(cancellationToken);
        document.SearchText = SearchTextOf(document, texts);
    }

    internal static string SearchTextOf(Document document, IEnumerable<string> fileTexts) =>
        VietnameseText.Fold(string.Join(' ', new[] { document.Symbol, document.Subject, document.IssuerName, document.SignerName, document.Body }
            .Concat(fileTexts).Where(t => !string.IsNullOrEmpty(t))));

    private static void Apply(Document document, Committee committee, DocumentInput input, DocumentSymbol? symbol, string issuerName)
    {
        document.Direction = input.Direction;
        if (document.ReservationId is null)
        {
            document.Symbol = symbol?.Normalized;
            document.Number = symbol?.Number;
            // A symbol without a type (a công văn, a law) leaves the type the clerk chose.
            document.Type = symbol?.Type ?? Clean(input.Type);
        }
        document.IssuedOn = input.IssuedOn!.Value;
        document.IssuedYear = DocumentNumbering.UniquenessYear(committee, input.Direction, document.IssuedOn);
        document.ReceivedOn = input.Direction == DocumentDirection.Incoming ? input.ReceivedOn : null;
        document.IssuerKind = input.IssuerKind;
        document.IssuerCommitteeId = input.IssuerKind == IssuerKind.Committee ? input.IssuerCommitteeId : null;
        document.IssuerAgencyId = input.IssuerKind == IssuerKind.Agency ? input.IssuerAgencyId : null;
        document.IssuerName = issuerName;
        document.Subject = VietnameseText.Clean(input.Subject);
        document.SignerName = NullIfEmpty(VietnameseText.Clean(input.SignerName));
        document.SignerTitle = NullIfEmpty(VietnameseText.Clean(input.SignerTitle));
        document.SigningAuthority = input.SigningAuthority;
        document.Recipients = NullIfEmpty(VietnameseText.CleanLines(input.Recipients));
        document.Body = NullIfEmpty(VietnameseText.CleanLines(input.Body));
        document.Visibility = input.Visibility;
        document.SearchText = SearchTextOf(document, document.Files.Where(f => f.DeletedAt == null && f.ExtractedText != null).Select(f => f.ExtractedText!));
    }

    private async Task<(List<Problem> Problems, DocumentSymbol? Symbol, string IssuerName)> CheckAsync(
        Committee committee, DocumentInput input, Document? existing, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        if (!Enum.IsDefined(input.Direction))
        {
            problems.Add(new(nameof(DocumentInput.Direction), Messages.Get("DocumentDirectionUnknown")));
        }
        if (!Enum.IsDefined(input.Visibility) || !Enum.IsDefined(input.SigningAuthority) || !Enum.IsDefined(input.IssuerKind))
        {
            problems.Add(new("", Messages.Get("DocumentChoiceUnknown")));
        }
        var subject = VietnameseText.Clean(input.Subject);
        if (subject.Length == 0)
        {
            problems.Add(new(nameof(DocumentInput.Subject), Messages.Get("SubjectRequired")));
        }
        else if (subject.Length > DocumentRules.SubjectLength)
        {
            problems.Add(new(nameof(DocumentInput.Subject), Messages.Get("TooLong", Messages.Get("FieldSubject"), DocumentRules.SubjectLength)));
        }
        var today = clock.Today();
        if (input.IssuedOn is not { } issuedOn)
        {
            problems.Add(new(nameof(DocumentInput.IssuedOn), Messages.Get("IssuedOnRequired")));
        }
        else if (DocumentRules.CheckIssuedOn(issuedOn, today) is { } dateProblem)
        {
            problems.Add(dateProblem);
        }
        else if (input.ReceivedOn is { } receivedOn && input.Direction == DocumentDirection.Incoming && receivedOn < issuedOn)
        {
            problems.Add(new(nameof(DocumentInput.ReceivedOn), Messages.Get("ReceivedBeforeIssued")));
        }
        else if (input.ReceivedOn is { } arrived && input.Direction == DocumentDirection.Incoming && arrived > today.AddDays(1))
        {
            problems.Add(new(nameof(DocumentInput.ReceivedOn), Messages.Get("ReceivedInFuture")));
        }

        DocumentSymbol? symbol = null;
        var numbered = input.Direction == DocumentDirection.Outgoing && (input.IssueNumber || input.ReservationId is not null) && existing is null;
        if (numbered)
        {
            if (DocumentRules.CheckType(committee, Clean(input.Type)) is { } typeProblem)
            {
                problems.Add(typeProblem);
            }
        }
        else if (!string.IsNullOrWhiteSpace(input.Symbol) && existing?.ReservationId is null)
        {
            var parsed = SymbolParser.Parse(input.Symbol);
            if (parsed.Symbol is null)
            {
                problems.Add(new(nameof(DocumentInput.Symbol), parsed.Message!));
            }
            else if (DocumentRules.CheckTypeAgainstSymbol(committee, Clean(input.Type), parsed.Symbol) is { } typeProblem)
            {
                problems.Add(typeProblem);
            }
            symbol = parsed.Symbol;
        }
        else if (input.Direction != DocumentDirection.Internal && existing?.ReservationId is null)
        {
            problems.Add(new(nameof(DocumentInput.Symbol), Messages.Get("SymbolRequiredUnlessNumbered")));
        }
        else if (DocumentRules.CheckType(committee, Clean(input.Type)) is { } typeProblem)
        {
            problems.Add(typeProblem);
        }

        var issuerName = "";
        if (input.Direction == DocumentDirection.Outgoing || (input.Direction == DocumentDirection.Internal && input.IssuerKind == IssuerKind.Committee && input.IssuerCommitteeId is null))
        {
            issuerName = committee.Name;
        }
        else
        {
            switch (input.IssuerKind)
            {
                case IssuerKind.Committee:
                    issuerName = await db.Committees.Where(c => c.Id == input.IssuerCommitteeId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
                    break;
                case IssuerKind.Agency:
                    issuerName = await db.Agencies.Where(a => a.Id == input.IssuerAgencyId).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
                    break;
                default:
                    issuerName = VietnameseText.Clean(input.IssuerName);
                    break;
            }
            if (issuerName.Length == 0)
            {
                problems.Add(new(nameof(DocumentInput.IssuerName), Messages.Get("IssuerRequired")));
            }
            else if (issuerName.Length > 300)
            {
                problems.Add(new(nameof(DocumentInput.IssuerName), Messages.Get("TooLong", Messages.Get("FieldIssuer"), 300)));
            }
        }
        if ((input.Recipients?.Length ?? 0) > 4000)
        {
            problems.Add(new(nameof(DocumentInput.Recipients), Messages.Get("TooLong", Messages.Get("FieldRecipients"), 4000)));
        }
        if (VietnameseText.Clean(input.SignerName).Length > DocumentRules.SignerLength)
        {
            problems.Add(new(nameof(DocumentInput.SignerName), Messages.Get("TooLong", Messages.Get("FieldSigner"), DocumentRules.SignerLength)));
        }
        if (VietnameseText.Clean(input.SignerTitle).Length > DocumentRules.SignerLength)
        {
            problems.Add(new(nameof(DocumentInput.SignerTitle), Messages.Get("TooLong", Messages.Get("FieldSignerTitle"), DocumentRules.SignerLength)));
        }
        if (symbol is not null && input.IssuedOn is { } on && problems.Count == 0
            && DocumentNumbering.UniquenessYear(committee, input.Direction, on) is var year
            && await db.Documents.AnyAsync(d => d.CommitteeId == committee.Id && d.Direction == input.Direction && d.IssuedYear == year
                && d.Symbol == symbol.Normalized && d.DeletedAt == null && d.Id != (existing == null ? 0 : existing.Id), cancellationToken))
        {
            problems.Add(new(nameof(DocumentInput.Symbol), Messages.Get("SymbolAlreadyUsed", symbol.Normalized, year)));
        }
        return (problems, symbol, issuerName);
    }

    private async Task<bool> SymbolTakenAsync(Document document, CancellationToken cancellationToken) =>
        document.Symbol is not null && await db.Documents.AsNoTracking().AnyAsync(d => d.CommitteeId == document.CommitteeId && d.Direction == document.Direction
            && d.IssuedYear == document.IssuedYear && d.Symbol == document.Symbol && d.DeletedAt == null && d.Id != document.Id, cancellationToken);

    private static string? Clean(string? text) => NullIfEmpty(VietnameseText.Clean(text));

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
