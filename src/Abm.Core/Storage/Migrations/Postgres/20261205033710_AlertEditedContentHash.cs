using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Abm.Core.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AlertEditedContentHash : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EditedContentHash",
                table: "AlertOutbox",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EditedContentHash",
                table: "AlertOutbox");
        }
    }
}
