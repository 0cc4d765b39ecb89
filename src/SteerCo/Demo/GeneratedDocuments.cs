using System.Globalization;
using System.Text;
using SteerCo.Committees;
using SteerCo.Documents;
using SteerCo.Units;

namespace SteerCo.Demo;

/// <summary>A committee of the plan, with what the document and member generators need to know of it.</summary>
/// <param name="Agencies">The agencies of its unit, which its members sit for.</param>
internal sealed record PlannedCommittee(Committee Committee, UnitLevel Level, int Subject, string Place, string? ParentName, IReadOnlyList<UnitAgency> Agencies);

/// <summary>A directive or plan of a committee's register, which work items come from.</summary>
internal sealed record GeneratedPlan(int DocumentId, DateOnly IssuedOn);

/// <summary>
/// Five years of registers: outgoing documents numbered without gaps per series, incoming and
/// internal ones, and the implementation cascade — each year the centre issues directives to
/// the whole subtree, most provinces issue a plan implementing each, and most communes a plan
/// implementing their province's — and the decisions (QĐ) behind each composition of the
/// committee, on the days <see cref="GeneratedMembers.DecisionDays"/> gives. Each committee draws
/// from its own random stream (seed and committee id), so the rows do not depend on the order of
/// anything else. Streams documents: a million rows never sit in memory at once.
/// </summary>
internal sealed class GeneratedDocuments(int seed, GenerationScale scale, DateOnly until, GeneratedMembers members)
{
    public static readonly DateOnly From = new(2021, 7, 1);

    private static readonly DateOnly PartyTermChange = new(2025, 10, 1);

    private readonly Dictionary<int, List<Directive>> _directives = [];

    public List<DocumentRelation> Relations { get; } = [];

    public List<NumberSeries> Series { get; } = [];

    /// <summary>Per committee, its directives and plans (the centre's to the subtree, the implementing plans below): the work items' sources.</summary>
    public Dictionary<int, List<GeneratedPlan>> Plans { get; } = [];

    /// <summary>Per committee, the decision on each of its compositions, in the order of <see cref="GeneratedMembers.DecisionDays"/>.</summary>
    public Dictionary<int, int[]> Decisions { get; } = [];

    private sealed record Directive(int Id, string Symbol, DateOnly IssuedOn, string Subject, string CommitteeName);

    /// <summary>How many documents the committee's register holds; known before any is made.</summary>
    public int CountFor(PlannedCommittee planned) => planned.Level switch
    {
        UnitLevel.Central => scale switch { GenerationScale.National => 2000, GenerationScale.Province => 600, _ => 200 },
        UnitLevel.Province => 300,
        _ => StreamFor(planned.Committee.Id).Next(20, 49),
    };

    public IEnumerable<Document> Generate(IReadOnlyList<PlannedCommittee> committees, int lastDocumentId, int lastRelationId, int lastSeriesId)
    {
        var id = lastDocumentId;
        foreach (var planned in committees)
        {
            var random = StreamFor(planned.Committee.Id);
            var count = planned.Level == UnitLevel.Commune ? random.Next(20, 49) : CountFor(planned);
            var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
            var incoming = new Dictionary<int, int>();
            var start = planned.Committee.EstablishedOn is { } established && established > From ? established : From;
            var days = Math.Max(1, until.DayNumber - start.DayNumber);
            var owned = new List<Directive>();

            // The decisions on its compositions: the first on the day the committee was set up,
            // each reconstitution's signed up to ten days before it takes effect.
            var decisionDays = members.DecisionDays(planned.Committee);
            var decisions = Decisions[planned.Committee.Id] = new int[decisionDays.Count];
            var planned_ = new List<(DateOnly On, Directive? Implements, bool Directive, int Decision)>();
            for (var i = 0; i < decisionDays.Count; i++)
            {
                planned_.Add((i == 0 ? decisionDays[i] : decisionDays[i].AddDays(-random.Next(0, 11)), null, false, i));
            }

            // Implementing plans next: they answer the directives of the committee above.
            if (planned.Committee.ParentId is { } parentId && _directives.TryGetValue(parentId, out var above))
            {
                foreach (var directive in above)
                {
                    if (random.NextDouble() < (planned.Level == UnitLevel.Province ? 0.9 : 0.7) && planned_.Count < count)
                    {
                        var on = directive.IssuedOn.AddDays(random.Next(5, 35));
                        if (on <= until)
                        {
                            planned_.Add((on, directive, planned.Level == UnitLevel.Province, -1));
                        }
                    }
                }
            }
            if (planned.Level == UnitLevel.Central)
            {
                for (var year = start.Year; year <= until.Year && planned_.Count < count; year++)
                {
                    foreach (var month in new[] { 2, 8 })
                    {
                        var on = new DateOnly(year, month, random.Next(1, 28));
                        if (on >= start && on <= until)
                        {
                            planned_.Add((on, null, true, -1));
                        }
                    }
                }
            }
            while (planned_.Count < count)
            {
                planned_.Add((start.AddDays(random.Next(days)), null, false, -1));
            }

            foreach (var (on, implements, isDirective, decision) in planned_.OrderBy(p => p.On).ThenBy(p => p.Implements?.Id ?? 0))
            {
                var document = decision >= 0 ? Decision(planned, on, decision == 0, random, numbers)
                    : implements is not null || isDirective ? Plan(planned, on, implements, isDirective, random, numbers)
                    : Ordinary(planned, on, random, numbers, incoming);
                document.Id = ++id;
                if (decision >= 0)
                {
                    decisions[decision] = document.Id;
                }
                document.SearchText = DocumentRegister.SearchTextOf(document, []);
                if (implements is not null)
                {
                    Relations.Add(new DocumentRelation { Id = ++lastRelationId, DocumentId = document.Id, RelatedDocumentId = implements.Id, Kind = RelationKind.Implements, CreatedAt = document.CreatedAt });
                }
                if (implements is not null || isDirective)
                {
                    (Plans.TryGetValue(planned.Committee.Id, out var plans) ? plans : Plans[planned.Committee.Id] = []).Add(new(document.Id, on));
                }
                if (document.Visibility == DocumentVisibility.Subtree)
                {
                    owned.Add(new Directive(document.Id, document.Symbol!, on, document.Subject, planned.Committee.Name));
                }
                yield return document;
            }
            if (owned.Count > 0)
            {
                _directives[planned.Committee.Id] = owned;
            }
            foreach (var (key, last) in numbers.OrderBy(n => n.Key, StringComparer.Ordinal))
            {
                Series.Add(new NumberSeries { Id = ++lastSeriesId, CommitteeId = planned.Committee.Id, Key = key, LastNumber = last });
            }
        }
    }

    /// <summary>A directive to the subtree (centre) or a plan implementing the one above (province, commune).</summary>
    private static Document Plan(PlannedCommittee planned, DateOnly on, Directive? implements, bool toSubtree, Random random, Dictionary<string, int> numbers)
    {
        var subject = GeneratedCatalog.Subjects[planned.Subject];
        var topic = Topics[planned.Subject][random.Next(Topics[planned.Subject].Length)];
        var party = subject.System == DocumentSystem.Party;
        var type = planned.Level == UnitLevel.Central ? (party ? "NQ" : "CT") : (party ? "CTr" : "KH");
        var title = implements is null
            ? type switch
            {
                "NQ" => $"Nghị quyết về {topic} năm {on.Year}",
                "CT" => $"Chỉ thị về tăng cường {topic} năm {on.Year}",
                _ => $"Kế hoạch {topic} năm {on.Year}",
            }
            : $"{(party ? "Chương trình hành động" : "Kế hoạch")} thực hiện {implements.Symbol} ngày {implements.IssuedOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} của {implements.CommitteeName} về {topic} trên địa bàn {planned.Place}";
        var body = new StringBuilder();
        if (implements is not null)
        {
            body.Append("Thực hiện ").Append(implements.Subject).Append(", ");
        }
        body.Append(planned.Committee.Name).Append(" ban hành kế hoạch với các nội dung sau. ");
        AppendBody(body, planned, topic, random, 4);
        return New(planned, on, DocumentDirection.Outgoing, type, random, numbers, title, body.ToString(),
            toSubtree ? DocumentVisibility.Subtree : DocumentVisibility.Committee);
    }

    /// <summary>
    /// A decision on the committee's composition, with the member list annexed: the register numbers
    /// it as the app does when a reconstitution is given a new QĐ, and the Trưởng ban signs it.
    /// </summary>
    private static Document Decision(PlannedCommittee planned, DateOnly on, bool first, Random random, Dictionary<string, int> numbers)
    {
        var name = planned.Committee.Name;
        var topics = Topics[planned.Subject];
        var body = new StringBuilder(first
            ? $"Phân công nhiệm vụ các thành viên {name} theo danh sách kèm theo Quyết định này. "
            : $"Kiện toàn {name} gồm các ông, bà có tên tại danh sách kèm theo Quyết định này. ");
        body.Append("Các thành viên Ban Chỉ đạo làm việc theo chế độ kiêm nhiệm, thực hiện nhiệm vụ theo Quy chế hoạt động của Ban Chỉ đạo. ");
        AppendBody(body, planned, topics[random.Next(topics.Length)], random, 1);
        var document = New(planned, on, DocumentDirection.Outgoing, "QĐ", random, numbers,
            first ? $"Quyết định về việc phân công nhiệm vụ các thành viên {name}" : $"Quyết định về việc kiện toàn {name}",
            body.ToString(), DocumentVisibility.Committee);
        document.SignerTitle = "Trưởng ban";
        document.SigningAuthority = SigningAuthority.OnBehalf;
        return document;
    }

    private static Document Ordinary(PlannedCommittee planned, DateOnly on, Random random, Dictionary<string, int> numbers, Dictionary<int, int> incoming)
    {
        var topics = Topics[planned.Subject];
        var topic = topics[random.Next(topics.Length)];
        var party = GeneratedCatalog.Subjects[planned.Subject].System == DocumentSystem.Party;
        var roll = random.NextDouble();
        var direction = roll < 0.5 ? DocumentDirection.Outgoing : roll < 0.85 ? DocumentDirection.Incoming : DocumentDirection.Internal;
        var (type, title) = (random.Next(6), direction) switch
        {
            (_, DocumentDirection.Internal) => ((string?)"BB", $"Biên bản cuộc họp Ban Chỉ đạo ngày {on.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}"),
            (0, _) => (party ? "BC" : "BC", $"Báo cáo kết quả {topic} {Period(on, random)}"),
            (1, _) => ("TB", $"Thông báo kết luận của Trưởng ban tại cuộc họp Ban Chỉ đạo {Period(on, random)}"),
            (2, _) => (party ? "QĐ" : "QĐ", random.Next(2) == 0 ? $"Quyết định về việc kiện toàn {planned.Committee.Name}" : $"Quyết định phân công nhiệm vụ thành viên {planned.Committee.Name}"),
            (3, _) => (party ? "CV" : null, $"V/v {Actions[random.Next(Actions.Length)]} {topic}"),
            (4, _) => ("KH", $"Kế hoạch kiểm tra, giám sát {topic} năm {on.Year}"),
            _ => (party ? "CV" : null, $"V/v báo cáo tình hình {topic} {Period(on, random)}"),
        };
        var body = new StringBuilder();
        AppendBody(body, planned, topic, random, direction == DocumentDirection.Internal ? 3 : 2 + random.Next(3));
        var document = New(planned, on, direction, type, random, numbers, title, body.ToString(), DocumentVisibility.Committee);
        if (direction == DocumentDirection.Incoming)
        {
            // From the level above or from an agency of the same place; numbered by the sender, increasing through the year.
            var next = incoming[on.Year] = incoming.GetValueOrDefault(on.Year) + 1 + random.Next(3);
            var fromAbove = planned.ParentName is not null && random.Next(2) == 0;
            document.IssuerKind = fromAbove ? IssuerKind.Committee : IssuerKind.Outside;
            document.IssuerCommitteeId = fromAbove ? planned.Committee.ParentId : null;
            var central = planned.Level == UnitLevel.Central;
            document.IssuerName = fromAbove ? planned.ParentName! : central ? "Văn phòng Chính phủ" : $"Ủy ban nhân dân {planned.Place}";
            document.Symbol = fromAbove ? (party ? DocumentSymbol.Party(next, type ?? "CV", "BCĐ") : type is null ? DocumentSymbol.CongVan(next, "BCĐ") : DocumentSymbol.State(next, type, "BCĐ")).Normalized
                : central ? DocumentSymbol.CongVan(next, "VPCP", "NN").Normalized : DocumentSymbol.CongVan(next, "UBND", "VP").Normalized;
            document.Number = next;
            document.Type = fromAbove ? type : null;
            document.ReceivedOn = on.AddDays(random.Next(0, 4));
        }
        else if (direction == DocumentDirection.Internal)
        {
            document.Symbol = null;
            document.Number = null;
        }
        return document;
    }

    private static Document New(
        PlannedCommittee planned, DateOnly on, DocumentDirection direction, string? type, Random random, Dictionary<string, int> numbers,
        string subject, string body, DocumentVisibility visibility)
    {
        var committee = planned.Committee;
        int? number = null;
        string? symbol = null;
        if (direction == DocumentDirection.Outgoing)
        {
            var key = committee.DocumentSystem == DocumentSystem.Party
                ? $"{(on < PartyTermChange ? "2020–2025" : "2025–2030")}/{type ?? DocumentNumbering.CongVanSeries}"
                : DocumentNumbering.SeriesKey(committee, type, on);
            number = numbers[key] = numbers.GetValueOrDefault(key) + 1;
            symbol = DocumentNumbering.SymbolFor(committee, type, number.Value).Normalized;
        }
        var signer = Signers[random.Next(Signers.Length)];
        return new Document
        {
            CommitteeId = committee.Id,
            Direction = direction,
            Type = type,
            Symbol = symbol,
            Number = number,
            IssuedOn = on,
            IssuedYear = committee.DocumentSystem == DocumentSystem.Party && direction == DocumentDirection.Outgoing ? (on < PartyTermChange ? 2020 : 2025) : on.Year,
            IssuerKind = IssuerKind.Committee,
            IssuerCommitteeId = committee.Id,
            IssuerName = committee.Name,
            Subject = subject,
            SignerName = signer,
            SignerTitle = random.Next(3) == 0 ? "Phó Trưởng ban" : "Trưởng ban",
            SigningAuthority = random.Next(3) == 0 ? SigningAuthority.Deputy : SigningAuthority.OnBehalf,
            Recipients = planned.ParentName is null
                ? "- Các thành viên Ban Chỉ đạo;\n- Ban Chỉ đạo các tỉnh, thành phố;\n- Lưu: VT."
                : $"- {planned.ParentName} (để báo cáo);\n- Các thành viên Ban Chỉ đạo;\n- Lưu: VT.",
            Body = body,
            Visibility = visibility,
            CreatedAt = new DateTimeOffset(on.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero),
        };
    }

    private static void AppendBody(StringBuilder body, PlannedCommittee planned, string topic, Random random, int sentences)
    {
        for (var i = 0; i < sentences; i++)
        {
            body.Append(string.Format(CultureInfo.InvariantCulture, Sentences[random.Next(Sentences.Length)], topic, planned.Place)).Append(' ');
        }
        // A rare event now and then, so that searches for a rare term have something to find.
        if (random.Next(200) == 0)
        {
            body.Append(string.Format(CultureInfo.InvariantCulture, RareSentences[random.Next(RareSentences.Length)], planned.Place));
        }
    }

    private static string Period(DateOnly on, Random random) => random.Next(4) switch
    {
        0 => $"quý {Roman[(on.Month - 1) / 3]} năm {on.Year}",
        1 => on.Month <= 6 ? $"6 tháng đầu năm {on.Year}" : $"6 tháng cuối năm {on.Year}",
        2 => $"tháng {on.Month} năm {on.Year}",
        _ => $"năm {on.Year}",
    };

    /// <summary>Each committee's own stream: the same for the same seed and committee, whatever else is generated.</summary>
    private Random StreamFor(int committeeId) => new(unchecked((seed * 1_000_003) + committeeId));

    private static readonly string[] Roman = ["I", "II", "III", "IV"];

    internal static readonly string[][] Topics =
    [
        ["phòng, chống thiên tai và tìm kiếm cứu nạn", "ứng phó với mưa lớn, lũ quét và sạt lở đất", "diễn tập phòng, chống thiên tai", "bảo đảm an toàn hồ đập mùa mưa lũ", "khắc phục hậu quả thiên tai"],
        ["phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số", "chuyển đổi số trong cơ quan nhà nước", "phát triển dữ liệu số và dịch vụ công trực tuyến", "nâng cao kỹ năng số cho người dân"],
        ["bảo đảm an toàn thực phẩm", "kiểm tra an toàn thực phẩm dịp Tết Nguyên đán", "phòng, chống ngộ độc thực phẩm", "tháng hành động vì an toàn thực phẩm"],
        ["thực hiện các chương trình mục tiêu quốc gia", "xây dựng nông thôn mới", "giảm nghèo bền vững", "phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số"],
        ["cải cách hành chính", "giải quyết thủ tục hành chính theo cơ chế một cửa", "nâng cao chỉ số hài lòng của người dân", "kiểm soát thủ tục hành chính"],
        ["phòng, chống dịch bệnh truyền nhiễm", "phòng, chống sốt xuất huyết", "tiêm chủng mở rộng", "giám sát dịch bệnh tại cộng đồng"],
        ["Tổng điều tra dân số và nhà ở", "rà soát bảng kê hộ", "tuyển chọn điều tra viên", "tuyên truyền về Tổng điều tra"],
        ["phòng cháy, chữa cháy và cứu nạn, cứu hộ", "phòng cháy, chữa cháy tại khu dân cư", "kiểm tra an toàn phòng cháy cơ sở kinh doanh", "xây dựng lực lượng phòng cháy tại chỗ"],
    ];

    private static readonly string[] Sentences =
    [
        "Quán triệt, triển khai đầy đủ các văn bản chỉ đạo của cấp trên về {0} đến các cơ quan, đơn vị trên địa bàn {1}.",
        "Các thành viên Ban Chỉ đạo theo lĩnh vực được phân công chủ động kiểm tra, đôn đốc việc thực hiện, kịp thời báo cáo những khó khăn, vướng mắc.",
        "Cơ quan thường trực Ban Chỉ đạo chủ trì, phối hợp với các cơ quan liên quan tổng hợp kết quả thực hiện, báo cáo Trưởng ban trước ngày 25 của tháng cuối quý.",
        "Tăng cường công tác thông tin, tuyên truyền để cán bộ và Nhân dân hiểu rõ, đồng thuận và tích cực tham gia {0}.",
        "Bố trí đủ kinh phí, nhân lực và phương tiện để thực hiện các nhiệm vụ về {0} theo kế hoạch đã được phê duyệt.",
        "Trong kỳ, công tác {0} trên địa bàn {1} cơ bản đạt yêu cầu đề ra; một số nhiệm vụ còn chậm so với tiến độ.",
        "Đề nghị các cơ quan, đơn vị rà soát, bổ sung kế hoạch, phân công rõ người, rõ việc, rõ thời gian, rõ trách nhiệm.",
        "Kết quả thực hiện được tổng hợp, đánh giá tại cuộc họp định kỳ của Ban Chỉ đạo.",
        "Giao Ủy ban nhân dân {1} chỉ đạo các đơn vị liên quan triển khai thực hiện, định kỳ báo cáo kết quả về cơ quan thường trực.",
        "Nâng cao vai trò, trách nhiệm của người đứng đầu trong việc lãnh đạo, chỉ đạo {0}.",
        "Kịp thời biểu dương, khen thưởng các tập thể, cá nhân có thành tích tiêu biểu; chấn chỉnh những đơn vị thực hiện chưa nghiêm.",
        "Sơ kết, đánh giá rút kinh nghiệm sau mỗi đợt triển khai, đề xuất giải pháp cho giai đoạn tiếp theo.",
    ];

    private static readonly string[] RareSentences =
    [
        "Riêng tại {0}, ảnh hưởng của cơn bão Molave gây thiệt hại nặng về nhà ở và cơ sở hạ tầng, cần tập trung khắc phục.",
        "Tại {0} ghi nhận điểm nóng về sạt lở bờ sông, đã di dời khẩn cấp các hộ dân ra khỏi khu vực nguy hiểm.",
        "Sự cố tràn dầu ven biển {0} đã được kiểm soát, tiếp tục theo dõi chất lượng nước.",
    ];

    private static readonly string[] Actions = ["triển khai thực hiện", "tăng cường", "đôn đốc thực hiện", "rà soát kết quả", "chuẩn bị kiểm tra"];

    private static readonly string[] Signers =
    [
        "Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Châu", "Phạm Quốc Dũng", "Hoàng Thị Hà", "Võ Văn Hải", "Đặng Thị Hồng", "Bùi Văn Khánh",
        "Đỗ Thị Lan", "Ngô Văn Long", "Dương Thị Mai", "Lý Văn Nam", "Phan Thị Ngọc", "Trương Văn Phúc", "Huỳnh Thị Quyên", "Đinh Văn Sơn",
    ];
}
