using SteerCo.Reporting;

namespace SteerCo.Tests.Reporting;

/// <summary>How each indicator type rolls up, how periods read, and when they are due.</summary>
public sealed class RollUpRules
{
    private static readonly decimal?[] Figures = [10m, null, 30m, 20m];

    [Theory]
    [InlineData(Aggregation.Sum, 60)]
    [InlineData(Aggregation.Average, 20)]
    [InlineData(Aggregation.Min, 10)]
    [InlineData(Aggregation.Max, 30)]
    public void Numbers_roll_up_by_their_rule_leaving_out_empty_ones(Aggregation aggregation, int expected) =>
        Aggregations.Apply(IndicatorType.Number, aggregation, Figures).ShouldBe(expected);

    [Fact]
    public void Percentages_average_but_never_add_up()
    {
        Aggregations.Allows(IndicatorType.Percentage, Aggregation.Sum).ShouldBeFalse();
        Aggregations.Allows(IndicatorType.Percentage, Aggregation.Average).ShouldBeTrue();
        Aggregations.Apply(IndicatorType.Percentage, Aggregation.Average, [80m, 60.5m]).ShouldBe(70.25m);
    }

    [Fact]
    public void Yes_no_counts_the_yeses_or_gives_their_share()
    {
        Aggregations.Apply(IndicatorType.YesNo, Aggregation.Sum, [1m, 0m, 1m, null]).ShouldBe(2m);
        Aggregations.Apply(IndicatorType.YesNo, Aggregation.Average, [1m, 0m, 1m, 1m]).ShouldBe(75m);
        Aggregations.Allows(IndicatorType.YesNo, Aggregation.Max).ShouldBeFalse();
        IndicatorValues.DisplayAggregate(IndicatorType.YesNo, Aggregation.Average, 75m).ShouldBe("75%");
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("3", 3)]
    [InlineData("+3", 3)]
    [InlineData("1.234", 1234)]
    [InlineData("12,0", 12)]
    public void A_count_takes_whole_numbers_of_zero_or_more(string typed, int expected) =>
        IndicatorValues.Parse("HOP Số cuộc họp", IndicatorType.Count, typed).ShouldBe(new ParsedValue(expected, null, null));

    [Theory]
    [InlineData("-1", "'-1'")]
    [InlineData("2.5", "'2,5'")]
    [InlineData("2,001", "'2,001'")]
    [InlineData("-0,5", "'-0,5'")]
    public void A_count_below_zero_or_with_a_fraction_is_refused_naming_the_indicator(string typed, string shown)
    {
        IndicatorValues.Parse("HOP Số cuộc họp", IndicatorType.Count, typed).Error.ShouldBe($"HOP Số cuộc họp: {shown} không hợp lệ, nhập số nguyên từ 0 trở lên.");
        IndicatorValues.Parse("HOP Số cuộc họp", IndicatorType.Number, typed).Error.ShouldBeNull("a plain number may be a change or a fraction");
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = new("en");
            IndicatorValues.Parse("HOP Số cuộc họp", IndicatorType.Count, typed).Error.ShouldBe($"HOP Số cuộc họp: {shown} is not valid, enter a whole number, 0 or more.");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = culture;
        }
    }

    [Fact]
    public void Counts_add_up_and_take_the_least_or_greatest_but_are_not_averaged_and_the_editor_offers_every_kind()
    {
        Aggregations.Allows(IndicatorType.Count, Aggregation.Sum).ShouldBeTrue();
        Aggregations.Allows(IndicatorType.Count, Aggregation.Min).ShouldBeTrue();
        Aggregations.Allows(IndicatorType.Count, Aggregation.Max).ShouldBeTrue();
        Aggregations.Allows(IndicatorType.Count, Aggregation.Average).ShouldBeFalse();
        Aggregations.Apply(IndicatorType.Count, Aggregation.Sum, [3m, null, 4m]).ShouldBe(7m);
        IndicatorTypes.Offered.ShouldBe(Enum.GetValues<IndicatorType>(), ignoreOrder: true);
    }

    [Fact]
    public void Text_and_none_do_not_roll_up()
    {
        Aggregations.Allows(IndicatorType.Text, Aggregation.Sum).ShouldBeFalse();
        Aggregations.Apply(IndicatorType.Text, Aggregation.None, [1m]).ShouldBeNull();
        Aggregations.Apply(IndicatorType.Number, Aggregation.None, [1m, 2m]).ShouldBeNull();
        Aggregations.Apply(IndicatorType.Number, Aggregation.Sum, [null, null]).ShouldBeNull();
    }

    [Fact]
    public void A_formula_computes_over_codes_and_is_empty_when_a_figure_is_missing_or_divides_by_zero()
    {
        var figures = new Dictionary<string, decimal?> { ["A"] = 30m, ["B"] = 40m, ["Z"] = 0m, ["N"] = null };
        Formula.Evaluate("(A + B) / 2 * 10", c => figures[c]).ShouldBe(350m);
        Formula.Evaluate("A / Z", c => figures[c]).ShouldBeNull();
        Formula.Evaluate("A + N", c => figures[c]).ShouldBeNull();
        Formula.Codes("A / (B - 1)").ShouldBe(["A", "B"]);
        Formula.Codes("A / (B").ShouldBeNull();
        Formula.Codes("A ; B").ShouldBeNull();
    }

    [Fact]
    public void A_template_refuses_a_sum_of_percentages_a_formula_over_text_and_a_code_twice()
    {
        var problems = ReportTemplates.Check(new TemplateInput("Mẫu",
        [
            new("TL", "Tỷ lệ", "%", IndicatorType.Percentage, Aggregation.Sum),
            new("GC", "Ghi chú", null, IndicatorType.Text, Aggregation.None),
            new("X", "Tính", null, IndicatorType.Number, Aggregation.None, "GC * 2"),
            new("tl", "Trùng", null, IndicatorType.Number, Aggregation.Sum),
        ], null));

        problems.Select(p => p.Message).ShouldBe([
            "Chỉ tiêu TL: cách tổng hợp \"Cộng\" không dùng được cho kiểu \"Tỷ lệ (%)\".",
            "Mã chỉ tiêu 'TL' bị trùng.",
            "Chỉ tiêu X: công thức dùng mã 'GC' không phải một chỉ tiêu số nhập tay của mẫu.",
            "Mã chỉ tiêu 'tl' bị trùng.",
        ], ignoreOrder: true);
    }

    [Fact]
    public void A_roll_up_that_does_not_fit_the_type_is_named_as_users_read_it_in_Vietnamese_and_in_English()
    {
        TemplateInput Input() => new("Mẫu",
        [
            new("GC", "Ghi chú", null, IndicatorType.Text, Aggregation.Average),
            new("KH", "Có kế hoạch", null, IndicatorType.YesNo, Aggregation.Max),
        ], null);

        ReportTemplates.Check(Input()).Select(p => p.Message).ShouldBe([
            "Chỉ tiêu GC: cách tổng hợp \"Trung bình\" không dùng được cho kiểu \"Chữ\".",
            "Chỉ tiêu KH: cách tổng hợp \"Lớn nhất\" không dùng được cho kiểu \"Có/Không\".",
        ]);
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = new("en");
            ReportTemplates.Check(Input()).First().Message.ShouldBe("Indicator GC: the roll-up \"Average\" does not apply to the type \"Text\".");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = culture;
        }
    }

    [Theory]
    [InlineData(PeriodKind.Month, "2026-11-30", 11)]
    [InlineData(PeriodKind.Quarter, "2026-11-30", 4)]
    [InlineData(PeriodKind.Quarter, "2026-04-01", 2)]
    [InlineData(PeriodKind.HalfYear, "2026-06-30", 1)]
    [InlineData(PeriodKind.HalfYear, "2026-07-01", 2)]
    [InlineData(PeriodKind.Year, "2026-11-30", 1)]
    public void The_period_a_day_falls_in_is_found_for_each_kind(PeriodKind kind, string day, int number) =>
        ReportingPeriod.Containing(kind, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(new ReportingPeriod(kind, 2026, number));

    [Theory]
    [InlineData(PeriodKind.Quarter, 2023, 1, "Quý I/2023")]
    [InlineData(PeriodKind.Quarter, 2023, 4, "Quý IV/2023")]
    [InlineData(PeriodKind.HalfYear, 2023, 1, "6 tháng đầu năm 2023")]
    [InlineData(PeriodKind.HalfYear, 2023, 2, "6 tháng cuối năm 2023")]
    [InlineData(PeriodKind.NineMonths, 2023, 1, "9 tháng năm 2023")]
    [InlineData(PeriodKind.Month, 2023, 3, "Tháng 3/2023")]
    [InlineData(PeriodKind.Year, 2023, 1, "Năm 2023")]
    public void Periods_read_as_users_write_them(PeriodKind kind, int year, int number, string expected) =>
        new ReportingPeriod(kind, year, number).ToString().ShouldBe(expected);

    [Theory]
    [InlineData(PeriodKind.Month, 3, "2023-02-15", "2023-03-14", "2023-03-25")]
    [InlineData(PeriodKind.Quarter, 1, "2022-12-15", "2023-03-14", "2023-03-25")]
    [InlineData(PeriodKind.HalfYear, 1, "2022-12-15", "2023-06-14", "2023-06-25")]
    [InlineData(PeriodKind.NineMonths, 1, "2022-12-15", "2023-09-14", "2023-09-25")]
    [InlineData(PeriodKind.Year, 1, "2022-12-15", "2023-12-14", "2023-12-25")]
    public void Decree_09_defaults_give_the_cut_off_and_the_deadline(PeriodKind kind, int number, string from, string to, string due)
    {
        var period = new ReportingPeriod(kind, 2023, number);
        DeadlineRule.Decree09.CutoffFrom(period).ShouldBe(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture));
        DeadlineRule.Decree09.CutoffTo(period).ShouldBe(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));
        DeadlineRule.Decree09.Deadline(period).ShouldBe(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("1234", 1234)]
    [InlineData("1.234,5", 1234.5)]
    [InlineData("1,234.5", 1234.5)]
    [InlineData("1.234.567", 1234567)]
    [InlineData("12,5", 12.5)]
    [InlineData(" 7 ", 7)]
    [InlineData("1.234", 1234)]
    [InlineData("12.500", 12500)]
    [InlineData("-1.234", -1234)]
    [InlineData("1,234", 1.234)]
    [InlineData("2.5", 2.5)]
    [InlineData("85.75", 85.75)]
    [InlineData("0.125", 0.125)]
    [InlineData("1234.567", 1234.567)]
    public void Numbers_are_read_with_either_decimal_mark(string typed, double expected) =>
        IndicatorValues.ParseNumber(typed).ShouldBe((decimal)expected);

    [Theory]
    [InlineData(1234)]
    [InlineData(1234.5)]
    [InlineData(12500)]
    [InlineData(1234567.25)]
    [InlineData(1.23)]
    [InlineData(0.5)]
    [InlineData(-1234)]
    public void A_figure_typed_as_the_pages_print_it_reads_back_the_same(double value)
    {
        var printed = IndicatorValues.Show((decimal)value);

        IndicatorValues.ParseNumber(printed).ShouldBe((decimal)value, $"printed as \"{printed}\"");
    }
}
