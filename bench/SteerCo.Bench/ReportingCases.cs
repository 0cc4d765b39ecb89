using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace SteerCo.Bench;

internal sealed record RequestSummaryItem(int Id, string Title, string Period, int Expected, int Accepted);

internal sealed record ConsolidatedRowItem(int IndicatorId, string Code, decimal? Value, int Contributors);

internal sealed record RequestItem(int Id, int CommitteeId, int TemplateVersionId);

internal sealed record ConsolidatedItem(RequestItem Request, List<ConsolidatedRowItem> Rows);

internal sealed record SeriesPointItem(string Period, decimal? Value, int Contributors);

internal sealed record SeriesItem(string Code, List<SeriesPointItem> Points);

internal sealed record ComplianceRowItem(int CommitteeId, List<JsonElement> Cells);

internal sealed record ComplianceItem(List<string> Periods, List<ComplianceRowItem> Rows);

/// <summary>The database the app runs on, as bench/run.sh gives it, for the cases that run the app's SQL directly.</summary>
internal sealed record DirectDatabase(string Provider, string ConnectionString)
{
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (Provider == "postgres")
        {
            var postgres = new NpgsqlConnection(ConnectionString);
            await postgres.OpenAsync(cancellationToken);
            return postgres;
        }
        var sqlite = new SqliteConnection(ConnectionString);
        await sqlite.OpenAsync(cancellationToken);
        // The decimal aggregates EF's SQLite provider adds to its own connections, as it defines them.
        sqlite.CreateAggregate("ef_sum", null, (decimal? sum, decimal? value) => value is null ? sum : sum is null ? value : sum.Value + value.Value, isDeterministic: true);
        sqlite.CreateAggregate("ef_min", null, (decimal? min, decimal? value) => min is null ? value : value is null ? min : decimal.Min(min.Value, value.Value), isDeterministic: true);
        sqlite.CreateAggregate("ef_max", null, (decimal? max, decimal? value) => max is null ? value : value is null ? max : decimal.Max(max.Value, value.Value), isDeterministic: true);
        return sqlite;
    }
}

/// <summary>
/// What the reporting cases read: the centre's request of one quarter (the newest with most of its
/// provinces accepted), read as the central secretariat; the same quarter's request of the
/// province of <see cref="Subjects"/>, read as its secretariat.
/// </summary>
internal sealed record ReportingSubjects(CommitteeItem Central, string CentralToken, RequestSummaryItem National, RequestItem NationalRequest, RequestSummaryItem? Province)
{
    public static async Task<ReportingSubjects?> DiscoverAsync(HttpClient http, Subjects subjects, string token, DocumentSubjects? documents, CancellationToken cancellationToken)
    {
        if (documents is not { Central: { } central, CentralToken: { } centralToken })
        {
            return null;
        }
        var requests = await Api.GetAsync<List<RequestSummaryItem>>(http, centralToken, $"/api/v1/committees/{central.Id}/report-requests", cancellationToken);
        if (requests.Where(r => r.Accepted > 0).OrderByDescending(r => r.Accepted * 10 / Math.Max(1, r.Expected)).ThenByDescending(r => r.Id).FirstOrDefault() is not { } national)
        {
            return null;
        }
        var request = await Api.GetAsync<RequestItem>(http, centralToken, $"/api/v1/report-requests/{national.Id}", cancellationToken);
        var own = await Api.GetAsync<List<RequestSummaryItem>>(http, token, $"/api/v1/committees/{subjects.Province.Id}/report-requests", cancellationToken);
        return new(central, centralToken, national, request, own.FirstOrDefault(r => r.Period == national.Period));
    }
}

/// <summary>
/// Periodic reporting at the size of the country: the centre's consolidated table of one quarter
/// through the API and the same SQL run directly on the same engine, one province's table, the
/// per-province × indicator workbook, twelve quarters of one indicator, and a province's compliance grid.
/// </summary>
internal static class ReportingCases
{
    /// <summary>The indicator of the series: a formula over two sums, so three indicators are read.</summary>
    public const string SeriesIndicator = "CD05";

    public static IEnumerable<BenchCase> Create(Subjects subjects, ReportingSubjects reporting, string token, DirectDatabase? database)
    {
        var national = reporting.National;
        yield return new("national roll-up", $"GET /api/v1/report-requests/{national.Id}/consolidated: the centre's {national.Period}, {national.Accepted} of {national.Expected} provinces accepted, as the central secretariat",
            HttpStatusCode.OK,
            () => Api.Get($"/api/v1/report-requests/{national.Id}/consolidated", reporting.CentralToken),
            json =>
            {
                var view = JsonSerializer.Deserialize<ConsolidatedItem>(json, Subjects.Json)!;
                return Expect(view.Rows.Count >= 40, $"{view.Rows.Count} indicators")
                    ?? Expect(view.Rows.Any(r => r.Contributors == national.Accepted && r.Value > 0), "no figure from every accepted province");
            });

        if (database is not null)
        {
            var statements = ConsolidatedSql.For(database.Provider);
            yield return new("national roll-up SQL", $"the {statements.Count} statements the app runs for the national roll-up once the user is found (from the server's log), run directly on one pooled connection of the same engine, every row read",
                HttpStatusCode.OK,
                () => throw new InvalidOperationException("sent by Send"),
                // The request, each of its submissions, and the totals of 40 indicators and more.
                body => Expect(body.StartsWith("rows ", StringComparison.Ordinal) && int.Parse(body[5..], CultureInfo.InvariantCulture) >= 1 + national.Expected + 40, $"only {body}"),
                async (_, cancellationToken) =>
                {
                    var rows = await RunAsync(database, statements, reporting.NationalRequest, cancellationToken);
                    return (HttpStatusCode.OK, $"rows {rows}");
                });

            var pairs = new PairedTimes("API", "SQL");
            yield return new("national roll-up paired", "the two above one after the other in each iteration, each timed on its own, so that both meet the same machine",
                HttpStatusCode.OK,
                () => throw new InvalidOperationException("sent by Send"),
                json => Expect(JsonSerializer.Deserialize<ConsolidatedItem>(json, Subjects.Json)!.Rows.Count >= 40, "not the consolidated table"),
                (http, cancellationToken) => pairs.TimeAsync(
                    async () =>
                    {
                        using var request = Api.Get($"/api/v1/report-requests/{national.Id}/consolidated", reporting.CentralToken);
                        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
                        return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
                    },
                    async () => (HttpStatusCode.OK, $"rows {await RunAsync(database, statements, reporting.NationalRequest, cancellationToken)}")))
            {
                Pairs = pairs,
            };
        }

        if (reporting.Province is { } province)
        {
            yield return new("province roll-up", $"GET /api/v1/report-requests/{province.Id}/consolidated: {subjects.Province.UnitName}'s {province.Period}, {province.Accepted} of {province.Expected} communes accepted, as its secretariat",
                HttpStatusCode.OK,
                () => Api.Get($"/api/v1/report-requests/{province.Id}/consolidated", token),
                json => Expect(JsonSerializer.Deserialize<ConsolidatedItem>(json, Subjects.Json)!.Rows.Any(r => r.Contributors == province.Accepted), "no figure from every accepted commune"));
        }

        yield return new("province x indicator", $"GET /api/v1/report-requests/{national.Id}/consolidated.xlsx: one row per province, one column per indicator",
            HttpStatusCode.OK,
            () => Api.Get($"/api/v1/report-requests/{national.Id}/consolidated.xlsx", reporting.CentralToken),
            body => Expect(body.StartsWith("PK", StringComparison.Ordinal), "not a workbook"));

        yield return new("series 12 quarters", $"GET /api/v1/committees/{reporting.Central.Id}/reporting/series?indicator={SeriesIndicator}: the last twelve quarters of a computed indicator, as the central secretariat",
            HttpStatusCode.OK,
            () => Api.Get($"/api/v1/committees/{reporting.Central.Id}/reporting/series?indicator={SeriesIndicator}", reporting.CentralToken),
            json =>
            {
                var series = JsonSerializer.Deserialize<SeriesItem>(json, Subjects.Json)!;
                return Expect(series.Points.Count == 12, $"{series.Points.Count} periods")
                    ?? Expect(series.Points.Any(p => p.Value is not null), "no quarter with a figure");
            });

        yield return new("compliance grid", $"GET /api/v1/committees/{subjects.Province.Id}/report-compliance?from=2021&to=2026: {subjects.Province.ChildCount} communes × every quarter, as the province secretariat",
            HttpStatusCode.OK,
            () => Api.Get($"/api/v1/committees/{subjects.Province.Id}/report-compliance?from=2021&to=2026", token),
            json =>
            {
                var grid = JsonSerializer.Deserialize<ComplianceItem>(json, Subjects.Json)!;
                return Expect(grid.Rows.Count == subjects.Province.ChildCount, $"{grid.Rows.Count} rows, expected {subjects.Province.ChildCount}");
            });
    }

    /// <summary>Runs the statements one after another on one pooled connection and reads every column of every row.</summary>
    private static async Task<int> RunAsync(DirectDatabase database, IReadOnlyList<string> statements, RequestItem request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = 0;
        foreach (var sql in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            Add(command, "@requestId", request.Id);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var values = new object[reader.FieldCount];
            while (await reader.ReadAsync(cancellationToken))
            {
                reader.GetValues(values);
                rows++;
            }
        }
        return rows;
    }

    private static void Add(DbCommand command, string name, int value)
    {
        if (command.CommandText.Contains(name, StringComparison.Ordinal))
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
    }

    private static string? Expect(bool condition, string problem) => condition ? null : problem;
}
