using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SteerCo.Committees;
using SteerCo.Data;

namespace SteerCo.Reporting;

/// <summary>
/// What an indicator's figure is. Stored by name, so a new kind needs no schema change. A plain
/// number may be negative or a fraction (a change, an amount, a level); a count [số đếm] of meetings,
/// documents or households is a whole number, 0 or more.
/// </summary>
public enum IndicatorType
{
    Number = 1,
    Percentage = 2,
    Text = 3,
    YesNo = 4,
    Count = 5,
}

public static class IndicatorTypes
{
    /// <summary>The kinds in the order the template editor offers them: a count beside the number it narrows.</summary>
    public static IReadOnlyList<IndicatorType> Offered { get; } =
        [IndicatorType.Number, IndicatorType.Count, IndicatorType.Percentage, IndicatorType.Text, IndicatorType.YesNo];
}

/// <summary>How a figure rolls up from the reports below: yes/no counts "yes" as 1.</summary>
public enum Aggregation
{
    None = 0,
    Sum = 1,
    Average = 2,
    Min = 3,
    Max = 4,
}

/// <summary>
/// A report template [mẫu báo cáo] of a committee. Its content lives in versions: a change makes
/// a new version, and requests keep the version they were made with, so a past report never changes.
/// </summary>
public sealed class ReportTemplate : IVersioned
{
    public int Id { get; set; }
    public int CommitteeId { get; set; }
    public Committee? Committee { get; set; }
    public required string Name { get; set; }

    /// <summary>The version new requests take.</summary>
    public int? CurrentVersionId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>One frozen content of a template: its indicators and narrative sections.</summary>
public sealed class ReportTemplateVersion
{
    public int Id { get; set; }
    public int TemplateId { get; set; }
    public ReportTemplate? Template { get; set; }

    /// <summary>1, 2, ... within the template.</summary>
    public int Number { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public List<ReportIndicator> Indicators { get; set; } = [];
    public List<ReportSection> Sections { get; set; } = [];
}

/// <summary>
/// An indicator [chỉ tiêu]: "TS01 Số hộ dân được sơ tán (hộ)". A <see cref="Formula"/> computes it from
/// other indicators of the same version ("TS02 / TS01 * 100"); a computed indicator is never typed.
/// </summary>
public sealed class ReportIndicator
{
    public int Id { get; set; }
    public int TemplateVersionId { get; set; }
    public int Position { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? Unit { get; set; }
    public IndicatorType Type { get; set; }
    public Aggregation Aggregation { get; set; }
    public string? Formula { get; set; }
}

/// <summary>A narrative section of the report ("I. Tình hình thiên tai", "II. Kết quả triển khai").</summary>
public sealed class ReportSection
{
    public int Id { get; set; }
    public int TemplateVersionId { get; set; }
    public int Position { get; set; }
    public required string Title { get; set; }
}

internal sealed class ReportTemplateConfiguration : IEntityTypeConfiguration<ReportTemplate>
{
    public void Configure(EntityTypeBuilder<ReportTemplate> template)
    {
        template.Property(t => t.Name).HasMaxLength(300);
        template.HasOne(t => t.Committee).WithMany().OnDelete(DeleteBehavior.Restrict);
        template.HasOne<ReportTemplateVersion>().WithMany().HasForeignKey(t => t.CurrentVersionId).OnDelete(DeleteBehavior.Restrict);
        template.HasIndex(t => t.CommitteeId);
        template.Property(t => t.Version).IsConcurrencyToken();
    }
}

internal sealed class ReportTemplateVersionConfiguration : IEntityTypeConfiguration<ReportTemplateVersion>
{
    public void Configure(EntityTypeBuilder<ReportTemplateVersion> version)
    {
        version.Property(v => v.CreatedBy).HasMaxLength(256);
        version.HasOne(v => v.Template).WithMany().HasForeignKey(v => v.TemplateId).OnDelete(DeleteBehavior.Restrict);
        version.HasIndex(v => new { v.TemplateId, v.Number }).IsUnique();
        version.HasMany(v => v.Indicators).WithOne().HasForeignKey(i => i.TemplateVersionId).OnDelete(DeleteBehavior.Cascade);
        version.HasMany(v => v.Sections).WithOne().HasForeignKey(s => s.TemplateVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReportIndicatorConfiguration : IEntityTypeConfiguration<ReportIndicator>
{
    public void Configure(EntityTypeBuilder<ReportIndicator> indicator)
    {
        indicator.Property(i => i.Code).HasMaxLength(20);
        indicator.Property(i => i.Name).HasMaxLength(500);
        indicator.Property(i => i.Unit).HasMaxLength(50);
        indicator.Property(i => i.Formula).HasMaxLength(500);
        indicator.Property(i => i.Type).HasConversion<string>().HasMaxLength(12);
        indicator.Property(i => i.Aggregation).HasConversion<string>().HasMaxLength(10);
        indicator.HasIndex(i => new { i.TemplateVersionId, i.Code }).IsUnique();
    }
}

internal sealed class ReportSectionConfiguration : IEntityTypeConfiguration<ReportSection>
{
    public void Configure(EntityTypeBuilder<ReportSection> section)
    {
        section.Property(s => s.Title).HasMaxLength(500);
        section.HasIndex(s => new { s.TemplateVersionId, s.Position });
    }
}
