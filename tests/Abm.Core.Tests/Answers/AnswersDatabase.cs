using Abm.Core.Answers;
using Abm.Core.Domain;
using Abm.Core.Scoring;
using Abm.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Abm.Core.Tests.Answers;

/// <summary>
/// A small in-memory SQLite database with four accounts whose figures are computed by hand in
/// the tests, and an <see cref="Assistant"/> over it with a frozen clock.
/// </summary>
public sealed class AnswersDatabase : IDisposable
{
    /// <summary>The frozen instant every answer is computed as of.</summary>
    public static readonly DateTimeOffset AsOf = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    public static readonly Asker Ana = new("p-ana", "Ana Ruiz", "cli");

    private readonly SqliteConnection _connection = new("DataSource=:memory:");

    public AnswersDatabase()
    {
        _connection.Open();
        Contexts = new ContextFactory(new DbContextOptionsBuilder<AbmDbContext>().UseSqlite(_connection).Options);
        using (var db = Contexts.CreateDbContext())
        {
            db.Database.EnsureCreated();
            Seed(db);
        }

        Clock = new FakeTimeProvider(AsOf);
        var options = new ScoringOptions();
        var fit = new FitScorer(options);
        var engagement = new EngagementScorer(new AesModel(options));
        Portfolio = new PortfolioCache(Contexts, fit, engagement, Clock, NullLogger<PortfolioCache>.Instance);
        Assistant = new Assistant(
            new AccountRepository(Contexts),
            Portfolio,
            new AccountAnalyzer(fit, engagement),
            Clock,
            NullLogger<Assistant>.Instance);
    }

    public IDbContextFactory<AbmDbContext> Contexts { get; }

    public FakeTimeProvider Clock { get; }

    public Assistant Assistant { get; }

    public PortfolioCache Portfolio { get; }

    public void Dispose()
    {
        Portfolio.Dispose();
        _connection.Dispose();
    }

    private static void Seed(AbmDbContext db)
    {
        db.People.AddRange(
            new Person { Id = "p-ana", Name = "Ana Ruiz", Email = "ana@example.com", Role = PersonRole.Rep },
            new Person { Id = "p-ben", Name = "Ben Okafor", Email = "ben@example.com", Role = PersonRole.Rep });

        db.Accounts.AddRange(
            new Account
            {
                Id = "a-contoso", Name = "Contoso Ltd", Domain = "contoso.com", Industry = "Software", Employees = 5000,
                AnnualRevenueUsd = 1_000_000_000m, Region = "North America", Country = "United States", OwnerId = "p-ana",
            },
            new Account
            {
                Id = "a-fabrikam", Name = "Fabrikam Inc", Domain = "fabrikam.com", Industry = "Retail", Employees = 300,
                AnnualRevenueUsd = 50_000_000m, Region = "EMEA", Country = "Germany", OwnerId = "p-ben",
            },
            new Account { Id = "a-northwind", Name = "Northwind Traders", Domain = "northwind.com", Industry = "Software", Region = "EMEA", OwnerId = "p-ana" },
            new Account { Id = "a-pharma", Name = "Contoso Pharma", Domain = "contosopharma.com", Industry = "Health Care", Region = "North America" });

        db.TargetList.AddRange(
            new TargetListEntry { AccountId = "a-contoso", Status = TargetListStatus.Approved, ChangedAt = AsOf.AddDays(-100) },
            new TargetListEntry { AccountId = "a-northwind", Status = TargetListStatus.Approved, ChangedAt = AsOf.AddDays(-100) },
            new TargetListEntry { AccountId = "a-pharma", Status = TargetListStatus.Proposed, ChangedAt = AsOf.AddDays(-1) });

        db.Contacts.AddRange(
            new Contact { Id = "c-jane", AccountId = "a-contoso", Name = "Jane Doe", Seniority = Seniority.CLevel, BuyingRole = BuyingRole.EconomicBuyer },
            new Contact { Id = "c-raj", AccountId = "a-contoso", Name = "Raj Patel", Seniority = Seniority.Director, BuyingRole = BuyingRole.Champion });

        db.Events.AddRange(
            Event(1, "a-contoso", "meeting", AsOf.AddDays(-1), BusinessFunction.Sales, "c-jane", quantity: 90),
            Event(2, "a-contoso", "pricing_page_view", AsOf.AddDays(-2), BusinessFunction.Marketing, "c-raj", detail: "/pricing"),
            Event(3, "a-contoso", "demo_request", AsOf.AddDays(-10), BusinessFunction.Marketing),
            Event(4, "a-contoso", "login", AsOf.AddHours(-1), BusinessFunction.CustomerSuccess, "c-raj"),
            Event(5, "a-contoso", "meeting", AsOf.AddDays(2), BusinessFunction.Sales, "c-jane", quantity: 30),
            Event(6, "a-fabrikam", "web_visit", AsOf.AddDays(-40), BusinessFunction.Marketing),
            Event(7, "a-fabrikam", "web_visit", AsOf.AddDays(-40), BusinessFunction.Marketing),
            Event(8, "a-fabrikam", "web_visit", AsOf.AddDays(-40), BusinessFunction.Marketing));

        db.Opportunities.AddRange(
            new Opportunity { Id = "o-1", AccountId = "a-contoso", Stage = OpportunityStage.Proposal, Amount = 120_000m, CreatedAt = AsOf.AddDays(-30) },
            new Opportunity { Id = "o-2", AccountId = "a-contoso", Stage = OpportunityStage.ClosedWon, Amount = 50_000m, CreatedAt = AsOf.AddDays(-200), ClosedAt = AsOf.AddDays(-150) },
            new Opportunity { Id = "o-3", AccountId = "a-fabrikam", Stage = OpportunityStage.Qualification, Amount = 10_000m, CreatedAt = AsOf.AddDays(-5) },
            new Opportunity { Id = "o-4", AccountId = "a-fabrikam", Stage = OpportunityStage.Proposal, Amount = 99_000m, CreatedAt = AsOf.AddDays(5) });

        db.SaveChanges();
    }

    private static EngagementEvent Event(long id, string accountId, string type, DateTimeOffset at, BusinessFunction function, string? contactId = null, decimal? quantity = null, string? detail = null) => new()
    {
        Id = id,
        AccountId = accountId,
        Type = type,
        OccurredAt = at,
        Function = function,
        ContactId = contactId,
        Quantity = quantity,
        Detail = detail,
        Source = "test",
        SourceId = "e-" + id.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private sealed class ContextFactory(DbContextOptions<AbmDbContext> options) : IDbContextFactory<AbmDbContext>
    {
        public AbmDbContext CreateDbContext() => new(options);
    }
}
