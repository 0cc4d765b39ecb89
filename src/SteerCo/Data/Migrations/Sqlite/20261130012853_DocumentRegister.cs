using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SteerCo.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DocumentRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "StateNumbering",
                table: "Committees",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                defaultValue: "OneSeries");

            migrationBuilder.CreateTable(
                name: "NumberSeries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CommitteeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    LastNumber = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NumberSeries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NumberSeries_Committees_CommitteeId",
                        column: x => x.CommitteeId,
                        principalTable: "Committees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NumberReservations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SeriesId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Symbol = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReservedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ReservedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NumberReservations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NumberReservations_NumberSeries_SeriesId",
                        column: x => x.SeriesId,
                        principalTable: "NumberSeries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Documents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CommitteeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Symbol = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Number = table.Column<int>(type: "INTEGER", nullable: true),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IssuedYear = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IssuerKind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    IssuerCommitteeId = table.Column<int>(type: "INTEGER", nullable: true),
                    IssuerAgencyId = table.Column<int>(type: "INTEGER", nullable: true),
                    IssuerName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SignerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SignerTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SigningAuthority = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Recipients = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Body = table.Column<string>(type: "TEXT", nullable: true),
                    SearchText = table.Column<string>(type: "TEXT", nullable: false),
                    Visibility = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ReservationId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    DeletedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Documents_Agencies_IssuerAgencyId",
                        column: x => x.IssuerAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Documents_Committees_CommitteeId",
                        column: x => x.CommitteeId,
                        principalTable: "Committees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Documents_Committees_IssuerCommitteeId",
                        column: x => x.IssuerCommitteeId,
                        principalTable: "Committees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Documents_NumberReservations_ReservationId",
                        column: x => x.ReservationId,
                        principalTable: "NumberReservations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DocumentFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    ExtractedText = table.Column<string>(type: "TEXT", nullable: true),
                    UploadedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DeletedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DocumentFiles_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DocumentRelations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    RelatedDocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentRelations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DocumentRelations_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DocumentRelations_Documents_RelatedDocumentId",
                        column: x => x.RelatedDocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentFiles_DocumentId",
                table: "DocumentFiles",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentFiles_Sha256",
                table: "DocumentFiles",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentRelations_DocumentId_RelatedDocumentId_Kind",
                table: "DocumentRelations",
                columns: new[] { "DocumentId", "RelatedDocumentId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DocumentRelations_RelatedDocumentId_Kind",
                table: "DocumentRelations",
                columns: new[] { "RelatedDocumentId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_CommitteeId_Direction_IssuedYear_Symbol",
                table: "Documents",
                columns: new[] { "CommitteeId", "Direction", "IssuedYear", "Symbol" },
                unique: true,
                filter: "\"Symbol\" IS NOT NULL AND \"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Documents_CommitteeId_IssuedOn",
                table: "Documents",
                columns: new[] { "CommitteeId", "IssuedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_IssuedOn",
                table: "Documents",
                column: "IssuedOn");

            migrationBuilder.CreateIndex(
                name: "IX_Documents_IssuerAgencyId",
                table: "Documents",
                column: "IssuerAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Documents_IssuerCommitteeId",
                table: "Documents",
                column: "IssuerCommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_Documents_ReservationId",
                table: "Documents",
                column: "ReservationId");

            migrationBuilder.CreateIndex(
                name: "IX_NumberReservations_SeriesId_Number",
                table: "NumberReservations",
                columns: new[] { "SeriesId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NumberSeries_CommitteeId_Key",
                table: "NumberSeries",
                columns: new[] { "CommitteeId", "Key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DocumentFiles");

            migrationBuilder.DropTable(
                name: "DocumentRelations");

            migrationBuilder.DropTable(
                name: "Documents");

            migrationBuilder.DropTable(
                name: "NumberReservations");

            migrationBuilder.DropTable(
                name: "NumberSeries");

            migrationBuilder.DropColumn(
                name: "StateNumbering",
                table: "Committees");
        }
    }
}
