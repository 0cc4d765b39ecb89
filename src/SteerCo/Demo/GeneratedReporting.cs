using SteerCo.Reporting;
using SteerCo.Units;

namespace SteerCo.Demo;

/// <summary>
/// Five years of quarterly reporting (<see cref="Quarters"/> periods): each committee that has
/// committees below it has a template of <see cref="Indicators"/> and a quarterly regime — the
/// centre's national one due on the 5th of the month after the quarter, each province's due on the
/// 25th of its last month — and asks the committees directly below for each quarter's report. Most
/// answer on time and are accepted; some late, some returned and resubmitted (both versions kept),
/// a few returned and not yet corrected, a few never answer, and the last quarter's answers are
/// partly still waiting for review. A province's own report to the centre is pre-filled from its
/// accepted communes' figures as <see cref="Submissions.PrefillAsync"/> does (rolled up by each
/// indicator's rule, checked by type, formulas computed), then its text and yes/no answers typed.
/// Each submission draws from its own stream (seed and submission id). The values are not held in
/// memory: <see cref="Values"/> makes them as the writer takes them, province by province.
/// </summary>
internal sealed class GeneratedReporting(int seed)
{
    public const int Quarters = 20;

    /// <summary>The first quarter: five years up to the third quarter of 2026, whose reports are all due before <see cref="DemoGenerator.Until"/>.</summary>
    public static readonly ReportingPeriod First = ReportingPeriod.Quarter(2021, 4);

    public const string TemplateName = "Báo cáo định kỳ hằng quý về kết quả chỉ đạo, triển khai nhiệm vụ";

    /// <summary>The centre's rule: data to the 14th of the quarter's last month, due on the 5th of the month after.</summary>
    public static readonly DeadlineRule CentralRule = new(14, 5, 1);

    private static readonly DeadlineRule ProvinceRule = DeadlineRule.Decree09;

    /// <summary>Code, name, unit, type, aggregation, formula; the low and high of a generated value.</summary>
    internal static readonly (string Code, string Name, string? Unit, IndicatorType Type, Aggregation Aggregation, string? Formula, decimal Low, decimal High)[] Indicators =
    [
        ("CD01", "Số cuộc họp Ban Chỉ đạo đã tổ chức", "cuộc", IndicatorType.Count, Aggregation.Sum, null, 0, 4),
        ("CD02", "Số văn bản chỉ đạo, điều hành đã ban hành", "văn bản", IndicatorType.Count, Aggregation.Sum, null, 1, 30),
        ("CD03", "Số nhiệm vụ được giao trong kỳ", "nhiệm vụ", IndicatorType.Count, Aggregation.Sum, null, 10, 60),
        ("CD04", "Số nhiệm vụ đã hoàn thành", "nhiệm vụ", IndicatorType.Count, Aggregation.Sum, null, 5, 10),
        ("CD05", "Tỷ lệ nhiệm vụ hoàn thành", "%", IndicatorType.Percentage, Aggregation.Average, "CD04 / CD03 * 100", 0, 0),
        ("CD06", "Số nhiệm vụ quá hạn", "nhiệm vụ", IndicatorType.Count, Aggregation.Sum, null, 0, 5),
        ("CD07", "Số cuộc kiểm tra, giám sát", "cuộc", IndicatorType.Count, Aggregation.Sum, null, 0, 6),
        ("CD08", "Số đơn vị được kiểm tra", "đơn vị", IndicatorType.Count, Aggregation.Sum, null, 0, 20),
        ("CD09", "Số kiến nghị sau kiểm tra", "kiến nghị", IndicatorType.Count, Aggregation.Sum, null, 0, 15),
        ("CD10", "Số kiến nghị đã xử lý", "kiến nghị", IndicatorType.Count, Aggregation.Sum, null, 0, 15),
        ("CD11", "Số lớp tập huấn, bồi dưỡng", "lớp", IndicatorType.Count, Aggregation.Sum, null, 0, 5),
        ("CD12", "Số lượt người được tập huấn", "lượt", IndicatorType.Count, Aggregation.Sum, null, 0, 400),
        ("CD13", "Số tin, bài tuyên truyền", "tin, bài", IndicatorType.Count, Aggregation.Sum, null, 0, 80),
        ("CD14", "Số hội nghị sơ kết, tổng kết", "hội nghị", IndicatorType.Count, Aggregation.Sum, null, 0, 2),
        ("TC01", "Kinh phí được giao", "triệu đồng", IndicatorType.Number, Aggregation.Sum, null, 100, 5000),
        ("TC02", "Kinh phí đã giải ngân", "triệu đồng", IndicatorType.Number, Aggregation.Sum, null, 50, 100),
        ("TC03", "Tỷ lệ giải ngân", "%", IndicatorType.Percentage, Aggregation.Average, "TC02 / TC01 * 100", 0, 0),
        ("TC04", "Kinh phí huy động xã hội hóa", "triệu đồng", IndicatorType.Number, Aggregation.Sum, null, 0, 2000),
        ("TC05", "Kinh phí bình quân mỗi nhiệm vụ hoàn thành", "triệu đồng", IndicatorType.Number, Aggregation.None, "TC02 / CD04", 0, 0),
        ("HS01", "Số hồ sơ tiếp nhận", "hồ sơ", IndicatorType.Count, Aggregation.Sum, null, 20, 2000),
        ("HS02", "Số hồ sơ giải quyết đúng hạn", "hồ sơ", IndicatorType.Count, Aggregation.Sum, null, 10, 2000),
        ("HS03", "Số hồ sơ giải quyết quá hạn", "hồ sơ", IndicatorType.Count, Aggregation.Sum, null, 0, 40),
        ("HS04", "Tỷ lệ hồ sơ trực tuyến toàn trình", "%", IndicatorType.Percentage, Aggregation.Average, null, 20, 100),
        ("HS05", "Tỷ lệ người dân hài lòng", "%", IndicatorType.Percentage, Aggregation.Average, null, 60, 100),
        ("HS06", "Tỷ lệ hồ sơ được số hóa", "%", IndicatorType.Percentage, Aggregation.Min, null, 30, 100),
        ("HS07", "Tỷ lệ kết quả được số hóa cao nhất", "%", IndicatorType.Percentage, Aggregation.Max, null, 30, 100),
        ("HS08", "Thời gian giải quyết bình quân", "ngày", IndicatorType.Number, Aggregation.Average, null, 1, 15),
        ("HS09", "Thời gian giải quyết dài nhất", "ngày", IndicatorType.Number, Aggregation.Max, null, 3, 60),
        ("HS10", "Thời gian giải quyết ngắn nhất", "ngày", IndicatorType.Number, Aggregation.Min, null, 0.5m, 3),
        ("DS01", "Số hộ gia đình trên địa bàn", "hộ", IndicatorType.Count, Aggregation.Sum, null, 800, 9000),
        ("DS02", "Số hộ được hỗ trợ", "hộ", IndicatorType.Count, Aggregation.Sum, null, 0, 400),
        ("DS03", "Số hộ thuộc diện phải sơ tán", "hộ", IndicatorType.Count, Aggregation.Sum, null, 0, 300),
        ("DS04", "Số hộ đã được sơ tán", "hộ", IndicatorType.Count, Aggregation.Sum, null, 0, 100),
        ("DS05", "Số nhà bị hư hỏng", "căn", IndicatorType.Count, Aggregation.Sum, null, 0, 50),
        ("DS06", "Số vụ việc phát sinh", "vụ", IndicatorType.Count, Aggregation.Sum, null, 0, 25),
        ("DS07", "Số vụ việc đã xử lý", "vụ", IndicatorType.Count, Aggregation.Sum, null, 0, 25),
        ("DS08", "Mực nước lũ cao nhất", "m", IndicatorType.Number, Aggregation.Max, null, 0.5m, 8),
        ("DS09", "Thời gian cảnh báo sớm ngắn nhất", "giờ", IndicatorType.Number, Aggregation.Min, null, 2, 48),
        ("DS10", "Số người bị ảnh hưởng", "người", IndicatorType.Count, Aggregation.Sum, null, 0, 1500),
        ("CN01", "Tỷ lệ văn bản điện tử có ký số", "%", IndicatorType.Percentage, Aggregation.Average, null, 50, 100),
        ("CN02", "Số thủ tục được cung cấp trực tuyến", "thủ tục", IndicatorType.Count, Aggregation.Max, null, 20, 300),
        ("CN03", "Số cán bộ được cấp chữ ký số", "người", IndicatorType.Count, Aggregation.Sum, null, 0, 60),
        ("CN04", "Số sự cố an toàn thông tin", "sự cố", IndicatorType.Count, Aggregation.Sum, null, 0, 3),
        ("YN01", "Đã ban hành kế hoạch năm", null, IndicatorType.YesNo, Aggregation.Sum, null, 0, 0),
        ("YN02", "Đã kiện toàn Ban Chỉ đạo trong kỳ", null, IndicatorType.YesNo, Aggregation.Sum, null, 0, 0),
        ("YN03", "Đã tổ chức diễn tập", null, IndicatorType.YesNo, Aggregation.Average, null, 0, 0),
        ("YN04", "Có bộ phận thường trực", null, IndicatorType.YesNo, Aggregation.None, null, 0, 0),
        ("TX01", "Khó khăn, vướng mắc", null, IndicatorType.Text, Aggregation.None, null, 0, 0),
        ("TX02", "Kiến nghị, đề xuất", null, IndicatorType.Text, Aggregation.None, null, 0, 0),
        ("TX03", "Nhiệm vụ trọng tâm kỳ tới", null, IndicatorType.Text, Aggregation.None, null, 0, 0),
    ];

    private static readonly string[] Sections =
    [
        "I. Tình hình, kết quả triển khai nhiệm vụ trong kỳ",
        "II. Khó khăn, vướng mắc và nguyên nhân",
        "III. Phương hướng, nhiệm vụ kỳ tới và kiến nghị",
    ];

    private static readonly string[] Texts =
    [
        "Kinh phí bố trí chưa kịp thời.",
        "Nhân lực làm công tác chuyên trách còn thiếu.",
        "Hạ tầng kỹ thuật chưa đồng bộ.",
        "Không có.",
        "Đề nghị cấp trên bổ sung kinh phí và hướng dẫn nghiệp vụ.",
        "Tiếp tục đôn đốc, kiểm tra việc thực hiện các nhiệm vụ được giao.",
        "Tổ chức sơ kết, rút kinh nghiệm và nhân rộng cách làm hay.",
    ];

    /// <summary>The outcome of one submission; <see cref="Returned"/> was returned once then corrected and accepted.</summary>
    private enum Outcome
    {
        Accepted,
        Returned,
        StillReturned,
        Waiting,
        Missing,
    }

    private sealed record Owed(Submission Submission, Outcome Outcome, List<SubmissionVersion> Versions, int[] IndicatorIds);

    /// <summary>A request of a committee and what each recipient owes; <see cref="Upward"/> is the requester's own submission to the centre, if any.</summary>
    private sealed record Asked(ReportRequest Request, List<Owed> Owed, Owed? Upward);

    private readonly List<Asked> _provincial = [];
    private readonly List<Owed> _central = [];

    public List<ReportTemplate> Templates { get; } = [];
    public List<ReportTemplateVersion> TemplateVersions { get; } = [];
    public List<ReportIndicator> TemplateIndicators { get; } = [];
    public List<ReportSection> TemplateSections { get; } = [];
    public List<ReportingRegime> Regimes { get; } = [];
    public List<ReportRequest> Requests { get; } = [];
    public List<Submission> Submissions { get; } = [];
    public List<SubmissionVersion> Versions { get; } = [];

    /// <summary>How many values <see cref="Values"/> gives: every indicator of every version that has figures.</summary>
    public long ValueCount { get; private set; }

    /// <summary>The last keys of the tables the generator writes, to number after; advanced as it plans.</summary>
    public sealed class Keys
    {
        public int Template;
        public int TemplateVersion;
        public int Indicator;
        public int Section;
        public int Regime;
        public int Request;
        public int Submission;
        public int Version;
    }

    /// <summary>Plans templates, regimes, requests, submissions and their versions. <paramref name="secretariats"/>: a user name per committee, who submits.</summary>
    public void Plan(IReadOnlyList<PlannedCommittee> committees, IReadOnlyDictionary<int, string> secretariats, Keys ids)
    {
        var children = committees.Where(c => c.Committee.ParentId is not null).ToLookup(c => c.Committee.ParentId!.Value);
        var askers = committees.Where(c => children[c.Committee.Id].Any()).ToList();
        var versionOf = new Dictionary<int, (ReportTemplateVersion Version, int[] Indicators, ReportingRegime Regime)>();
        foreach (var asker in askers)
        {
            var committee = asker.Committee;
            var central = asker.Level == UnitLevel.Central;
            var created = Hanoi(new DateTime(First.Year, 1, 1, 8, 0, 0)).AddMonths(central ? 6 : 8);
            var template = new ReportTemplate { Id = ++ids.Template, CommitteeId = committee.Id, Name = TemplateName, CreatedAt = created, Version = 1 };
            var version = new ReportTemplateVersion { Id = ++ids.TemplateVersion, TemplateId = template.Id, Number = 1, CreatedAt = created, CreatedBy = secretariats.GetValueOrDefault(committee.Id, "admin") };
            var indicatorIds = new int[Indicators.Length];
            for (var i = 0; i < Indicators.Length; i++)
            {
                var (code, name, unit, type, aggregation, formula, _, _) = Indicators[i];
                indicatorIds[i] = ++ids.Indicator;
                TemplateIndicators.Add(new ReportIndicator
                {
                    Id = indicatorIds[i],
                    TemplateVersionId = version.Id,
                    Position = i + 1,
                    Code = code,
                    Name = name,
                    Unit = unit,
                    Type = type,
                    Aggregation = aggregation,
                    Formula = formula,
                });
            }
            for (var i = 0; i < Sections.Length; i++)
            {
                TemplateSections.Add(new ReportSection { Id = ++ids.Section, TemplateVersionId = version.Id, Position = i + 1, Title = Sections[i] });
            }
            var rule = central ? CentralRule : ProvinceRule;
            var regime = new ReportingRegime
            {
                Id = ++ids.Regime,
                CommitteeId = committee.Id,
                Name = "Chế độ báo cáo định kỳ hằng quý",
                TemplateId = template.Id,
                Kind = ReportKind.Periodic,
                PeriodKind = PeriodKind.Quarter,
                CutoffDay = rule.CutoffDay,
                DeadlineDay = rule.DeadlineDay,
                DeadlineMonthOffset = rule.DeadlineMonthOffset,
                Version = 1,
            };
            Templates.Add(template);
            TemplateVersions.Add(version);
            Regimes.Add(regime);
            versionOf[committee.Id] = (version, indicatorIds, regime);
        }

        var periods = Enumerable.Range(0, Quarters).Select(q => ReportingPeriod.Quarter(First.Year + (First.Number - 1 + q) / 4, (First.Number - 1 + q) % 4 + 1)).ToList();
        for (var q = 0; q < periods.Count; q++)
        {
            var period = periods[q];
            var last = q == periods.Count - 1;
            // The centre's requests first, so that a province's own request can name the submission it feeds.
            var upward = new Dictionary<int, Owed>();
            foreach (var asker in askers.OrderBy(a => a.Level == UnitLevel.Central ? 0 : 1).ThenBy(a => a.Committee.Id))
            {
                var (version, indicatorIds, regime) = versionOf[asker.Committee.Id];
                var rule = regime.Rule;
                var request = new ReportRequest
                {
                    Id = ++ids.Request,
                    CommitteeId = asker.Committee.Id,
                    RegimeId = regime.Id,
                    TemplateVersionId = version.Id,
                    Title = $"{TemplateName} {period}",
                    Kind = ReportKind.Periodic,
                    PeriodKind = period.Kind,
                    PeriodYear = period.Year,
                    PeriodNumber = period.Number,
                    CutoffFrom = rule.CutoffFrom(period),
                    CutoffTo = rule.CutoffTo(period),
                    Deadline = rule.Deadline(period),
                    CreatedAt = Hanoi(rule.CutoffTo(period).AddDays(-10).ToDateTime(new TimeOnly(9, 0))),
                    CreatedBy = version.CreatedBy,
                    RemindedBeforeAt = null,
                    RemindedOnAt = null,
                };
                Requests.Add(request);
                var owed = new List<Owed>();
                foreach (var child in children[asker.Committee.Id].OrderBy(c => c.Committee.Id))
                {
                    var submission = new Submission { Id = ++ids.Submission, RequestId = request.Id, CommitteeId = child.Committee.Id, Version = 1 };
                    var random = new Random(Stream(submission.Id));
                    var roll = random.NextDouble();
                    var outcome = last && roll < 0.2 ? Outcome.Waiting
                        : roll < 0.03 ? Outcome.Missing
                        : roll < 0.08 ? Outcome.Returned
                        : roll < 0.09 ? Outcome.StillReturned
                        : Outcome.Accepted;
                    var late = random.NextDouble() < 0.1;
                    var who = secretariats.GetValueOrDefault(child.Committee.Id);
                    var reviewer = secretariats.GetValueOrDefault(asker.Committee.Id);
                    var at = Hanoi(request.Deadline.ToDateTime(new TimeOnly(8, 0)))
                        .AddDays(late ? random.Next(1, 21) : -random.Next(0, 9)).AddMinutes(random.Next(0, 540));
                    var versions = new List<SubmissionVersion>();
                    SubmissionVersion NewVersion(DateTimeOffset? submitted)
                    {
                        var v = new SubmissionVersion
                        {
                            Id = ++ids.Version,
                            SubmissionId = submission.Id,
                            Number = versions.Count + 1,
                            SubmittedAt = submitted,
                            SubmittedBy = submitted is null ? null : who,
                        };
                        versions.Add(v);
                        return v;
                    }
                    void Review(SubmissionVersion v, bool accepted, DateTimeOffset when)
                    {
                        v.ReviewedAt = when;
                        v.ReviewedBy = reviewer;
                        v.Accepted = accepted;
                        v.ReviewComment = accepted ? null : "Đề nghị rà soát, bổ sung số liệu chỉ tiêu chưa khớp.";
                    }
                    switch (outcome)
                    {
                        case Outcome.Missing:
                            NewVersion(null);
                            submission.Status = SubmissionStatus.Draft;
                            break;
                        case Outcome.Waiting:
                            NewVersion(at);
                            submission.Status = SubmissionStatus.Submitted;
                            break;
                        case Outcome.Accepted:
                            Review(NewVersion(at), true, at.AddDays(random.Next(1, 6)));
                            submission.Status = SubmissionStatus.Accepted;
                            break;
                        default:
                            Review(NewVersion(at), false, at.AddDays(random.Next(1, 4)));
                            var again = versions[0].ReviewedAt!.Value.AddDays(random.Next(1, 5));
                            var second = NewVersion(outcome == Outcome.Returned ? again : null);
                            if (outcome == Outcome.Returned)
                            {
                                Review(second, true, again.AddDays(random.Next(1, 4)));
                            }
                            submission.Status = outcome == Outcome.Returned ? SubmissionStatus.Accepted : SubmissionStatus.Returned;
                            break;
                    }
                    submission.FirstSubmittedAt = versions[0].SubmittedAt;
                    submission.LastSubmittedAt = versions.LastOrDefault(v => v.SubmittedAt is not null)?.SubmittedAt;
                    // The accepted version's key is written after the versions (a cycle of keys): Generated sets it then.
                    submission.AcceptedAt = versions.LastOrDefault(v => v.Accepted == true)?.ReviewedAt;
                    foreach (var v in versions)
                    {
                        ValueCount += HasValues(outcome, v) ? Indicators.Length : 0;
                    }
                    Submissions.Add(submission);
                    Versions.AddRange(versions);
                    var entry = new Owed(submission, outcome, versions, indicatorIds);
                    owed.Add(entry);
                    upward[child.Committee.Id] = entry;
                }
                if (asker.Level == UnitLevel.Central)
                {
                    _central.AddRange(owed);
                }
                else
                {
                    var up = upward.GetValueOrDefault(asker.Committee.Id);
                    foreach (var v in up?.Versions ?? [])
                    {
                        v.PrefilledFromRequestId = request.Id;
                    }
                    _provincial.Add(new Asked(request, owed, up));
                }
            }
        }
    }

    /// <summary>
    /// Every value, request by request of the provinces: its communes' figures, then the province's
    /// own report to the centre, rolled up from the accepted ones. Versions without figures (never
    /// submitted) give none; a corrected version differs from the returned one in a figure or two.
    /// </summary>
    public IEnumerable<SubmissionValue> Values()
    {
        var accepted = new List<decimal?>[Indicators.Length];
        foreach (var asked in _provincial)
        {
            for (var i = 0; i < accepted.Length; i++)
            {
                accepted[i] = [];
            }
            foreach (var owed in asked.Owed)
            {
                var random = new Random(Stream(owed.Submission.Id) ^ 0x5bd1e995);
                var figures = Drawn(random);
                foreach (var value in ValuesOf(owed, figures, random))
                {
                    yield return value;
                }
                if (owed.Submission.Status == SubmissionStatus.Accepted)
                {
                    for (var i = 0; i < Indicators.Length; i++)
                    {
                        accepted[i].Add(figures[i].Number);
                    }
                }
            }
            if (asked.Upward is { } up)
            {
                var random = new Random(Stream(up.Submission.Id) ^ 0x5bd1e995);
                var figures = accepted[0].Count == 0 ? Drawn(random) : RolledUp(random, accepted);
                foreach (var value in ValuesOf(up, figures, random))
                {
                    yield return value;
                }
            }
        }
        // The provinces' reports that no province request feeds (a province with no committee below): typed, not rolled up.
        var fed = _provincial.Where(a => a.Upward is not null).Select(a => a.Upward!.Submission.Id).ToHashSet();
        foreach (var owed in _central.Where(o => !fed.Contains(o.Submission.Id)))
        {
            var random = new Random(Stream(owed.Submission.Id) ^ 0x5bd1e995);
            var figures = Drawn(random);
            foreach (var value in ValuesOf(owed, figures, random))
            {
                yield return value;
            }
        }
    }

    /// <summary>After the versions are written: each accepted submission points at its accepted version.</summary>
    public const string LinkAcceptedVersionsSql =
        "UPDATE \"Submissions\" SET \"AcceptedVersionId\" = (SELECT v.\"Id\" FROM \"SubmissionVersions\" v WHERE v.\"SubmissionId\" = \"Submissions\".\"Id\" AND v.\"Accepted\" = TRUE) "
        + "WHERE \"Status\" = 'Accepted' AND \"AcceptedVersionId\" IS NULL";

    /// <summary>After the template versions are written: each template's current version is its only one.</summary>
    public const string LinkCurrentVersionsSql =
        "UPDATE \"ReportTemplates\" SET \"CurrentVersionId\" = (SELECT MAX(v.\"Id\") FROM \"ReportTemplateVersions\" v WHERE v.\"TemplateId\" = \"ReportTemplates\".\"Id\") "
        + "WHERE \"CurrentVersionId\" IS NULL";

    private static bool HasValues(Outcome outcome, SubmissionVersion version) => outcome != Outcome.Missing && version.Id > 0;

    private IEnumerable<SubmissionValue> ValuesOf(Owed owed, ParsedValue[] figures, Random random)
    {
        if (owed.Outcome == Outcome.Missing)
        {
            yield break;
        }
        // A returned version had a figure or two wrong; the next one corrects them (a draft still returned copies them, as the app does).
        var wrong = owed.Versions.Count > 1 ? new HashSet<int> { random.Next(0, 4), random.Next(13, 16) } : [];
        foreach (var version in owed.Versions)
        {
            var first = version.Number == 1 && owed.Versions.Count > 1;
            var shown = first || owed.Outcome == Outcome.StillReturned
                ? [.. figures.Select((f, i) => wrong.Contains(i) && f.Number is { } n ? f with { Number = n + 1 } : f)]
                : figures;
            var computed = Computed(shown);
            for (var i = 0; i < Indicators.Length; i++)
            {
                var value = computed[i];
                yield return new SubmissionValue { SubmissionVersionId = version.Id, IndicatorId = owed.IndicatorIds[i], Number = value.Number, Text = value.Text };
            }
        }
    }

    /// <summary>Formulas computed over the typed figures, as the app does on saving.</summary>
    private static ParsedValue[] Computed(ParsedValue[] figures)
    {
        var byCode = Indicators.Select((indicator, i) => (indicator.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        var result = (ParsedValue[])figures.Clone();
        for (var i = 0; i < Indicators.Length; i++)
        {
            if (Indicators[i].Formula is { } formula)
            {
                result[i] = new ParsedValue(Formula.Evaluate(formula, code => byCode.TryGetValue(code, out var j) ? figures[j].Number : null), null, null);
            }
        }
        return result;
    }

    /// <summary>
    /// A committee's figures typed from its own records; a part never exceeds its whole (tasks done
    /// of tasks given, funds spent of funds given, households evacuated of those to evacuate), so the
    /// computed shares stay within 0–100%. Sums of such figures keep the rule when rolled up.
    /// </summary>
    private static ParsedValue[] Drawn(Random random)
    {
        var figures = Indicators.Select(i => Draw(random, i.Type, i.Low, i.High)).ToArray();
        void Share(string part, string whole, decimal share)
        {
            var (p, w) = (Of(part), Of(whole));
            figures[p] = figures[p] with { Number = Math.Round(figures[w].Number!.Value * share, 0) };
        }
        Share("CD04", "CD03", random.Next(50, 101) / 100m);
        Share("TC02", "TC01", random.Next(40, 101) / 100m);
        Share("DS04", "DS03", random.Next(60, 101) / 100m);
        return figures;
    }

    /// <summary>
    /// A province's figures as <see cref="Submissions.PrefillAsync"/> fills them from its accepted
    /// communes (rolled up, then checked by type: a count of "yes" does not fit a yes/no answer), and
    /// what the prefill leaves empty (text, yes/no) typed.
    /// </summary>
    private static ParsedValue[] RolledUp(Random random, List<decimal?>[] accepted) =>
    [
        .. Indicators.Select((indicator, i) =>
            indicator.Formula is null
            && Aggregations.Apply(indicator.Type, indicator.Aggregation, accepted[i]) is { } rolled
            && IndicatorValues.Check(indicator.Name, indicator.Type, rolled) is { Error: null } ok
                ? ok
                : Draw(random, indicator.Type, indicator.Low, indicator.High)),
    ];

    private static int Of(string code) => Array.FindIndex(Indicators, i => i.Code == code);

    private static ParsedValue Draw(Random random, IndicatorType type, decimal low, decimal high) => type switch
    {
        IndicatorType.Text => new(null, Texts[random.Next(Texts.Length)], null),
        IndicatorType.YesNo => new(random.NextDouble() < 0.7 ? 1 : 0, null, null),
        IndicatorType.Percentage => new(Math.Round(low + (high - low) * (decimal)random.NextDouble(), 1), null, null),
        IndicatorType.Count => new(random.Next((int)low, (int)high + 1), null, null),
        _ when high - low <= 20 && low == Math.Floor(low) && high == Math.Floor(high) => new(random.Next((int)low, (int)high + 1), null, null),
        _ when low != Math.Floor(low) || high <= 60 => new(Math.Round(low + (high - low) * (decimal)random.NextDouble(), 1), null, null),
        _ => new(random.Next((int)low, (int)high + 1), null, null),
    };

    /// <summary>A time of day in Hà Nội, kept in UTC (PostgreSQL's timestamptz takes no other offset).</summary>
    private static DateTimeOffset Hanoi(DateTime local) => new DateTimeOffset(local, TimeSpan.FromHours(7)).ToUniversalTime();

    private int Stream(int id) => unchecked((seed * 1_000_003) ^ (id * 7919) ^ 0x2f6b);
}
