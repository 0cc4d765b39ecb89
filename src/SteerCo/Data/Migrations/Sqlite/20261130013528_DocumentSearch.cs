using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SteerCo.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DocumentSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Full-text index over Documents.SearchText, which C# has already folded (no marks,
            // đ→d, lower case): unicode61 only has to cut it into runs of letters and digits.
            // Contentless with contentless_delete: the text lives once, in Documents, and a row
            // can be removed by rowid alone. Soft-deleted documents are kept out of the index;
            // queries also test DeletedAt.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "DocumentSearch" USING fts5(
                    "SearchText", content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');
                """);
            migrationBuilder.Sql("""
                INSERT INTO "DocumentSearch"(rowid, "SearchText")
                SELECT "Id", "SearchText" FROM "Documents" WHERE "DeletedAt" IS NULL;
                """);
            // The triggers live on Documents: a later migration that makes EF rebuild that table
            // drops them, and must create them again (the DocumentSearch tests check they exist).
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

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Documents_SearchDelete";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Documents_SearchUpdate";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Documents_SearchInsert";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "DocumentSearch";""");
        }
    }
}
