using Abm.Core.Alerts;
using Abm.Core.Domain;
using Abm.Core.Ingestion;
using Abm.Core.Scoring;
using Abm.Core.Storage;
using Abm.Core.Tests.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Abm.Core.Tests.Alerts;

/// <summary>A migrated in-memory database, a fake clock and the alerting core wired over them.</summary>
public sealed class AlertFixture : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly TestDatabase _database = new();

    public AlertFixture(AlertRulesOptions? rules = null)
    {
        Rules = rules ?? new AlertRulesOptions();
        // Pinned, so the tests do not move when the default scoring curve is tuned.
        var scoring = new ScoringOptions();
        scoring.Engagement.Scale = 100;
        Contexts = new Factory(_database);
        var evaluator = new AlertEvaluator(
            new EngagementScorer(new AesModel(scoring)),
            new FitScorer(scoring),
            new AlertRuleEngine(Rules),
            new OutboxPlanner(Rules),
            NullLogger<AlertEvaluator>.Instance);
        Ingestor = new EventIngestor(Contexts, evaluator, new IngestionOptions(), Time, NullLogger<EventIngestor>.Instance);
        Reevaluator = new AlertReevaluator(Contexts, evaluator, Time, NullLogger<AlertReevaluator>.Instance);
        Keys = new ApiKeyStore(Contexts, Time, NullLogger<ApiKeyStore>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public AlertRulesOptions Rules { get; }

    public IDbContextFactory<AbmDbContext> Contexts { get; }

    public EventIngestor Ingestor { get; }

    public AlertReevaluator Reevaluator { get; }

    public ApiKeyStore Keys { get; }

    public AbmDbContext Db() => _database.CreateContext();

    /// <summary>Adds an account (tier A by default: software, 5,000 staff, $1B, North America) and its owner.</summary>
    public void AddAccount(string id, string region = "EMEA", string industry = "Software", int employees = 5000, string? ownerTeamsId = null)
    {
        using var db = Db();
        db.People.Add(new Person { Id = "owner-" + id, Name = "Owner of " + id, Team = "Enterprise", TeamsUserId = ownerTeamsId });
        db.Accounts.Add(new Account
        {
            Id = id,
            Name = "Account " + id,
            Domain = id + ".example",
            Industry = industry,
            Employees = employees,
            AnnualRevenueUsd = 1_000_000_000m,
            Country = "Germany",
            Region = region,
            OwnerId = "owner-" + id,
        });
        db.SaveChanges();
    }

    public void AddSubscription(AlertSubscription subscription)
    {
        using var db = Db();
        db.AlertSubscriptions.Add(subscription);
        db.SaveChanges();
    }

    /// <summary>Ingests anonymous events of one type at the current fake time.</summary>
    public Task<IngestionResult> IngestAsync(string accountId, string type, int count, string prefix = "e")
    {
        var json = string.Join(",", Enumerable.Range(0, count).Select(i =>
            $$"""{"id":"{{prefix}}-{{accountId}}-{{i}}","accountId":"{{accountId}}","type":"{{type}}","occurredAt":"{{Time.GetUtcNow().AddSeconds(-i):O}}"}"""));
        return Ingestor.IngestAsync("test", EventPayload.Parse(System.Text.Encoding.UTF8.GetBytes("[" + json + "]")), CancellationToken.None);
    }

    public List<Alert> Alerts()
    {
        using var db = Db();
        return db.Alerts.AsNoTracking().OrderBy(a => a.Id).ToList();
    }

    public List<OutboxMessage> Outbox()
    {
        using var db = Db();
        return db.AlertOutbox.AsNoTracking().OrderBy(o => o.Id).ToList();
    }

    public void Dispose() => _database.Dispose();

    private sealed class Factory(TestDatabase database) : IDbContextFactory<AbmDbContext>
    {
        public AbmDbContext CreateDbContext() => database.CreateContext();
    }
}
