using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SteerCo.Committees;

namespace SteerCo.Documents;

/// <summary>
/// A run of numbers a committee's register gives out: per calendar year for state documents
/// (one run for every titled type, or one per type; công văn have their own), per type and
/// Party-committee term for Party documents. <see cref="Key"/> names the run: "2026",
/// "2026/QĐ", "2026/CV", "2025–2030/NQ".
/// </summary>
public sealed class NumberSeries
{
    public int Id { get; set; }
    public int CommitteeId { get; set; }
    public Committee? Committee { get; set; }
    public required string Key { get; set; }

    /// <summary>The last number given out; the next is one more. Moved only by one atomic UPDATE.</summary>
    public int LastNumber { get; set; }
}

public enum ReservationStatus
{
    /// <summary>Taken for a document being drafted.</summary>
    Reserved = 1,

    /// <summary>Used by a registered document.</summary>
    Issued = 2,

    /// <summary>Given up: kept on record, never given out again.</summary>
    Cancelled = 3,
}

/// <summary>One number out of a series, and what became of it: no gaps go unexplained.</summary>
public sealed class NumberReservation : Data.IVersioned
{
    public int Id { get; set; }
    public int SeriesId { get; set; }
    public NumberSeries? Series { get; set; }
    public int Number { get; set; }

    /// <summary>The symbol the number makes, "41/QĐ-BCĐ".</summary>
    public required string Symbol { get; set; }

    public string? Type { get; set; }
    public ReservationStatus Status { get; set; } = ReservationStatus.Reserved;
    public string? CancelReason { get; set; }
    public DateTimeOffset ReservedAt { get; set; }
    public required string ReservedBy { get; set; }
    public int Version { get; set; }
}

internal sealed class NumberSeriesConfiguration : IEntityTypeConfiguration<NumberSeries>
{
    public void Configure(EntityTypeBuilder<NumberSeries> series)
    {
        series.Property(s => s.Key).HasMaxLength(40);
        series.HasOne(s => s.Committee).WithMany().OnDelete(DeleteBehavior.Restrict);
        series.HasIndex(s => new { s.CommitteeId, s.Key }).IsUnique();
    }
}

internal sealed class NumberReservationConfiguration : IEntityTypeConfiguration<NumberReservation>
{
    public void Configure(EntityTypeBuilder<NumberReservation> reservation)
    {
        reservation.Property(r => r.Symbol).HasMaxLength(64);
        reservation.Property(r => r.Type).HasMaxLength(10);
        reservation.Property(r => r.Status).HasConversion<string>().HasMaxLength(10);
        reservation.Property(r => r.CancelReason).HasMaxLength(500);
        reservation.Property(r => r.ReservedBy).HasMaxLength(256);
        reservation.HasOne(r => r.Series).WithMany().OnDelete(DeleteBehavior.Restrict);
        reservation.HasIndex(r => new { r.SeriesId, r.Number }).IsUnique();
        reservation.Property(r => r.Version).IsConcurrencyToken();
    }
}
