using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SteerCo.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReportReporters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Submissions_RequestId_CommitteeId",
                table: "Submissions");

            migrationBuilder.AddColumn<int>(
                name: "AgencyId",
                table: "Submissions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reporters",
                table: "ReportRequests",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Committees");

            migrationBuilder.AddColumn<string>(
                name: "Reporters",
                table: "ReportingRegimes",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Committees");

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_AgencyId",
                table: "Submissions",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_RequestId_AgencyId",
                table: "Submissions",
                columns: new[] { "RequestId", "AgencyId" },
                unique: true,
                filter: "\"AgencyId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_RequestId_CommitteeId",
                table: "Submissions",
                columns: new[] { "RequestId", "CommitteeId" },
                unique: true,
                filter: "\"AgencyId\" IS NULL");

            migrationBuilder.AddForeignKey(
                name: "FK_Submissions_Agencies_AgencyId",
                table: "Submissions",
                column: "AgencyId",
                principalTable: "Agencies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Submissions_Agencies_AgencyId",
                table: "Submissions");

            migrationBuilder.DropIndex(
                name: "IX_Submissions_AgencyId",
                table: "Submissions");

            migrationBuilder.DropIndex(
                name: "IX_Submissions_RequestId_AgencyId",
                table: "Submissions");

            migrationBuilder.DropIndex(
                name: "IX_Submissions_RequestId_CommitteeId",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "AgencyId",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "Reporters",
                table: "ReportRequests");

            migrationBuilder.DropColumn(
                name: "Reporters",
                table: "ReportingRegimes");

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_RequestId_CommitteeId",
                table: "Submissions",
                columns: new[] { "RequestId", "CommitteeId" },
                unique: true);
        }
    }
}
