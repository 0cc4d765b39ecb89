using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SteerCo.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DocumentSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Documents.SearchText is already folded in C# (no marks, đ→d, lower case), so the
            // 'simple' configuration (lower case, no stemming, no stop words) is all it needs:
            // unaccent would find nothing left to remove, and being STABLE rather than IMMUTABLE
            // it would need a wrapper to be allowed in a generated column. One fold, in one place,
            // also keeps SQLite and PostgreSQL finding the same documents.
            // Everything but letters and digits becomes a space first, as FTS5's unicode61 cuts
            // text: PostgreSQL's parser would otherwise keep "40/qd-bcd" as a path, hyphenated
            // words as compounds, and (in a C locale) curly quotes inside words.
            // A tsvector holds at most 1 MB and positions stop at 16,383: the first 300,000
            // characters (about 150 pages) are indexed, which no adversarial text can push past 1 MB.
            // The column is not in the EF model: EF never reads or writes it.
            migrationBuilder.Sql("""
                ALTER TABLE "Documents" ADD COLUMN "SearchVector" tsvector
                    GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, regexp_replace(left("SearchText", 300000), '[^[:alnum:]]+', ' ', 'g'))) STORED;
                """);
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Documents_SearchVector" ON "Documents" USING GIN ("SearchVector");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Documents_SearchVector";""");
            migrationBuilder.Sql("""ALTER TABLE "Documents" DROP COLUMN IF EXISTS "SearchVector";""");
        }
    }
}
