using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SteerCo.Audit;

/// <summary>
/// One recorded write: who, when, which entity, and each changed field before and after.
/// Append-only, and chained: each entry's hash covers the previous entry's hash, so an edited
/// or deleted row breaks the chain (<see cref="AuditChain.VerifyAsync"/>).
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>1, 2, 3, ... without gaps, assigned under a lock (identity values may skip).</summary>
    public long Sequence { get; set; }

    public DateTime At { get; set; }
    public int? ActorId { get; set; }
    public string ActorName { get; set; } = "";
    public string Entity { get; set; } = "";
    public string EntityKey { get; set; } = "";

    /// <summary>Created, Updated or Deleted.</summary>
    public string Action { get; set; } = "";

    /// <summary>JSON: {"Field": ["before", "after"], ...}.</summary>
    public string Changes { get; set; } = "{}";

    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";

    public string ComputeHash() => ComputeHash(this);

    internal static string ComputeHash(AuditEntry e)
    {
        var text = string.Join('\u001f',
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            e.PreviousHash,
            e.At.ToString("yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture),
            e.ActorId?.ToString(CultureInfo.InvariantCulture) ?? "",
            e.ActorName,
            e.Entity,
            e.EntityKey,
            e.Action,
            e.Changes);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.HasIndex(e => e.Sequence).IsUnique();
        entry.HasIndex(e => new { e.Entity, e.EntityKey });
        entry.HasIndex(e => e.At);
        entry.HasIndex(e => e.ActorId);
        entry.Property(e => e.ActorName).HasMaxLength(256);
        entry.Property(e => e.Entity).HasMaxLength(100);
        entry.Property(e => e.EntityKey).HasMaxLength(100);
        entry.Property(e => e.Action).HasMaxLength(10);
        entry.Property(e => e.PreviousHash).HasMaxLength(64);
        entry.Property(e => e.Hash).HasMaxLength(64);
    }
}
