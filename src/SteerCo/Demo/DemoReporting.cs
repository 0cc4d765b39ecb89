using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Committees;
using SteerCo.Data;
using SteerCo.Reporting;

namespace SteerCo.Demo;

/// <summary>
/// The demo's periodic reporting: Đà Nẵng's quarterly disaster-prevention report, with indicators
/// of every type and rule and its narrative sections, and the regime that asks for it each quarter
/// under Decree 09's dates. No request is made: asking for a quarter is what a user does first.
/// </summary>
internal sealed class DemoReporting(SteerCoDbContext db, ReportTemplates templates)
{
    public const string TemplateName = "Báo cáo công tác phòng, chống thiên tai và tìm kiếm cứu nạn";
    public const string RegimeName = "Báo cáo định kỳ hằng quý về phòng, chống thiên tai";

    public static TemplateInput Template { get; } = new(TemplateName,
    [
        new("HO_SO_TAN", "Số hộ dân được sơ tán", "hộ", IndicatorType.Count, Aggregation.Sum),
        new("HO_PHAI_SO_TAN", "Số hộ thuộc diện phải sơ tán", "hộ", IndicatorType.Count, Aggregation.Sum),
        new("TY_LE_SO_TAN", "Tỷ lệ hộ được sơ tán", "%", IndicatorType.Percentage, Aggregation.Average, "HO_SO_TAN / HO_PHAI_SO_TAN * 100"),
        new("NHA_HU_HONG", "Số nhà bị hư hỏng", "căn", IndicatorType.Count, Aggregation.Sum),
        new("KINH_PHI", "Kinh phí hỗ trợ khắc phục hậu quả", "triệu đồng", IndicatorType.Number, Aggregation.Sum),
        new("MUC_NUOC", "Mực nước lũ cao nhất", "m", IndicatorType.Number, Aggregation.Max),
        new("CANH_BAO", "Thời gian cảnh báo sớm ngắn nhất trước khi lũ đến", "giờ", IndicatorType.Number, Aggregation.Min),
        new("XUNG_KICH", "Tỷ lệ lực lượng xung kích được tập huấn", "%", IndicatorType.Percentage, Aggregation.Average),
        new("DIEN_TAP", "Đã tổ chức diễn tập phòng, chống thiên tai", null, IndicatorType.YesNo, Aggregation.Sum),
        new("KIEN_NGHI", "Kiến nghị, đề xuất", null, IndicatorType.Text, Aggregation.None),
    ],
    [
        "I. Tình hình thiên tai trong kỳ",
        "II. Kết quả triển khai công tác phòng, chống thiên tai",
        "III. Phương hướng, nhiệm vụ kỳ tới",
    ]);

    /// <summary>Adds the template and the regime to the committee unless it has them already.</summary>
    public async Task SeedAsync(Committee committee, CancellationToken cancellationToken)
    {
        if (await db.ReportTemplates.AnyAsync(t => t.CommitteeId == committee.Id && t.Name == TemplateName, cancellationToken))
        {
            return;
        }
        var system = Actor.System("demo");
        var template = await templates.CreateAsync(system, committee.Id, Template, cancellationToken);
        var regime = await templates.CreateRegimeAsync(system, committee.Id,
            new RegimeInput(RegimeName, template.Value?.Id, ReportKind.Periodic, PeriodKind.Quarter, null, null, null), cancellationToken);
        if (!template.IsOk || !regime.IsOk)
        {
            throw new InvalidOperationException("The demo's report template does not save: "
                + string.Join("; ", template.Problems.Concat(regime.Problems).Select(p => $"{p.Field}: {p.Message}")));
        }
    }
}
