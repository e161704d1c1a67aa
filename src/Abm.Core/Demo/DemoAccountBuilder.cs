using System.Globalization;
using Abm.Core.Domain;

namespace Abm.Core.Demo;

/// <summary>Creates the demo accounts with their profiles, owners, parents and contacts.</summary>
internal sealed class DemoAccountBuilder(Random random)
{
    private static readonly (DemoProfile Profile, int Count)[] ProfileCounts =
    [
        (DemoProfile.Hot, 5),
        (DemoProfile.Surging, 11),
        (DemoProfile.Engaged, 25),
        (DemoProfile.Warm, 45),
        (DemoProfile.Cooling, 14),
        (DemoProfile.Cold, 55),
        (DemoProfile.Dormant, 20),
        (DemoProfile.Customer, 22),
    ];

    private static readonly (Seniority Seniority, BuyingRole Role)[] BuyingGroup =
    [
        (Seniority.Director, BuyingRole.Champion),
        (Seniority.CLevel, BuyingRole.EconomicBuyer),
        (Seniority.VicePresident, BuyingRole.DecisionMaker),
        (Seniority.Manager, BuyingRole.TechnicalEvaluator),
        (Seniority.Other, BuyingRole.EndUser),
        (Seniority.Manager, BuyingRole.Influencer),
        (Seniority.Director, BuyingRole.TechnicalEvaluator),
        (Seniority.Other, BuyingRole.Influencer),
        (Seniority.Other, BuyingRole.EndUser),
    ];

    private int _contactNumber;

    public List<DemoAccount> Build()
    {
        var accounts = new List<DemoAccount>
        {
            Flagship(DemoDataGenerator.HotAccountId, DemoDataGenerator.HotAccountName, "quillmere.example", "Software", 1_850, DemoProfile.Hot, 9),
            Flagship(DemoDataGenerator.CoolingAccountId, "Tessaline Foods", "tessalinefoods.example", "Retail", 6_400, DemoProfile.Cooling, 6),
            Flagship(DemoDataGenerator.SurgingAccountId, "Orbisant Health", "orbisanthealth.example", "Healthcare", 3_200, DemoProfile.Surging, 5),
        };

        var profiles = ProfileCounts.SelectMany(p => Enumerable.Repeat(p.Profile, p.Count)).ToArray();
        random.Shuffle(profiles);
        var names = UniqueNames(profiles.Length);
        var ownerTurn = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < profiles.Length; i++)
        {
            var (stem, industry, suffix) = names[i];
            var (region, country, _) = DemoCatalog.Countries[random.Next(DemoCatalog.Countries.Length)];
            var reps = DemoPeople.RepsFor(region);
            var turn = ownerTurn.GetValueOrDefault(region);
            ownerTurn[region] = turn + 1;
            var employees = Employees();
            var account = new Account
            {
                Id = AccountId(accounts.Count + 1),
                Name = $"{stem} {suffix}",
                Domain = $"{stem}{suffix}.example".ToLowerInvariant(),
                Industry = industry,
                Employees = employees,
                AnnualRevenueUsd = Revenue(employees),
                Country = country,
                Region = region,
                OwnerId = reps[turn % reps.Count],
                Source = DemoDataGenerator.Source,
            };
            var contactCount = profiles[i] switch
            {
                DemoProfile.Dormant => 2,
                DemoProfile.Cold => 3,
                _ => random.Next(4, 9),
            };
            accounts.Add(new DemoAccount(account, profiles[i], Contacts(account, contactCount)));
        }

        LinkSubsidiaries(accounts);
        return accounts;
    }

    private DemoAccount Flagship(string id, string name, string domain, string industry, int employees, DemoProfile profile, int contacts)
    {
        var account = new Account
        {
            Id = id,
            Name = name,
            Domain = domain,
            Industry = industry,
            Employees = employees,
            AnnualRevenueUsd = Revenue(employees),
            Country = "United States",
            Region = DemoPeople.NorthAmerica,
            OwnerId = DemoPeople.PlaygroundRep,
            Source = DemoDataGenerator.Source,
        };
        return new DemoAccount(account, profile, Contacts(account, contacts));
    }

    private List<(string Stem, string Industry, string Suffix)> UniqueNames(int count)
    {
        var all = new List<(string, string, string)>();
        foreach (var stem in DemoCatalog.CompanyStems)
        {
            foreach (var (industry, suffixes) in DemoCatalog.Industries)
            {
                foreach (var suffix in suffixes)
                {
                    all.Add((stem, industry, suffix));
                }
            }
        }

        // Each stem appears at most once, so no two companies look related by accident; a
        // second pass over the stems fills up when more names are requested than there are stems.
        var shuffled = all.ToArray();
        random.Shuffle(shuffled);
        var picked = new List<(string, string, string)>();
        var usedStems = new HashSet<string>(StringComparer.Ordinal);
        var usedNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pass in new[] { true, false })
        {
            foreach (var name in shuffled)
            {
                if (picked.Count == count)
                {
                    return picked;
                }

                if ((pass && usedStems.Contains(name.Item1)) || !usedNames.Add(name.Item1 + name.Item3))
                {
                    continue;
                }

                usedStems.Add(name.Item1);
                picked.Add(name);
            }
        }

        return picked;
    }

    private void LinkSubsidiaries(List<DemoAccount> accounts)
    {
        // Twelve large generated accounts each get one or two subsidiaries abroad, renamed after the parent.
        var parents = accounts.Skip(3).Where(a => a.Account.Employees >= 5_000).Take(12).ToList();
        var candidates = accounts.Skip(3).Where(a => a.Account.Employees < 5_000 && a.Profile != DemoProfile.Customer).ToList();
        var next = 0;
        foreach (var parent in parents)
        {
            var children = random.Next(1, 3);
            for (var c = 0; c < children && next < candidates.Count; c++, next++)
            {
                var child = candidates[next].Account;
                var code = DemoCatalog.Countries.First(x => x.Country == child.Country).CountryCode;
                child.ParentAccountId = parent.Account.Id;
                child.Name = $"{parent.Account.Name} {code.ToUpperInvariant()}";
                child.Domain = $"{code}.{parent.Account.Domain}";
                child.Industry = parent.Account.Industry;
            }
        }
    }

    private List<Contact> Contacts(Account account, int count)
    {
        var contacts = new List<Contact>();
        for (var i = 0; i < count; i++)
        {
            var (seniority, role) = BuyingGroup[i % BuyingGroup.Length];
            var titles = DemoCatalog.Titles.First(t => t.Seniority == seniority).Titles;
            var first = DemoCatalog.FirstNames[random.Next(DemoCatalog.FirstNames.Length)];
            var last = DemoCatalog.LastNames[random.Next(DemoCatalog.LastNames.Length)];
            _contactNumber++;
            contacts.Add(new Contact
            {
                Id = "demo-c-" + _contactNumber.ToString("D5", CultureInfo.InvariantCulture),
                AccountId = account.Id,
                Name = $"{first} {last}",
                Email = $"{first}.{last}@{account.Domain}".ToLowerInvariant(),
                Title = titles[random.Next(titles.Length)],
                Seniority = seniority,
                BuyingRole = role,
            });
        }

        return contacts;
    }

    private int Employees()
    {
        // Log-uniform from 50 to 60,000, rounded to two significant figures.
        var value = Math.Exp(Math.Log(50) + (random.NextDouble() * (Math.Log(60_000) - Math.Log(50))));
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)) - 1);
        return (int)(Math.Round(value / magnitude) * magnitude);
    }

    private decimal Revenue(int employees)
    {
        var perEmployee = random.Next(120, 420) * 1_000m;
        return Math.Round(employees * perEmployee / 1_000_000m, 1) * 1_000_000m;
    }

    internal static string AccountId(int number) => "demo-a-" + number.ToString("D3", CultureInfo.InvariantCulture);
}
