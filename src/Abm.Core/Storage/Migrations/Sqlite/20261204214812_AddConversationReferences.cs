using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Abm.Core.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddConversationReferences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConversationReferences",
                columns: table => new
                {
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    ServiceUrl = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    ConversationType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    TenantId = table.Column<string>(type: "TEXT", nullable: true),
                    TeamId = table.Column<string>(type: "TEXT", nullable: true),
                    ChannelId = table.Column<string>(type: "TEXT", nullable: true),
                    BotId = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConversationReferences", x => new { x.Channel, x.ConversationId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConversationReferences_TeamId",
                table: "ConversationReferences",
                column: "TeamId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConversationReferences");
        }
    }
}
