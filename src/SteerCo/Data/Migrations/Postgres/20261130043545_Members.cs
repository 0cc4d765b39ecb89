using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace SteerCo.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Members : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "People",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FullName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FoldedName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    JobTitle = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UserId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_People", x => x.Id);
                    table.ForeignKey(
                        name: "FK_People_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_People_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Posts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:IdentitySequenceOptions", "'101', '1', '', '', 'False', '1'")
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CommitteeId = table.Column<int>(type: "integer", nullable: true),
                    Code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Required = table.Column<bool>(type: "boolean", nullable: false),
                    SingleHolder = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Posts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Posts_Committees_CommitteeId",
                        column: x => x.CommitteeId,
                        principalTable: "Committees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Reconstitutions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CommitteeId = table.Column<int>(type: "integer", nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    DecisionDocumentId = table.Column<int>(type: "integer", nullable: true),
                    BaseFingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AppliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AppliedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reconstitutions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reconstitutions_Committees_CommitteeId",
                        column: x => x.CommitteeId,
                        principalTable: "Committees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Reconstitutions_Documents_DecisionDocumentId",
                        column: x => x.DecisionDocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Memberships",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<int>(type: "integer", nullable: false),
                    PostId = table.Column<int>(type: "integer", nullable: false),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    JobTitle = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    AppointingDocumentId = table.Column<int>(type: "integer", nullable: true),
                    EndingDocumentId = table.Column<int>(type: "integer", nullable: true),
                    StartedByReconstitutionId = table.Column<int>(type: "integer", nullable: true),
                    EndedByReconstitutionId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Memberships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Memberships_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Memberships_Committees_CommitteeId",
                        column: x => x.CommitteeId,
                        principalTable: "Committees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Memberships_Documents_AppointingDocumentId",
                        column: x => x.AppointingDocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Memberships_Documents_EndingDocumentId",
                        column: x => x.EndingDocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Memberships_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Memberships_Posts_PostId",
                        column: x => x.PostId,
                        principalTable: "Posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Memberships_Reconstitutions_EndedByReconstitutionId",
                        column: x => x.EndedByReconstitutionId,
                        principalTable: "Reconstitutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Memberships_Reconstitutions_StartedByReconstitutionId",
                        column: x => x.StartedByReconstitutionId,
                        principalTable: "Reconstitutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReconstitutionLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReconstitutionId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    PostId = table.Column<int>(type: "integer", nullable: false),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    JobTitle = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReconstitutionLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReconstitutionLines_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReconstitutionLines_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReconstitutionLines_Posts_PostId",
                        column: x => x.PostId,
                        principalTable: "Posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReconstitutionLines_Reconstitutions_ReconstitutionId",
                        column: x => x.ReconstitutionId,
                        principalTable: "Reconstitutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "Posts",
                columns: new[] { "Id", "Code", "CommitteeId", "Name", "Order", "Required", "SingleHolder" },
                values: new object[,]
                {
                    { 1, "Chair", null, "Trưởng ban", 10, true, true },
                    { 2, "StandingDeputy", null, "Phó Trưởng ban Thường trực", 20, false, false },
                    { 3, "Deputy", null, "Phó Trưởng ban", 30, false, false },
                    { 4, "Member", null, "Ủy viên", 40, false, false },
                    { 5, "TeamLeader", null, "Tổ trưởng Tổ giúp việc", 50, false, false },
                    { 6, "TeamDeputy", null, "Tổ phó Tổ giúp việc", 60, false, false },
                    { 7, "TeamMember", null, "Thành viên Tổ giúp việc", 70, false, false },
                    { 8, "Secretary", null, "Thư ký", 80, false, false }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_AgencyId",
                table: "Memberships",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_AppointingDocumentId",
                table: "Memberships",
                column: "AppointingDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_CommitteeId_EndDate",
                table: "Memberships",
                columns: new[] { "CommitteeId", "EndDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_CommitteeId_StartDate_EndDate",
                table: "Memberships",
                columns: new[] { "CommitteeId", "StartDate", "EndDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_EndedByReconstitutionId",
                table: "Memberships",
                column: "EndedByReconstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_EndingDocumentId",
                table: "Memberships",
                column: "EndingDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_PersonId_StartDate",
                table: "Memberships",
                columns: new[] { "PersonId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_PostId",
                table: "Memberships",
                column: "PostId");

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_StartedByReconstitutionId",
                table: "Memberships",
                column: "StartedByReconstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_People_AgencyId_FoldedName",
                table: "People",
                columns: new[] { "AgencyId", "FoldedName" });

            migrationBuilder.CreateIndex(
                name: "IX_People_UserId",
                table: "People",
                column: "UserId",
                unique: true,
                filter: "\"UserId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Posts_Code",
                table: "Posts",
                column: "Code",
                unique: true,
                filter: "\"Code\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Posts_CommitteeId_Order",
                table: "Posts",
                columns: new[] { "CommitteeId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_ReconstitutionLines_AgencyId",
                table: "ReconstitutionLines",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_ReconstitutionLines_PersonId",
                table: "ReconstitutionLines",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ReconstitutionLines_PostId",
                table: "ReconstitutionLines",
                column: "PostId");

            migrationBuilder.CreateIndex(
                name: "IX_ReconstitutionLines_ReconstitutionId_PersonId",
                table: "ReconstitutionLines",
                columns: new[] { "ReconstitutionId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reconstitutions_CommitteeId_Status",
                table: "Reconstitutions",
                columns: new[] { "CommitteeId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Reconstitutions_DecisionDocumentId",
                table: "Reconstitutions",
                column: "DecisionDocumentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Memberships");

            migrationBuilder.DropTable(
                name: "ReconstitutionLines");

            migrationBuilder.DropTable(
                name: "People");

            migrationBuilder.DropTable(
                name: "Posts");

            migrationBuilder.DropTable(
                name: "Reconstitutions");
        }
    }
}
