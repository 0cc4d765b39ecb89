using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SteerCo.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DocumentSearchByDate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Documents_CommitteeId_IssuedOn",
                table: "Documents");

            migrationBuilder.DropIndex(
                name: "IX_Documents_IssuedOn",
                table: "Documents");

            migrationBuilder.CreateIndex(
                name: "IX_Documents_CommitteeId_IssuedOn_Id",
                table: "Documents",
                columns: new[] { "CommitteeId", "IssuedOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_IssuedOn_Id",
                table: "Documents",
                columns: new[] { "IssuedOn", "Id" });

            // The full-text index again, now ordered and scoped (DocumentSearch.cs reads it):
            //  - rowid is the search key: days from 1970-01-01 to IssuedOn, times 2^32, plus Id. FTS5
            //    returns matches in rowid order, so "newest first" is its natural order (rowid DESC,
            //    ties by Id like the register) and a date range is a rowid range: a page of a
            //    common word reads 26 matches, not all of them, and a rare word reads only its own.
            //  - Scope holds the reader tokens of the document (see DocumentSearchScope): o{committee}
            //    (its own committee), s{id} for the committee and each one above it (in their
            //    subtrees), and h{committee} when it is shared with the subtree. A reader's scope
            //    is then part of the MATCH, which FTS5 intersects inside the index.
            //  - prefix='2 3': prefix indexes, so "kiem*" reads one entry instead of merging every
            //    word that starts with it.
            // Committees never move (their path is set once), so the tokens change only with the
            // document's own committee or visibility, which the update trigger watches.
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Documents_SearchDelete";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Documents_SearchUpdate";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Documents_SearchInsert";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "DocumentSearch";""");
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "DocumentSearch" USING fts5(
                    "SearchText", "Scope", content='', contentless_delete=1, prefix='2 3',
                    tokenize='unicode61 remove_diacritics 0');
                """);
            migrationBuilder.Sql($"""
                INSERT INTO "DocumentSearch"(rowid, "SearchText", "Scope")
                SELECT {Key("d")}, d."SearchText", {Scope("d")}
                FROM "Documents" d JOIN "Committees" c ON c."Id" = d."CommitteeId"
                WHERE d."DeletedAt" IS NULL;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Documents_SearchInsert" AFTER INSERT ON "Documents" WHEN new."DeletedAt" IS NULL
                BEGIN
                    INSERT INTO "DocumentSearch"(rowid, "SearchText", "Scope")
                    SELECT {Key("new")}, new."SearchText", {Scope("new")} FROM "Committees" c WHERE c."Id" = new."CommitteeId";
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Documents_SearchUpdate" AFTER UPDATE OF "SearchText", "DeletedAt", "IssuedOn", "CommitteeId", "Visibility" ON "Documents"
                BEGIN
                    DELETE FROM "DocumentSearch" WHERE rowid = {Key("old")};
                    INSERT INTO "DocumentSearch"(rowid, "SearchText", "Scope")
                    SELECT {Key("new")}, new."SearchText", {Scope("new")} FROM "Committees" c WHERE c."Id" = new."CommitteeId" AND new."DeletedAt" IS NULL;
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Documents_SearchDelete" AFTER DELETE ON "Documents"
                BEGIN
                    DELETE FROM "DocumentSearch" WHERE rowid = {Key("old")};
                END;
                """);
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "DocumentSearchTerms" USING fts5vocab('DocumentSearch', 'row');
                """);
        }

        /// <summary>The search key of row <paramref name="row"/>: (days since 1970-01-01) * 2^32 + Id.</summary>
        private static string Key(string row) => $"""((CAST(julianday({row}."IssuedOn") - 2440587.5 AS INTEGER) << 32) + {row}."Id")""";

        /// <summary>The reader tokens of row <paramref name="row"/> whose committee is c.</summary>
        private static string Scope(string row) =>
            $"""'o' || {row}."CommitteeId" || ' s' || replace(trim(c."Path", '/'), '/', ' s') || CASE WHEN {row}."Visibility" = 'Subtree' THEN ' h' || {row}."CommitteeId" ELSE '' END""";

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Documents_CommitteeId_IssuedOn_Id",
                table: "Documents");

            migrationBuilder.DropIndex(
                name: "IX_Documents_IssuedOn_Id",
                table: "Documents");

            migrationBuilder.CreateIndex(
                name: "IX_Documents_CommitteeId_IssuedOn",
                table: "Documents",
                columns: new[] { "CommitteeId", "IssuedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_IssuedOn",
                table: "Documents",
                column: "IssuedOn");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "DocumentSearchTerms";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Documents_SearchDelete";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Documents_SearchUpdate";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Documents_SearchInsert";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "DocumentSearch";""");
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "DocumentSearch" USING fts5(
                    "SearchText", content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');
                """);
            migrationBuilder.Sql("""
                INSERT INTO "DocumentSearch"(rowid, "SearchText")
                SELECT "Id", "SearchText" FROM "Documents" WHERE "DeletedAt" IS NULL;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Documents_SearchInsert" AFTER INSERT ON "Documents" WHEN new."DeletedAt" IS NULL
                BEGIN
                    INSERT INTO "DocumentSearch"(rowid, "SearchText") VALUES (new."Id", new."SearchText");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Documents_SearchUpdate" AFTER UPDATE OF "SearchText", "DeletedAt" ON "Documents"
                BEGIN
                    DELETE FROM "DocumentSearch" WHERE rowid = old."Id";
                    INSERT INTO "DocumentSearch"(rowid, "SearchText") SELECT new."Id", new."SearchText" WHERE new."DeletedAt" IS NULL;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Documents_SearchDelete" AFTER DELETE ON "Documents"
                BEGIN
                    DELETE FROM "DocumentSearch" WHERE rowid = old."Id";
                END;
                """);
        }
    }
}
