using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SteerCo.Data.Migrations.Sqlite
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
                type: "INTEGER",
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
                UPDATE "Notifications" SET "AgencyId" = s."AgencyId" FROM "Submissions" AS s
                WHERE "Notifications"."Link" LIKE '/Reporting/Submission/%' AND s."Id" = CAST(substr("Notifications"."Link", 23) AS INTEGER) AND s."AgencyId" IS NOT NULL;
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
