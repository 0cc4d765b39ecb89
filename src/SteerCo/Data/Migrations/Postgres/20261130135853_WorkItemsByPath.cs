using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SteerCo.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WorkItemsByPath : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_Path_Status_Due",
                table: "WorkItems",
                columns: new[] { "CommitteePath", "Status", "DueDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkItems_Path_Status_Due",
                table: "WorkItems");
        }
    }
}
