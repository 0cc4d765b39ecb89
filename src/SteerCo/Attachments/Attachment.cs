using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SteerCo.Documents;
using SteerCo.Documents.Files;
using SteerCo.Reporting;
using SteerCo.WorkItems;

namespace SteerCo.Attachments;

/// <summary>
/// A file attached to a progress report [báo cáo tiến độ] of a task or to one version of a report
/// submission: exactly one of the two. The bytes live in the file store under <see cref="Sha256"/>,
/// shared with the document files; removing one from a draft marks it (the audit log and the
/// versions before keep pointing at the bytes).
/// </summary>
public sealed class Attachment
{
    public int Id { get; set; }
    public int? WorkItemUpdateId { get; set; }
    public WorkItemUpdate? WorkItemUpdate { get; set; }
    public int? SubmissionVersionId { get; set; }

    /// <summary>Lower-case hex SHA-256 of the content: its address in the store.</summary>
    public required string Sha256 { get; set; }

    public required string FileName { get; set; }

    /// <summary>The media type found from the content, not from the name.</summary>
    public required string ContentType { get; set; }

    public long Size { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public required string UploadedBy { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>Keeps a checked file in the store and makes its row; the caller sets the owner.</summary>
    public static Attachment Keep(FileIntake intake, IncomingFile file, string by, DateTimeOffset at)
    {
        intake.Keep(file);
        return new Attachment { Sha256 = file.Sha256, FileName = file.FileName, ContentType = file.Kind.ContentType, Size = file.Size, UploadedAt = at, UploadedBy = by };
    }

    public DocumentFileView ToView() => new(Id, FileName, ContentType, Size, Sha256, UploadedAt, UploadedBy);
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> attachment)
    {
        attachment.ToTable(t => t.HasCheckConstraint("CK_Attachments_OneOwner", "(\"WorkItemUpdateId\" IS NULL) <> (\"SubmissionVersionId\" IS NULL)"));
        attachment.Property(a => a.Sha256).HasMaxLength(64);
        attachment.Property(a => a.FileName).HasMaxLength(255);
        attachment.Property(a => a.ContentType).HasMaxLength(100);
        attachment.Property(a => a.UploadedBy).HasMaxLength(256);
        attachment.HasOne(a => a.WorkItemUpdate).WithMany().HasForeignKey(a => a.WorkItemUpdateId).OnDelete(DeleteBehavior.Restrict);
        attachment.HasOne<SubmissionVersion>().WithMany().HasForeignKey(a => a.SubmissionVersionId).OnDelete(DeleteBehavior.Restrict);
        attachment.HasIndex(a => a.WorkItemUpdateId);
        attachment.HasIndex(a => a.SubmissionVersionId);
        attachment.HasIndex(a => a.Sha256);
    }
}
