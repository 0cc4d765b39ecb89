namespace SteerCo.Bench;

/// <summary>
/// The SQL the app runs for GET /api/v1/report-requests/{id}/consolidated after it has found the
/// user (ReportRequests.ConsolidatedAsync: the request, its submissions, the accepted values totalled
/// by indicator), copied from PostgreSQL's log (log_statement = all) with EF's $1 named @requestId,
/// and for SQLite from EF's ToQueryString. The first two are the same on both engines; the totals
/// differ: on SQLite EF sums, compares and counts the decimals (stored as text) with functions it
/// adds to its connection, which <see cref="DirectDatabase"/> adds to the runner's too. The template
/// version's indicators are not among them: a version never changes, and the app reads its
/// indicators once (TemplateIndicators).
/// </summary>
internal static class ConsolidatedSql
{
    private static readonly string[] Common =
    [
        """
        SELECT r."Id", r."CommitteeId", r."CreatedAt", r."CreatedBy", r."CutoffFrom", r."CutoffTo", r."Deadline", r."Kind", r."PeriodKind", r."PeriodNumber", r."PeriodYear", r."RegimeId", r."RemindedBeforeAt", r."RemindedOnAt", r."Reporters", r."TemplateVersionId", r."Title", c."Id", c."Abbreviation", c."CurrentTerm", c."DissolvedOn", c."DocumentSystem", c."EstablishedOn", c."FoldedName", c."Name", c."ParentId", c."Path", c."StandingAgencyId", c."StateNumbering", c."UnitId", c."Version", r0."Id", r0."CreatedAt", r0."CreatedBy", r0."Number", r0."TemplateId"
        FROM "ReportRequests" AS r
        INNER JOIN "Committees" AS c ON r."CommitteeId" = c."Id"
        INNER JOIN "ReportTemplateVersions" AS r0 ON r."TemplateVersionId" = r0."Id"
        WHERE r."Id" = @requestId
        LIMIT 1
        """,
        """
        SELECT s."Id", s."CommitteeId", s."AgencyId", CASE
            WHEN s."AgencyId" IS NULL THEN c."Name"
            ELSE a."Name"
        END, s."Status", s."FirstSubmittedAt", s."AcceptedAt"
        FROM "Submissions" AS s
        INNER JOIN "Committees" AS c ON s."CommitteeId" = c."Id"
        LEFT JOIN "Agencies" AS a ON s."AgencyId" = a."Id"
        WHERE s."RequestId" = @requestId
        """,
    ];

    private const string PostgresTotals = """
        SELECT s."IndicatorId", count(*) FILTER (WHERE s."Number" IS NOT NULL)::int, COALESCE(sum(s."Number"), 0.0), min(s."Number"), max(s."Number"), count(*) FILTER (WHERE s."Number" IS NOT NULL OR s."Text" IS NOT NULL)::int
        FROM "SubmissionValues" AS s
        WHERE s."SubmissionVersionId" IN (
            SELECT s0."AcceptedVersionId"
            FROM "Submissions" AS s0
            WHERE s0."RequestId" = @requestId AND s0."AcceptedVersionId" IS NOT NULL
        )
        GROUP BY s."IndicatorId"
        """;

    private const string SqliteTotals = """
        SELECT "s"."IndicatorId", COUNT(CASE
            WHEN "s"."Number" IS NOT NULL THEN 1
        END), COALESCE(ef_sum("s"."Number"), '0.0'), ef_min("s"."Number"), ef_max("s"."Number"), COUNT(CASE
            WHEN "s"."Number" IS NOT NULL OR "s"."Text" IS NOT NULL THEN 1
        END)
        FROM "SubmissionValues" AS "s"
        WHERE "s"."SubmissionVersionId" IN (
            SELECT "s0"."AcceptedVersionId"
            FROM "Submissions" AS "s0"
            WHERE "s0"."RequestId" = @requestId AND "s0"."AcceptedVersionId" IS NOT NULL
        )
        GROUP BY "s"."IndicatorId"
        """;

    public static IReadOnlyList<string> For(string provider) => [.. Common, provider == "postgres" ? PostgresTotals : SqliteTotals];
}
