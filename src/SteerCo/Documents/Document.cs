using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SteerCo.Agencies;
using SteerCo.Committees;
using SteerCo.Data;

namespace SteerCo.Documents;

/// <summary>Which way a document passes through the committee's register.</summary>
public enum DocumentDirection
{
    /// <summary>Văn bản đến: received from another body.</summary>
    Incoming = 1,

    /// <summary>Văn bản đi: issued by the committee, numbered by its register.</summary>
    Outgoing = 2,

    /// <summary>Văn bản nội bộ: kept by the committee, not sent.</summary>
    Internal = 3,
}

/// <summary>Who issued a document: a committee in SteerCo, an agency, or a body outside by name.</summary>
public enum IssuerKind
{
    Committee = 1,
    Agency = 2,
    Outside = 3,
}

/// <summary>The authority line above a signature (Decree 30, Article 13).</summary>
public enum SigningAuthority
{
    /// <summary>The head signs in their own right.</summary>
    None = 0,

    /// <summary>TM. — on behalf of a collective body.</summary>
    OnBehalf = 1,

    /// <summary>KT. — a deputy signs for the head.</summary>
    Deputy = 2,

    /// <summary>TL. — by order of the head.</summary>
    ByOrder = 3,

    /// <summary>TUQ. — by authorization.</summary>
    Authorized = 4,

    /// <summary>Q. — acting head.</summary>
    Acting = 5,
}

/// <summary>Who may read a document besides readers of its committee.</summary>
public enum DocumentVisibility
{
    /// <summary>Readers of the committee that keeps it (the scope rule).</summary>
    Committee = 1,

    /// <summary>Also every committee below: directives and guidance that lower levels implement.</summary>
    Subtree = 2,
}

/// <summary>
/// An official document in a committee's register [sổ văn bản]: its number and symbol, type,
/// dates, issuer, subject [trích yếu], signer, recipients, text and files.
/// </summary>
public sealed class Document : IVersioned
{
    public int Id { get; set; }

    /// <summary>The committee whose register holds the document.</summary>
    public int CommitteeId { get; set; }

    public Committee? Committee { get; set; }
    public DocumentDirection Direction { get; set; }

    /// <summary>The type abbreviation (QĐ, KH, NQ, ...); null for a state công văn.</summary>
    public string? Type { get; set; }

    /// <summary>The normalized number and symbol, "40/QĐ-BCĐ"; null for an internal document without one.</summary>
    public string? Symbol { get; set; }

    public int? Number { get; set; }
    public DateOnly IssuedOn { get; set; }

    /// <summary>
    /// The period the symbol is unique within (see <see cref="DocumentNumbering.UniquenessYear"/>):
    /// the year of <see cref="IssuedOn"/>, as state numbers restart every year; for a Party
    /// committee's own documents, numbered per term, the term's first year.
    /// </summary>
    public int IssuedYear { get; set; }

    public DateOnly? ReceivedOn { get; set; }
    public IssuerKind IssuerKind { get; set; }
    public int? IssuerCommitteeId { get; set; }
    public Committee? IssuerCommittee { get; set; }
    public int? IssuerAgencyId { get; set; }
    public Agency? IssuerAgency { get; set; }

    /// <summary>The issuer as printed: the committee's or agency's name, or the outside body's.</summary>
    public required string IssuerName { get; set; }

    public required string Subject { get; set; }
    public string? SignerName { get; set; }
    public string? SignerTitle { get; set; }
    public SigningAuthority SigningAuthority { get; set; }

    /// <summary>Nơi nhận, one recipient per line.</summary>
    public string? Recipients { get; set; }

    /// <summary>The text typed in or taken from its main file.</summary>
    public string? Body { get; set; }

    /// <summary>Symbol, subject, issuer, body and file text folded (<see cref="Text.VietnameseText.Fold"/>): what search matches.</summary>
    public string SearchText { get; set; } = "";

    public DocumentVisibility Visibility { get; set; } = DocumentVisibility.Committee;

    /// <summary>The register number this document took, for outgoing documents numbered here.</summary>
    public int? ReservationId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
    public int Version { get; set; }

    public List<DocumentFile> Files { get; set; } = [];
}

/// <summary>A file of a document; the bytes live once per content hash in the file store.</summary>
public sealed class DocumentFile
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public Document? Document { get; set; }

    /// <summary>Lower-case hex SHA-256 of the content: its address in the store.</summary>
    public required string Sha256 { get; set; }

    public required string FileName { get; set; }

    /// <summary>The media type found from the content (magic bytes), not from the name.</summary>
    public required string ContentType { get; set; }

    public long Size { get; set; }

    /// <summary>Text taken from a DOCX or PDF for search; null for images and spreadsheets.</summary>
    public string? ExtractedText { get; set; }

    public DateTimeOffset UploadedAt { get; set; }
    public required string UploadedBy { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
}

/// <summary>How one document stands to another.</summary>
public enum RelationKind
{
    /// <summary>Triển khai thực hiện: a lower level's plan or directive implementing this one.</summary>
    Implements = 1,

    /// <summary>Hướng dẫn.</summary>
    Guides = 2,

    /// <summary>Sửa đổi, bổ sung.</summary>
    Amends = 3,

    /// <summary>Thay thế.</summary>
    Replaces = 4,

    /// <summary>Căn cứ, dẫn chiếu.</summary>
    Cites = 5,
}

/// <summary><see cref="DocumentId"/> implements, guides, amends, replaces or cites <see cref="RelatedDocumentId"/>.</summary>
public sealed class DocumentRelation
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public Document? Document { get; set; }
    public int RelatedDocumentId { get; set; }
    public Document? RelatedDocument { get; set; }
    public RelationKind Kind { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> document)
    {
        document.Property(d => d.Direction).HasConversion<string>().HasMaxLength(10);
        document.Property(d => d.IssuerKind).HasConversion<string>().HasMaxLength(10);
        document.Property(d => d.SigningAuthority).HasConversion<string>().HasMaxLength(12);
        document.Property(d => d.Visibility).HasConversion<string>().HasMaxLength(10);
        document.Property(d => d.Type).HasMaxLength(10);
        document.Property(d => d.Symbol).HasMaxLength(64);
        document.Property(d => d.IssuerName).HasMaxLength(300);
        document.Property(d => d.Subject).HasMaxLength(1000);
        document.Property(d => d.SignerName).HasMaxLength(200);
        document.Property(d => d.SignerTitle).HasMaxLength(200);
        document.Property(d => d.Recipients).HasMaxLength(4000);
        document.HasOne(d => d.Committee).WithMany().HasForeignKey(d => d.CommitteeId).OnDelete(DeleteBehavior.Restrict);
        document.HasOne(d => d.IssuerCommittee).WithMany().HasForeignKey(d => d.IssuerCommitteeId).OnDelete(DeleteBehavior.Restrict);
        document.HasOne(d => d.IssuerAgency).WithMany().OnDelete(DeleteBehavior.Restrict);
        document.HasOne<NumberReservation>().WithMany().HasForeignKey(d => d.ReservationId).OnDelete(DeleteBehavior.Restrict);
        document.HasMany(d => d.Files).WithOne(f => f.Document).OnDelete(DeleteBehavior.Restrict);
        // The register, newest first (the id breaks ties: a day can bring hundreds of documents),
        // per committee; and a symbol once per register, direction and year.
        document.HasIndex(d => new { d.CommitteeId, d.IssuedOn, d.Id });
        document.HasIndex(d => new { d.IssuedOn, d.Id });
        document.HasIndex(d => new { d.CommitteeId, d.Direction, d.IssuedYear, d.Symbol }).IsUnique().HasFilter("\"Symbol\" IS NOT NULL AND \"DeletedAt\" IS NULL");
        document.Property(d => d.Version).IsConcurrencyToken();
    }
}

internal sealed class DocumentFileConfiguration : IEntityTypeConfiguration<DocumentFile>
{
    public void Configure(EntityTypeBuilder<DocumentFile> file)
    {
        file.Property(f => f.Sha256).HasMaxLength(64).IsFixedLength(false);
        file.Property(f => f.FileName).HasMaxLength(255);
        file.Property(f => f.ContentType).HasMaxLength(100);
        file.Property(f => f.UploadedBy).HasMaxLength(256);
        file.HasIndex(f => f.DocumentId);
        file.HasIndex(f => f.Sha256);
    }
}

internal sealed class DocumentRelationConfiguration : IEntityTypeConfiguration<DocumentRelation>
{
    public void Configure(EntityTypeBuilder<DocumentRelation> relation)
    {
        relation.Property(r => r.Kind).HasConversion<string>().HasMaxLength(12);
        relation.HasOne(r => r.Document).WithMany().HasForeignKey(r => r.DocumentId).OnDelete(DeleteBehavior.Restrict);
        relation.HasOne(r => r.RelatedDocument).WithMany().HasForeignKey(r => r.RelatedDocumentId).OnDelete(DeleteBehavior.Restrict);
        relation.HasIndex(r => new { r.DocumentId, r.RelatedDocumentId, r.Kind }).IsUnique();
        relation.HasIndex(r => new { r.RelatedDocumentId, r.Kind });
    }
}
