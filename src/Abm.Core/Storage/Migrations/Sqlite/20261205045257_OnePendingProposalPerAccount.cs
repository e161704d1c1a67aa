using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Abm.Core.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OnePendingProposalPerAccount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AccountKey",
                table: "TargetListProposals",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            // Fill the key the way TargetListService builds it. Newer pending duplicates left
            // from racing proposals keep a null key, so the unique index can be created and
            // every pending proposal stays pending.
            migrationBuilder.Sql(
                """
                UPDATE "TargetListProposals" SET "AccountKey" = COALESCE(
                    "AccountId",
                    CASE WHEN "AccountDomain" IS NULL OR "AccountDomain" = ''
                        THEN 'name:' || lower(trim("AccountName"))
                        ELSE 'domain:' || "AccountDomain" END)
                """);
            migrationBuilder.Sql(
                """
                UPDATE "TargetListProposals" SET "AccountKey" = NULL
                WHERE "Status" = 'Pending' AND EXISTS (
                    SELECT 1 FROM "TargetListProposals" AS older
                    WHERE older."AccountKey" = "TargetListProposals"."AccountKey"
                      AND older."Status" = 'Pending'
                      AND older."Id" < "TargetListProposals"."Id")
                """);

            migrationBuilder.CreateIndex(
                name: "IX_TargetListProposals_OnePending",
                table: "TargetListProposals",
                column: "AccountKey",
                unique: true,
                filter: "\"Status\" = 'Pending'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TargetListProposals_OnePending",
                table: "TargetListProposals");

            migrationBuilder.DropColumn(
                name: "AccountKey",
                table: "TargetListProposals");
        }
    }
}
