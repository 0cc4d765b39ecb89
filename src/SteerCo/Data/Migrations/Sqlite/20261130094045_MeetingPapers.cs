using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SteerCo.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MeetingPapers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "InvitationDocumentId",
                table: "Meetings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MinutesDocumentId",
                table: "Meetings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecorderName",
                table: "Meetings",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_InvitationDocumentId",
                table: "Meetings",
                column: "InvitationDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_MinutesDocumentId",
                table: "Meetings",
                column: "MinutesDocumentId");

            migrationBuilder.AddForeignKey(
                name: "FK_Meetings_Documents_InvitationDocumentId",
                table: "Meetings",
                column: "InvitationDocumentId",
                principalTable: "Documents",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Meetings_Documents_MinutesDocumentId",
                table: "Meetings",
                column: "MinutesDocumentId",
                principalTable: "Documents",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Meetings_Documents_InvitationDocumentId",
                table: "Meetings");

            migrationBuilder.DropForeignKey(
                name: "FK_Meetings_Documents_MinutesDocumentId",
                table: "Meetings");

            migrationBuilder.DropIndex(
                name: "IX_Meetings_InvitationDocumentId",
                table: "Meetings");

            migrationBuilder.DropIndex(
                name: "IX_Meetings_MinutesDocumentId",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "InvitationDocumentId",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "MinutesDocumentId",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "RecorderName",
                table: "Meetings");
        }
    }
}
