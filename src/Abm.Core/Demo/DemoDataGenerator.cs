using Abm.Core.Domain;

namespace Abm.Core.Demo;

/// <summary>
/// Generates Abm's built-in demo data: fictional companies, a revenue team, contacts, about
/// 120 days of engagement ending at the anchor, opportunities in every stage and a target
/// account list. The output depends only on the seed and the anchor: <see cref="Random"/> with
/// that seed is the only source of variation.
/// </summary>
public sealed class DemoDataGenerator
{
    /// <summary>The source system name on every generated account, opportunity and event.</summary>
    public const string Source = "abm_demo";

    public const int DefaultSeed = 20_260_101;

    public const int AccountCount = 200;

    /// <summary>Quillmere Analytics: clearly hot, with a demo request, meetings and a deal in negotiation this month.</summary>
    public const string HotAccountId = "demo-a-001";

    /// <summary>The name of <see cref="HotAccountId"/>, which static help text uses as its example account.</summary>
    public const string HotAccountName = "Quillmere Analytics";

    /// <summary>Tessaline Foods: engaged two to four months ago, quiet since, with a stalled proposal.</summary>
    public const string CoolingAccountId = "demo-a-002";

    /// <summary>Orbisant Health: barely active until this week's surge of visits, a form and a new opportunity.</summary>
    public const string SurgingAccountId = "demo-a-003";

    public const int HistoryDays = 120;

    private readonly Random _random;
    private readonly DateTimeOffset _anchor;

    /// <param name="seed">Seed for <see cref="Random"/>; the same seed and anchor give the same data.</param>
    /// <param name="anchor">The instant the generated history ends, usually the caller's <see cref="TimeProvider"/> now.</param>
    public DemoDataGenerator(int seed, DateTimeOffset anchor)
    {
        _random = new Random(seed);
        _anchor = anchor.ToUniversalTime();
    }

    public DemoDataSet Generate()
    {
        var people = DemoPeople.Create();
        var accounts = new DemoAccountBuilder(_random).Build();
        var events = new DemoEventWriter(_random, _anchor);
        var opportunities = new DemoOpportunityBuilder(_random, _anchor, events).Build(accounts);
        foreach (var account in accounts)
        {
            events.WriteEngagement(account);
        }

        var targetList = BuildTargetList(accounts, people);
        return new DemoDataSet(
            accounts.Select(a => a.Account).ToList(),
            people,
            accounts.SelectMany(a => a.Contacts).ToList(),
            events.Events,
            opportunities,
            targetList);
    }

    private List<TargetListEntry> BuildTargetList(IReadOnlyList<DemoAccount> accounts, IReadOnlyList<Person> people)
    {
        var managerOf = people.ToDictionary(p => p.Id, p => p.ManagerId);
        var entries = new List<TargetListEntry>();
        var proposed = 0;
        var rejected = 0;
        var warm = 0;
        foreach (var demo in accounts)
        {
            var (status, tier, reason) = demo.Profile switch
            {
                DemoProfile.Hot => (TargetListStatus.Approved, 1, "Strong fit and an active buying group"),
                DemoProfile.Customer => (TargetListStatus.Approved, 2, "Customer with expansion potential"),
                DemoProfile.Engaged or DemoProfile.Surging or DemoProfile.Cooling => (TargetListStatus.Approved, 2, "Fits the ideal customer profile"),
                DemoProfile.Warm when warm++ % 2 == 0 => (TargetListStatus.Approved, 3, "Fits the ideal customer profile"),
                DemoProfile.Cold when proposed++ < 6 => (TargetListStatus.Proposed, 3, "Proposed from intent data"),
                DemoProfile.Dormant when rejected++ < 2 => (TargetListStatus.Rejected, 3, "Outside the ideal customer profile"),
                _ => ((TargetListStatus?)null, 0, (string?)null),
            };
            if (status is null)
            {
                continue;
            }

            var ownerId = demo.Account.OwnerId!;
            entries.Add(new TargetListEntry
            {
                AccountId = demo.Account.Id,
                Status = status.Value,
                ProgramTier = tier,
                ChangedAt = _anchor.AddDays(-_random.Next(30, 150)).AddMinutes(-_random.Next(0, 1440)),
                ChangedById = status == TargetListStatus.Proposed ? ownerId : managerOf[ownerId],
                Reason = reason,
            });
        }

        return entries;
    }
}

/// <summary>The engagement shape an account gets over the generated history.</summary>
internal enum DemoProfile
{
    Hot,
    Surging,
    Engaged,
    Warm,
    Cooling,
    Cold,
    Dormant,
    Customer,
}

internal sealed record DemoAccount(Account Account, DemoProfile Profile, IReadOnlyList<Contact> Contacts);
