using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Abm.Core.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TargetListApprovals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TargetListAudit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProposalId = table.Column<long>(type: "INTEGER", nullable: true),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    AccountName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TargetListAudit", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TargetListProposalMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProposalId = table.Column<long>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TargetListProposalMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TargetListProposals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    AccountName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AccountDomain = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RequesterId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Rationale = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ApproverIds = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DeciderId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RejectReason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    DecisionComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TargetListProposals", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TargetListAudit_AccountId_At",
                table: "TargetListAudit",
                columns: new[] { "AccountId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_TargetListAudit_ProposalId",
                table: "TargetListAudit",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_TargetListProposalMessages_ProposalId",
                table: "TargetListProposalMessages",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_TargetListProposals_AccountId",
                table: "TargetListProposals",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_TargetListProposals_Status_CreatedAt",
                table: "TargetListProposals",
                columns: new[] { "Status", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TargetListAudit");

            migrationBuilder.DropTable(
                name: "TargetListProposalMessages");

            migrationBuilder.DropTable(
                name: "TargetListProposals");
        }
    }
}
