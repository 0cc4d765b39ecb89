using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SteerCo.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NotificationsOfAnAgency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AgencyId",
                table: "Notifications",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_AgencyId",
                table: "Notifications",
                column: "AgencyId");

            migrationBuilder.AddForeignKey(
                name: "FK_Notifications_Agencies_AgencyId",
                table: "Notifications",
                column: "AgencyId",
                principalTable: "Agencies",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            // The notices already sent about a member agency's report ("/Reporting/Submission/ID") are that agency's.
            migrationBuilder.Sql("""
                UPDATE "Notifications" AS n SET "AgencyId" = s."AgencyId" FROM "Submissions" AS s
                WHERE n."Link" LIKE '/Reporting/Submission/%' AND s."Id" = CAST(substring(n."Link" from 23) AS integer) AND s."AgencyId" IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Notifications_Agencies_AgencyId",
                table: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_AgencyId",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "AgencyId",
                table: "Notifications");
        }
    }
}
