using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SteerCo.Data.Migrations.Postgres
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

            // Reader tokens in the index (DocumentSearch.cs reads them): ScopeVector holds
            // o{committee} (its own committee), s{id} for the committee and each one above it (in
            // their subtrees), and h{committee} when it is shared with the subtree, so a reader's
            // scope is one more condition of the same GIN index as the words, which intersects
            // them inside the index: a common word in a province reads the province's matches,
            // not the country's. A trigger fills it from the committee's path, for the register's
            // inserts and the generator's COPY alike; committees never move (their path is set
            // once), so only the document's committee or visibility can change it.
            migrationBuilder.Sql("""ALTER TABLE "Documents" ADD COLUMN "ScopeVector" tsvector;""");
            migrationBuilder.Sql("""
                CREATE FUNCTION steerco_document_scope() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    SELECT to_tsvector('simple', 'o' || NEW."CommitteeId" || ' s' || replace(trim(both '/' from c."Path"), '/', ' s')
                        || CASE WHEN NEW."Visibility" = 'Subtree' THEN ' h' || NEW."CommitteeId" ELSE '' END)
                    INTO NEW."ScopeVector" FROM "Committees" c WHERE c."Id" = NEW."CommitteeId";
                    RETURN NEW;
                END
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Documents_Scope" BEFORE INSERT OR UPDATE OF "CommitteeId", "Visibility" ON "Documents"
                FOR EACH ROW EXECUTE FUNCTION steerco_document_scope();
                """);
            // Touching CommitteeId fires the trigger for every existing row.
            migrationBuilder.Sql("""UPDATE "Documents" SET "CommitteeId" = "CommitteeId";""");
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Documents_SearchVector";""");
            migrationBuilder.Sql("""CREATE INDEX "IX_Documents_SearchVector_ScopeVector" ON "Documents" USING GIN ("SearchVector", "ScopeVector");""");
        }

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

            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Documents_SearchVector_ScopeVector";""");
            migrationBuilder.Sql("""CREATE INDEX "IX_Documents_SearchVector" ON "Documents" USING GIN ("SearchVector");""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Documents_Scope" ON "Documents";""");
            migrationBuilder.Sql("""DROP FUNCTION IF EXISTS steerco_document_scope();""");
            migrationBuilder.Sql("""ALTER TABLE "Documents" DROP COLUMN IF EXISTS "ScopeVector";""");
        }
    }
}
