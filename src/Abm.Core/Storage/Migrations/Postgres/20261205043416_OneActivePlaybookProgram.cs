using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Abm.Core.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OneActivePlaybookProgram : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Databases written before this index may hold duplicate active programs from racing
            // starts. The oldest one keeps running and the newer copies are marked completed,
            // so the unique index can be created and no row is deleted.
            migrationBuilder.Sql(
                """
                UPDATE "PlaybookPrograms" SET "Status" = 'Completed', "CompletedAt" = "StartedAt"
                WHERE "Status" = 'Active' AND EXISTS (
                    SELECT 1 FROM "PlaybookPrograms" AS older
                    WHERE older."AccountId" = "PlaybookPrograms"."AccountId"
                      AND older."TemplateId" = "PlaybookPrograms"."TemplateId"
                      AND older."Status" = 'Active'
                      AND older."Id" < "PlaybookPrograms"."Id")
                """);

            migrationBuilder.CreateIndex(
                name: "IX_PlaybookPrograms_OneActive",
                table: "PlaybookPrograms",
                columns: new[] { "AccountId", "TemplateId" },
                unique: true,
                filter: "\"Status\" = 'Active'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PlaybookPrograms_OneActive",
                table: "PlaybookPrograms");
        }
    }
}
