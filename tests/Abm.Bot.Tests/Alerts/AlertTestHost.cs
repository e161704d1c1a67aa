using Abm.Bot.Hosting;
using Abm.Core.Alerts;
using Abm.Core.Domain;
using Abm.Core.Scoring;
using Abm.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Bot.Tests.Alerts;

/// <summary>The real bot host on loopback with a fresh SQLite file, sending alerts to <see cref="FakeChatServices"/>.</summary>
public sealed class AlertTestHost : IAsyncDisposable
{
    public const string TeamsChannel = "19:alerts@thread.tacv2";

    private readonly WebApplication _app;
    private readonly string _databasePath;

    private AlertTestHost(WebApplication app, string databasePath)
    {
        _app = app;
        _databasePath = databasePath;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>The configuration a host (in process or a child process) needs to send to the fakes.</summary>
    public static Dictionary<string, string?> Settings(FakeChatServices fake, string databasePath) => new()
    {
        ["Abm:Storage:ConnectionString"] = "Data Source=" + databasePath,
        ["Abm:Demo:SeedOnEmpty"] = "false",
        ["Abm:Slack:SigningSecret"] = "alerts-test-signing-secret",
        ["Abm:Slack:BotToken"] = FakeChatServices.SlackToken,
        ["Abm:Slack:ApiBaseUrl"] = fake.SlackApiUrl,
        ["Abm:Alerts:Dispatch:PollInterval"] = "00:00:00.100",
        ["Abm:Alerts:Dispatch:MaxRetryDelay"] = "00:00:01",
        ["Abm:Alerts:Dispatch:PerConversationInterval"] = "00:00:00",
        ["Abm:Alerts:Dispatch:Lease"] = "00:00:05",
        ["Abm:Alerts:Rules:DwellEvaluations"] = "1",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    public static async Task<AlertTestHost> StartAsync(FakeChatServices fake, IDictionary<string, string?>? extra = null)
    {
        var databasePath = Path.Combine(Path.GetTempPath(), "abm-alerts-test-" + Guid.NewGuid().ToString("N") + ".db");
        var settings = Settings(fake, databasePath);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var builder = BotHost.CreateBuilder([], b =>
        {
            b.WebHost.UseUrls("http://127.0.0.1:0");
            b.Configuration.AddInMemoryCollection(settings);
        });
        var app = BotHost.Build(builder);
        await app.StartAsync();
        var host = new AlertTestHost(app, databasePath);
        await host.SeedConversationsAsync(fake);
        return host;
    }

    public AbmDbContext Db() => Services.GetRequiredService<IDbContextFactory<AbmDbContext>>().CreateDbContext();

    /// <summary>Adds a subscription and returns its id.</summary>
    public async Task<long> SubscribeAsync(string channel, string conversation)
    {
        await using var db = Db();
        var subscription = new AlertSubscription { Channel = channel, ConversationId = conversation, CreatedAt = DateTimeOffset.UtcNow };
        db.AlertSubscriptions.Add(subscription);
        await db.SaveChangesAsync();
        return subscription.Id;
    }

    /// <summary>
    /// Queues <paramref name="count"/> alerts for a subscription, due now, as the evaluator would;
    /// with <paramref name="digestAt"/> as the lines of one digest.
    /// </summary>
    public Task<List<long>> QueueAlertsAsync(long subscriptionId, int count, DateTimeOffset? digestAt = null) => QueueAlertsAsync(Db, subscriptionId, count, digestAt);

    public static async Task<List<long>> QueueAlertsAsync(Func<AbmDbContext> contexts, long subscriptionId, int count, DateTimeOffset? digestAt = null)
    {
        await using var db = contexts();
        var subscription = await db.AlertSubscriptions.SingleAsync(s => s.Id == subscriptionId);
        var alerts = new List<Alert>();
        for (var i = 0; i < count; i++)
        {
            var alert = new Alert
            {
                AccountId = "acct-" + i,
                AccountName = "Account " + i,
                Rule = AlertRules.BandUp,
                RulesVersion = "test",
                OldBand = EngagementBand.Engaged,
                NewBand = EngagementBand.Hot,
                Score = 72,
                ScoreChange = 20,
                FitTier = FitTier.A,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            alerts.Add(alert);
            db.Alerts.Add(alert);
            db.AlertOutbox.Add(new OutboxMessage
            {
                Alert = alert,
                SubscriptionId = subscription.Id,
                Channel = subscription.Channel,
                Target = subscription.ConversationId,
                DigestAt = digestAt,
                CreatedAt = DateTimeOffset.UtcNow,
                DueAt = DateTimeOffset.UtcNow,
            });
        }

        await db.SaveChangesAsync();
        return alerts.Select(a => a.Id).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_databasePath);
    }

    private async Task SeedConversationsAsync(FakeChatServices fake)
    {
        await using var db = Db();
        db.ConversationReferences.Add(new ConversationReference
        {
            Channel = OutboxPlanner.Teams,
            ConversationId = TeamsChannel,
            ServiceUrl = fake.BaseUrl,
            ConversationType = "channel",
            TenantId = "tenant-1",
            BotId = "28:abm-bot",
            UpdatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>Queues one alert as a direct message to a user.</summary>
    public async Task<long> QueueDirectAsync(string channel, string userId)
    {
        await using var db = Db();
        var alert = new Alert { AccountId = "acct-direct", AccountName = "Direct", Rule = AlertRules.FirstEngagement, RulesVersion = "test", Urgent = true, CreatedAt = DateTimeOffset.UtcNow };
        db.Alerts.Add(alert);
        db.AlertOutbox.Add(new OutboxMessage { Alert = alert, Channel = channel, Target = userId, Direct = true, CreatedAt = DateTimeOffset.UtcNow, DueAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        return alert.Id;
    }
}
