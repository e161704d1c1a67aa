using System.Globalization;
using Abm.Core.Domain;
using Abm.Core.Scoring;

namespace Abm.Core.Tests.Answers;

/// <summary>
/// Random accounts, contacts, events, deals and target-list entries from a seed. The data has the
/// cases that make compact scoring easy to get wrong: events that share an instant, events after
/// the scoring instant, excluded and unknown types, and type keys in other case or with spaces.
/// It also has contact ids without a contact record or from another account, events of unknown
/// accounts, deals created after the instant, parents, and owners without a person record.
/// </summary>
internal static class RandomPortfolio
{
    public static readonly DateTimeOffset AsOf = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Add(Abm.Core.Storage.AbmDbContext db, int seed, int accountCount)
    {
        var random = new Random(seed);
        var model = new AesModel(new ScoringOptions());
        var types = Enumerable.Range(2, model.TypeCount - 2).Select(model.TypeNameOf).ToList();
        types.AddRange(new ScoringOptions().Engagement.ExcludedTypes);
        types.AddRange(["webinar_unlisted", "MEETING", " email_click "]);
        string[] industries = ["Software", "Retail", "Banking", "Healthcare"];
        string[] regions = ["EMEA", "North America", "APAC"];

        var people = Enumerable.Range(0, 4).Select(i => new Person { Id = $"p-{i}", Name = $"Owner {i}" }).ToList();
        db.People.AddRange(people);

        var accounts = new List<Account>();
        for (var a = 0; a < accountCount; a++)
        {
            accounts.Add(new Account
            {
                Id = $"r-{a:D3}",
                Name = $"Random {random.Next(accountCount / 2)}",
                Industry = industries[random.Next(industries.Length)],
                Region = regions[random.Next(regions.Length)],
                Country = "Country " + random.Next(3).ToString(CultureInfo.InvariantCulture),
                Employees = random.Next(2) == 0 ? null : random.Next(10, 50_000),
                AnnualRevenueUsd = random.Next(2) == 0 ? null : random.Next(1, 5_000) * 1_000_000m,
                ParentAccountId = a > 0 && random.Next(5) == 0 ? $"r-{random.Next(a):D3}" : null,
                OwnerId = random.Next(6) switch { 0 => null, 1 => "p-missing", var o => $"p-{o - 2}" },
            });
        }

        db.Accounts.AddRange(accounts);

        var contactIds = new List<string>();
        foreach (var account in accounts)
        {
            for (var c = random.Next(0, 6); c > 0; c--)
            {
                var id = $"{account.Id}-c{c}";
                contactIds.Add(id);
                db.Contacts.Add(new Contact
                {
                    Id = id,
                    AccountId = account.Id,
                    Name = "Contact " + id,
                    Seniority = (Seniority)random.Next(5),
                    BuyingRole = (BuyingRole)random.Next(7),
                });
            }
        }

        var events = new List<EngagementEvent>();
        var source = 0;
        foreach (var account in accounts.Append(new Account { Id = "r-unknown", Name = "Not stored" }))
        {
            var shared = AsOf.AddHours(-random.Next(1, 24 * 60));
            for (var e = random.Next(0, 30); e > 0; e--)
            {
                var at = random.Next(8) == 0 ? shared : AsOf.AddMinutes(-random.Next(-60 * 24 * 3, 60 * 24 * 200));
                var contact = random.Next(6) switch
                {
                    0 => null,
                    1 => "",
                    2 => $"{account.Id}-ghost",
                    _ when contactIds.Count > 0 => contactIds[random.Next(contactIds.Count)],
                    _ => null,
                };
                events.Add(new EngagementEvent
                {
                    AccountId = account.Id,
                    Type = types[random.Next(types.Count)],
                    Function = (BusinessFunction)random.Next(4),
                    OccurredAt = at,
                    ContactId = contact,
                    Quantity = random.Next(3) == 0 ? random.Next(5, 120) : null,
                    Source = "random",
                    SourceId = (source++).ToString(CultureInfo.InvariantCulture),
                });
            }
        }

        // Shuffled, so event ids do not follow time and ties on the instant fall back to the id.
        db.Events.AddRange(events.OrderBy(_ => random.Next()));

        var deal = 0;
        foreach (var account in accounts.Where(_ => random.Next(3) == 0))
        {
            for (var d = random.Next(1, 4); d > 0; d--)
            {
                var stage = (OpportunityStage)random.Next(6);
                db.Opportunities.Add(new Opportunity
                {
                    Id = $"o-{deal++}",
                    AccountId = account.Id,
                    Stage = stage,
                    Amount = random.Next(1, 500) * 1_000m,
                    CreatedAt = AsOf.AddDays(-random.Next(-20, 300)),
                    ClosedAt = stage is OpportunityStage.ClosedWon or OpportunityStage.ClosedLost ? AsOf.AddDays(-random.Next(0, 30)) : null,
                    IsExpansion = random.Next(4) == 0,
                });
            }
        }

        foreach (var account in accounts.Where(_ => random.Next(3) == 0))
        {
            db.TargetList.Add(new TargetListEntry { AccountId = account.Id, Status = (TargetListStatus)random.Next(4), ChangedAt = AsOf.AddDays(-40) });
        }
    }
}
