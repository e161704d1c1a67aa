using System.Globalization;
using Abm.Core.Alerts;
using Abm.Core.Domain;
using Abm.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Abm.AlertsLoad;

/// <summary>
/// A fresh SQLite database: background accounts that only ever get email opens (they stay cold),
/// one trigger account per expected alert (cold, no events), and one real-time Slack subscription
/// per channel, each filtered to one region. Accounts take the regions round robin, so
/// consecutive alerts go to different channels.
/// </summary>
internal static class LoadDatabase
{
    public static string TriggerId(int trigger) => "hot-" + trigger.ToString("000000", CultureInfo.InvariantCulture);

    public static string BackgroundId(int account) => "bg-" + account.ToString("000000", CultureInfo.InvariantCulture);

    public static string ChannelId(int channel) => "C-LOAD-" + channel.ToString("00", CultureInfo.InvariantCulture);

    public static async Task CreateAsync(string databasePath, LoadOptions options)
    {
        await using (var db = Open(databasePath))
        {
            await db.Database.MigrateAsync();
            for (var i = 0; i < options.BackgroundAccounts; i++)
            {
                db.Accounts.Add(new Account { Id = BackgroundId(i), Name = "Background " + i.ToString("000000", CultureInfo.InvariantCulture), Region = Region(i % options.Channels) });
            }

            for (var i = 0; i < options.ExpectedAlerts; i++)
            {
                db.Accounts.Add(new Account { Id = TriggerId(i), Name = "Hot trigger " + i.ToString("000000", CultureInfo.InvariantCulture), Region = Region(i % options.Channels) });
            }

            for (var c = 0; c < options.Channels; c++)
            {
                db.AlertSubscriptions.Add(new AlertSubscription
                {
                    Channel = OutboxPlanner.Slack,
                    ConversationId = ChannelId(c),
                    Region = Region(c),
                    Mode = DeliveryMode.RealTime,
                    CreatedAt = DateTimeOffset.UtcNow,
                });
            }

            await db.SaveChangesAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    /// <summary>Alerts the host raised, by rule.</summary>
    public static async Task<Dictionary<string, int>> AlertsByRuleAsync(string databasePath)
    {
        await using var db = Open(databasePath);
        var rules = await db.Alerts.AsNoTracking().Select(a => a.Rule).ToListAsync();
        return rules.GroupBy(r => r, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    private static string Region(int channel) => "LOAD-" + channel.ToString("00", CultureInfo.InvariantCulture);

    private static SqliteAbmDbContext Open(string databasePath) =>
        new(new DbContextOptionsBuilder<SqliteAbmDbContext>().UseSqlite("Data Source=" + databasePath).Options);
}
