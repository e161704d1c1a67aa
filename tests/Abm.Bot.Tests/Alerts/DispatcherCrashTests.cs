using System.Diagnostics;
using Abm.Core.Alerts;
using Abm.Core.Domain;
using Abm.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Abm.Bot.Tests.Alerts;

/// <summary>
/// The built <c>abm</c> runs as a child process against a SQLite file and the loopback fakes; it is
/// killed by PID while a message is on the wire, then started again.
/// </summary>
public sealed class DispatcherCrashTests : IAsyncLifetime
{
    private const int AlertsPerConversation = 8;
    private static readonly string[] SlackChannels = ["C-crash-1", "C-crash-2"];

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), "abm-crash-test-" + Guid.NewGuid().ToString("N") + ".db");
    private readonly List<Process> _processes = [];
    private FakeChatServices _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeChatServices.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var process in _processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }

        await _fake.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_databasePath);
    }

    [Fact]
    public async Task KilledMidDelivery_RestartDeliversEveryAlert_DuplicatesOnlyInCrashWindow()
    {
        var alerts = await PrepareDatabaseAsync();
        _fake.HoldAtCount = 6;

        var first = Start();
        var held = await _fake.Held.Task.WaitAsync(TimeSpan.FromSeconds(120));
        first.Kill(entireProcessTree: true);
        await first.WaitForExitAsync();
        var crashWindow = await DeliveredButNotMarkedSentAsync();

        _fake.HoldAtCount = null;
        Start();
        await _fake.WaitForAsync(d => alerts.All(id => d.Any(m => m.AlertId == id)), seconds: 120);
        var duplicates = _fake.Delivered.GroupBy(d => d.AlertId!.Value).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();

        Assert.Equal(alerts.Order(), _fake.Delivered.Select(d => d.AlertId!.Value).Distinct().Order());
        Assert.Subset(crashWindow, duplicates);
        Assert.Contains(held.AlertId!.Value, duplicates);
    }

    /// <summary>Alerts the fake accepted whose outbox row the killed process never marked sent: the documented crash window.</summary>
    private async Task<HashSet<long>> DeliveredButNotMarkedSentAsync()
    {
        await using var db = CreateContext();
        var unsent = await db.AlertOutbox.Where(o => o.Status != OutboxStatus.Sent).Select(o => o.AlertId).ToListAsync();
        return _fake.Delivered.Select(d => d.AlertId!.Value).Where(unsent.Contains).ToHashSet();
    }

    private async Task<List<long>> PrepareDatabaseAsync()
    {
        await using (var db = CreateContext())
        {
            await db.Database.MigrateAsync();
            db.ConversationReferences.Add(new ConversationReference
            {
                Channel = OutboxPlanner.Teams,
                ConversationId = AlertTestHost.TeamsChannel,
                ServiceUrl = _fake.BaseUrl,
                ConversationType = "channel",
                UpdatedAt = DateTimeOffset.UtcNow,
            });
            foreach (var (channel, conversation) in SlackChannels.Select(c => (OutboxPlanner.Slack, c)).Append((OutboxPlanner.Teams, AlertTestHost.TeamsChannel)))
            {
                db.AlertSubscriptions.Add(new AlertSubscription { Channel = channel, ConversationId = conversation, CreatedAt = DateTimeOffset.UtcNow });
            }

            await db.SaveChangesAsync();
        }

        var alerts = new List<long>();
        await using (var db = CreateContext())
        {
            foreach (var id in await db.AlertSubscriptions.Select(s => s.Id).ToListAsync())
            {
                alerts.AddRange(await AlertTestHost.QueueAlertsAsync(CreateContext, id, AlertsPerConversation));
            }
        }

        return alerts;
    }

    private AbmDbContext CreateContext() =>
        new SqliteAbmDbContext(new DbContextOptionsBuilder<SqliteAbmDbContext>().UseSqlite("Data Source=" + _databasePath).Options);

    private Process Start()
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetTempPath(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "abm.dll"));
        startInfo.ArgumentList.Add("serve");
        startInfo.ArgumentList.Add("--urls");
        startInfo.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var (key, value) in AlertTestHost.Settings(_fake, _databasePath))
        {
            startInfo.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        // Small batches, so the kill lands with rows claimed but not yet sent.
        startInfo.Environment["Abm__Alerts__Dispatch__BatchSize"] = "4";
        startInfo.Environment["Abm__Alerts__Dispatch__PollInterval"] = "00:00:00.200";
        var process = Process.Start(startInfo)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes.Add(process);
        return process;
    }
}
