using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace SteerCo.Bench;

internal sealed record DocumentItem(int Id, int CommitteeId, string CommitteeName, string? Type, string? Symbol, DateOnly IssuedOn, string Subject);

internal sealed record DocumentPage(List<DocumentItem> Items, int Total, int Page, int PageSize);

internal sealed record SearchHit(DocumentItem Document, string SubjectHtml, string? SymbolHtml, string? SnippetHtml);

internal sealed record SearchPage(List<SearchHit> Items, int Total, bool TotalIsCapped, int Page, int PageSize);

internal sealed record FileItem(int Id, string FileName, string ContentType, long Size, string Sha256);

internal sealed record DocumentDetailItem(int Id, int CommitteeId, string? Type, string? Symbol, int? Number, string Subject, List<FileItem> Files);

/// <summary>
/// What the document cases need beyond <see cref="Subjects"/>: a document of the province's
/// register, the prefix that finds something there, the type its secretariat registers (a plan:
/// KH in the state system, CTr in the Party's), and the central committee's secretariat.
/// </summary>
internal sealed record DocumentSubjects(
    DocumentItem Document, string Prefix, string RegisterType, CommitteeItem? Central, string? CentralUserName, string? CentralToken)
{
    /// <summary>A word in very many documents (titles and bodies of plans): 100,000+ in the national data set.</summary>
    public const string CommonTerm = "kế hoạch";

    /// <summary>A word in about 0.1% of the bodies (a typhoon's name).</summary>
    public const string RareTerm = "molave";

    /// <summary>Two phrases, each in about a third of the bodies.</summary>
    public const string TwoTerms = "\"tuyên truyền\" \"kinh phí\"";

    public static readonly string[] Prefixes = ["chuyen*", "kiem*"];

    public static async Task<DocumentSubjects?> DiscoverAsync(
        HttpClient http, string adminToken, Subjects subjects, string token, string password, CancellationToken cancellationToken)
    {
        var register = await Api.GetAsync<DocumentPage>(http, token, $"/api/v1/documents?under={subjects.Province.Id}&pageSize=1", cancellationToken);
        if (register.Items.FirstOrDefault() is not { } document)
        {
            return null;
        }
        var prefix = Prefixes[^1];
        foreach (var candidate in Prefixes)
        {
            var found = await Api.GetAsync<SearchPage>(http, token, Search(candidate, subjects.Province.Id) + "&pageSize=1", cancellationToken);
            if (found.Total > 0)
            {
                prefix = candidate;
                break;
            }
        }
        // A plan is a KH in the state system, a CTr (chương trình) in the Party's.
        var type = subjects.Province.DocumentSystem == "Party" ? "CTr" : "KH";

        var centrals = await Api.GetAsync<CommitteePage>(http, adminToken, "/api/v1/committees?level=Central&pageSize=200", cancellationToken);
        foreach (var central in centrals.Items.OrderByDescending(c => c.ChildCount).ThenBy(c => c.Id))
        {
            var secretariats = await Api.GetAsync<UserPage>(http, adminToken, $"/api/v1/users?role=Secretariat&committeeId={central.Id}&pageSize=1", cancellationToken);
            if (secretariats.Items.FirstOrDefault() is { } secretariat)
            {
                var centralToken = await Subjects.GetTokenAsync(http, secretariat.UserName, password, cancellationToken);
                return new(document, prefix, type, central, secretariat.UserName, centralToken);
            }
        }
        return new(document, prefix, type, null, null, null);
    }

    public static string Search(string q, int? under = null, string? order = null, DateOnly? from = null, DateOnly? to = null)
    {
        var query = new StringBuilder("/api/v1/documents/search?q=").Append(Uri.EscapeDataString(q));
        if (under is { } u)
        {
            query.Append("&under=").Append(u);
        }
        if (from is { } f)
        {
            query.Append("&from=").Append(f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        if (to is { } t)
        {
            query.Append("&to=").Append(t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        if (order is not null)
        {
            query.Append("&order=").Append(order);
        }
        return query.ToString();
    }
}

/// <summary>The search, register and document cases; the write cases come last (see <see cref="BenchCase.Writes"/>).</summary>
internal static class DocumentCases
{
    private static readonly DateOnly YearFrom = new(2024, 1, 1);
    private static readonly DateOnly YearTo = new(2024, 12, 31);

    public static IEnumerable<BenchCase> Create(Subjects subjects, DocumentSubjects documents, string token)
    {
        var province = subjects.Province.Id;
        BenchCase SearchCase(string name, string path, string? asToken, Func<SearchPage, string?> check, string who = "province secretariat") =>
            new(name, $"GET {Unescape(path)} ({who})", HttpStatusCode.OK,
                () => Api.Get(path, asToken ?? token),
                json => check(JsonSerializer.Deserialize<SearchPage>(json, Subjects.Json)!));

        var rare = DocumentSubjects.Search(DocumentSubjects.RareTerm);
        yield return SearchCase("search rare", rare, null,
            page => Expect(page.Total > 0, "nothing found")
                ?? Expect(page.Items.All(h => (h.SnippetHtml ?? "").Contains("<mark>Molave</mark>", StringComparison.OrdinalIgnoreCase)), "a hit without the word marked in its extract")
                ?? Newest(page));

        var common = DocumentSubjects.Search(DocumentSubjects.CommonTerm);
        yield return SearchCase("search common", common, null,
            page => Expect(page.Total >= 1000, $"only {page.Total} found") ?? Expect(page.Items.Count == 25, $"{page.Items.Count} on the page") ?? Marked(page) ?? Newest(page));

        var two = DocumentSubjects.Search(DocumentSubjects.TwoTerms);
        yield return SearchCase("search two terms", two, null,
            page => Expect(page.Total > 0, "nothing found") ?? Expect(page.Items.Count == Math.Min(25, page.Total), $"{page.Items.Count} on the page") ?? Newest(page));

        var prefix = DocumentSubjects.Search(documents.Prefix);
        yield return SearchCase("search prefix", prefix, null,
            // Not every hit: the extract is cut from the start of the body, and a word of the prefix may come later.
            page => Expect(page.Total > 0, "nothing found") ?? Expect(page.Items.Any(IsMarked), "no hit marked") ?? Newest(page));

        var dated = DocumentSubjects.Search(DocumentSubjects.CommonTerm, under: province, from: YearFrom, to: YearTo);
        yield return SearchCase("search subtree+date", dated, null,
            page => Expect(page.Total > 0, "nothing found")
                ?? Expect(page.Items.All(h => h.Document.IssuedOn >= YearFrom && h.Document.IssuedOn <= YearTo), "a hit outside the year")
                ?? Newest(page));

        var relevance = DocumentSubjects.Search(DocumentSubjects.CommonTerm, order: "relevance");
        yield return SearchCase("search relevance", relevance, null,
            page => Expect(page.Total >= 1000, $"only {page.Total} found") ?? Expect(page.Items.Count == 25, $"{page.Items.Count} on the page") ?? Marked(page));

        if (documents.CentralToken is { } central)
        {
            var who = $"central secretariat `{documents.CentralUserName}`";
            yield return SearchCase("central common", common, central,
                page => Expect(page.Total >= 10_000, $"only {page.Total} found") ?? Marked(page) ?? Newest(page), who);
            // Relevance ranks the newest 1,000 matches (DocumentSearch.RankedCandidates): the total says "1,000+".
            yield return SearchCase("central relevance", relevance, central,
                page => Expect(page.Total >= 1000 && page.TotalIsCapped, $"only {page.Total} found") ?? Expect(page.Items.Count == 25, $"{page.Items.Count} on the page") ?? Marked(page), who);
        }

        var list = $"/api/v1/documents?under={province}";
        yield return new("register list", $"GET {list}", HttpStatusCode.OK,
            () => Api.Get(list, token),
            json =>
            {
                var page = JsonSerializer.Deserialize<DocumentPage>(json, Subjects.Json)!;
                return Expect(page.Total > 1000, $"only {page.Total} documents") ?? Expect(page.Items.Count == 50, $"{page.Items.Count} on the page")
                    ?? Expect(page.Items.Zip(page.Items.Skip(1)).All(p => p.First.IssuedOn >= p.Second.IssuedOn), "not newest first");
            });

        var detail = $"/api/v1/documents/{documents.Document.Id}";
        yield return new("document", $"GET {detail}", HttpStatusCode.OK,
            () => Api.Get(detail, token),
            json => Expect(JsonSerializer.Deserialize<DocumentDetailItem>(json, Subjects.Json)!.Id == documents.Document.Id, "another document"));

        // Writes: each registers a new outgoing plan in the province's series (a new number each) and/or stores a new file.
        var writer = new DocumentWriter(province, documents.RegisterType, token);
        yield return new("register document", $"POST /api/v1/documents (outgoing {documents.RegisterType}, issueNumber=true)", HttpStatusCode.Created,
            writer.RegisterRequest,
            json =>
            {
                var created = JsonSerializer.Deserialize<DocumentDetailItem>(json, Subjects.Json)!;
                return Expect(created.Number is > 0 && created.Symbol is { Length: > 0 }, "no number issued") ?? Expect(created.CommitteeId == province, "another committee");
            })
        { Writes = true };
        yield return new("upload pdf", $"POST /api/v1/documents/ID/files (multipart, a {TestPdf.Length / 1024.0 / 1024.0:F2} MiB PDF, new bytes each time) to one document registered for it", HttpStatusCode.Created,
            () => throw new InvalidOperationException("sent by Send"),
            json =>
            {
                var file = JsonSerializer.Deserialize<FileItem>(json, Subjects.Json)!;
                return Expect(file.ContentType == "application/pdf", $"stored as {file.ContentType}") ?? Expect(file.Size == TestPdf.Length, $"{file.Size} bytes stored");
            },
            writer.UploadToOneAsync)
        { Writes = true };
        yield return new("register + pdf", "POST /api/v1/documents, then POST /api/v1/documents/ID/files with the PDF: one operation", HttpStatusCode.Created,
            () => throw new InvalidOperationException("sent by Send"),
            json => Expect(JsonSerializer.Deserialize<FileItem>(json, Subjects.Json)!.Size == TestPdf.Length, "the file's size differs"),
            writer.RegisterWithFileAsync)
        { Writes = true };
        // The extracted text reaches the search: the word only the bench's PDFs carry finds them.
        var extracted = DocumentSubjects.Search(TestPdf.Marker, under: province);
        yield return new("search pdf text", $"GET {Unescape(extracted)} (the word in the uploaded PDFs' text)", HttpStatusCode.OK,
            () => Api.Get(extracted, token),
            json => Expect(JsonSerializer.Deserialize<SearchPage>(json, Subjects.Json)!.Total > 0, "pdftotext's text of the uploaded PDFs is not found"))
        { Writes = true };
    }

    private static string Unescape(string path) => Uri.UnescapeDataString(path);

    private static bool IsMarked(SearchHit h) =>
        h.SubjectHtml.Contains("<mark>") || (h.SnippetHtml ?? "").Contains("<mark>") || (h.SymbolHtml ?? "").Contains("<mark>");

    private static string? Marked(SearchPage page) => Expect(page.Items.All(IsMarked), "a hit with nothing marked");

    private static string? Newest(SearchPage page) =>
        Expect(page.Items.Zip(page.Items.Skip(1)).All(p => p.First.Document.IssuedOn >= p.Second.Document.IssuedOn), "not newest first");

    private static string? Expect(bool condition, string problem) => condition ? null : problem;
}

/// <summary>The write cases' requests: a new outgoing plan, a new PDF.</summary>
internal sealed class DocumentWriter(int committeeId, string type, string token)
{
    private long _count;
    private readonly SemaphoreSlim _oneDocument = new(1, 1);
    private int? _documentId;

    public HttpRequestMessage RegisterRequest()
    {
        var n = Interlocked.Increment(ref _count);
        var body = new
        {
            committeeId,
            direction = "Outgoing",
            type,
            issueNumber = true,
            issuedOn = DateOnly.FromDateTime(DateTime.Now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            subject = $"Kế hoạch kiểm tra, đôn đốc thực hiện nhiệm vụ quý {(DateTime.Now.Month - 1) / 3 + 1} (bench {n})",
            signerName = "Nguyễn Văn An",
            signingAuthority = "OnBehalf",
            signerTitle = "Trưởng ban",
            recipients = "Các thành viên Ban Chỉ đạo; Lưu: VT.",
            body = "Thực hiện chỉ đạo của cấp trên, Ban Chỉ đạo ban hành kế hoạch kiểm tra việc thực hiện các nhiệm vụ trọng tâm trong quý.",
        };
        return new HttpRequestMessage(HttpMethod.Post, "/api/v1/documents")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
            Content = JsonContent.Create(body, options: Subjects.Json),
        };
    }

    private HttpRequestMessage UploadRequest(int documentId)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(TestPdf.Next(Interlocked.Increment(ref _count)));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "file", "bao-cao-kiem-tra.pdf");
        return new HttpRequestMessage(HttpMethod.Post, $"/api/v1/documents/{documentId}/files")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
            Content = content,
        };
    }

    private async Task<(HttpStatusCode, string, int?)> RegisterAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var request = RegisterRequest();
        using var response = await http.SendAsync(request, cancellationToken);
        var json = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.StatusCode == HttpStatusCode.Created
            ? (response.StatusCode, json, JsonSerializer.Deserialize<DocumentDetailItem>(json, Subjects.Json)!.Id)
            : (response.StatusCode, json, null);
    }

    private async Task<(HttpStatusCode, string)> UploadAsync(HttpClient http, int documentId, CancellationToken cancellationToken)
    {
        using var request = UploadRequest(documentId);
        using var response = await http.SendAsync(request, cancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary>Uploads to one document, registered on the first call (so that no write happens before the read cases).</summary>
    public async Task<(HttpStatusCode, string)> UploadToOneAsync(HttpClient http, CancellationToken cancellationToken)
    {
        if (_documentId is null)
        {
            await _oneDocument.WaitAsync(cancellationToken);
            try
            {
                if (_documentId is null)
                {
                    var (status, json, id) = await RegisterAsync(http, cancellationToken);
                    if (id is null)
                    {
                        return (status, json);
                    }
                    _documentId = id;
                }
            }
            finally
            {
                _oneDocument.Release();
            }
        }
        return await UploadAsync(http, _documentId.Value, cancellationToken);
    }

    public async Task<(HttpStatusCode, string)> RegisterWithFileAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var (status, json, id) = await RegisterAsync(http, cancellationToken);
        return id is { } documentId ? await UploadAsync(http, documentId, cancellationToken) : (status, json);
    }
}

/// <summary>Requests as the signed-in user.</summary>
internal static class Api
{
    public static HttpRequestMessage Get(string path, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    public static async Task<T> GetAsync<T>(HttpClient http, string token, string path, CancellationToken cancellationToken)
    {
        using var request = Get(path, token);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
        return (await response.Content.ReadFromJsonAsync<T>(Subjects.Json, cancellationToken))!;
    }
}
