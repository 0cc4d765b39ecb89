using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SteerCo.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SubmissionsByRequest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Submissions_RequestId_AcceptedVersionId",
                table: "Submissions",
                columns: new[] { "RequestId", "AcceptedVersionId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Submissions_RequestId_AcceptedVersionId",
                table: "Submissions");
        }
    }
}
