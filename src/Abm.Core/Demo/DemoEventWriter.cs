using System.Globalization;
using Abm.Core.Domain;

namespace Abm.Core.Demo;

/// <summary>Writes each demo account's engagement: a daily stream of touches shaped by its profile, plus milestones.</summary>
internal sealed class DemoEventWriter(Random random, DateTimeOffset anchor)
{
    private static readonly (string Type, double Weight)[] MarketingTouches =
    [
        ("web_visit", 34),
        ("email_open", 26),
        ("email_click", 8),
        ("ad_click", 8),
        ("pricing_page_view", 3),
        ("whitepaper_download", 1.5),
        ("intent_medium", 5),
        ("intent_high", 1.5),
    ];

    private readonly List<EngagementEvent> _events = [];

    public List<EngagementEvent> Events => _events;

    public void WriteEngagement(DemoAccount demo)
    {
        var profile = demo.Profile;
        for (var day = 0; day < DemoDataGenerator.HistoryDays; day++)
        {
            for (var n = Poisson(MarketingRate(profile, day)); n > 0; n--)
            {
                var type = Pick(MarketingTouches);
                var anonymous = type.StartsWith("intent_", StringComparison.Ordinal) || (type is "web_visit" or "ad_click" && random.NextDouble() < 0.4);
                Add(demo, type, BusinessFunction.Marketing, day, anonymous ? null : PickContact(demo), null);
            }

            // Newsletter opens reach every known contact and weigh almost nothing (0.1 points by default).
            for (var n = profile == DemoProfile.Dormant ? 0 : Poisson(0.4); n > 0; n--)
            {
                Add(demo, "email_open", BusinessFunction.Marketing, day, PickContact(demo), null, detail: "Newsletter");
            }

            for (var n = Poisson(SalesDevelopmentRate(profile, day)); n > 0; n--)
            {
                var type = random.NextDouble() < 0.6 ? "call" : "inbound_email";
                Add(demo, type, BusinessFunction.SalesDevelopment, day, PickContact(demo), DemoPeople.SdrFor(demo.Account.Region!));
            }

            if (profile == DemoProfile.Customer)
            {
                var successManager = DemoPeople.CustomerSuccessFor(demo.Account.Region!);
                for (var n = Poisson(0.6); n > 0; n--)
                {
                    Add(demo, "product_usage", BusinessFunction.CustomerSuccess, day, PickContact(demo), null);
                }

                if (random.NextDouble() < 0.08)
                {
                    Add(demo, "support_ticket", BusinessFunction.CustomerSuccess, day, PickContact(demo), successManager);
                }
            }
        }

        WriteMilestones(demo);
    }

    /// <summary>Adds one event <paramref name="daysAgo"/> days before the anchor, at a random minute of that day.</summary>
    public void Add(DemoAccount demo, string type, BusinessFunction function, double daysAgo, Contact? contact, string? actorId, decimal? quantity = null, string? detail = null)
    {
        var occurredAt = anchor.AddDays(-daysAgo).AddMinutes(-random.Next(1, 1440));
        _events.Add(new EngagementEvent
        {
            AccountId = demo.Account.Id,
            Type = type,
            Function = function,
            OccurredAt = occurredAt,
            ContactId = contact?.Id,
            ActorId = actorId,
            Source = DemoDataGenerator.Source,
            SourceId = "demo-e-" + (_events.Count + 1).ToString("D6", CultureInfo.InvariantCulture),
            Quantity = quantity,
            Detail = detail,
        });
    }

    public Contact PickContact(DemoAccount demo)
    {
        // The first contacts (champion, economic buyer) engage most: weight 1/(position + 1).
        var contacts = demo.Contacts;
        var total = 0.0;
        for (var i = 0; i < contacts.Count; i++)
        {
            total += 1.0 / (i + 1);
        }

        var roll = random.NextDouble() * total;
        for (var i = 0; i < contacts.Count; i++)
        {
            roll -= 1.0 / (i + 1);
            if (roll <= 0)
            {
                return contacts[i];
            }
        }

        return contacts[^1];
    }

    private void WriteMilestones(DemoAccount demo)
    {
        var owner = demo.Account.OwnerId;
        var sdr = DemoPeople.SdrFor(demo.Account.Region!);
        switch (demo.Profile)
        {
            case DemoProfile.Hot:
                Add(demo, "demo_request", BusinessFunction.Marketing, random.Next(2, 9), PickContact(demo), null, detail: "Demo request form");
                Add(demo, "form_submission", BusinessFunction.Marketing, random.Next(15, 30), PickContact(demo), null, detail: "Contact us");
                Add(demo, "webinar_attended", BusinessFunction.Marketing, random.Next(20, 40), PickContact(demo), null, detail: "Webinar: Forecasting with account signals");
                Add(demo, "event_attended", BusinessFunction.Marketing, random.Next(40, 60), PickContact(demo), null, detail: "Regional customer summit");
                Add(demo, "meeting", BusinessFunction.SalesDevelopment, random.Next(12, 20), PickContact(demo), sdr, 30, "Discovery call");
                Add(demo, "meeting", BusinessFunction.Sales, random.Next(1, 4), demo.Contacts[1], owner, 60, "Executive briefing");
                Add(demo, "meeting", BusinessFunction.Sales, random.Next(5, 10), PickContact(demo), owner, 45, "Technical deep dive");
                for (var i = 0; i < 4; i++)
                {
                    Add(demo, "pricing_page_view", BusinessFunction.Marketing, random.Next(0, 7), PickContact(demo), null);
                }

                break;

            case DemoProfile.Surging:
                Add(demo, random.NextDouble() < 0.5 ? "form_submission" : "webinar_attended", BusinessFunction.Marketing, random.Next(0, 6), PickContact(demo), null);
                Add(demo, "pricing_page_view", BusinessFunction.Marketing, random.Next(0, 5), PickContact(demo), null);
                Add(demo, "pricing_page_view", BusinessFunction.Marketing, random.Next(0, 5), PickContact(demo), null);
                if (random.NextDouble() < 0.4 || demo.Account.Id == DemoDataGenerator.SurgingAccountId)
                {
                    Add(demo, "demo_request", BusinessFunction.Marketing, random.Next(0, 4), PickContact(demo), null, detail: "Demo request form");
                }

                break;

            case DemoProfile.Engaged:
                Add(demo, "whitepaper_download", BusinessFunction.Marketing, random.Next(10, 60), PickContact(demo), null, detail: "Guide: Account-based pipeline");
                Add(demo, "meeting", BusinessFunction.Sales, random.Next(5, 50), PickContact(demo), owner, 30, "Intro meeting");
                if (random.NextDouble() < 0.5)
                {
                    Add(demo, "webinar_attended", BusinessFunction.Marketing, random.Next(10, 80), PickContact(demo), null, detail: "Webinar: Forecasting with account signals");
                }

                break;

            case DemoProfile.Warm when random.NextDouble() < 0.6:
                Add(demo, "whitepaper_download", BusinessFunction.Marketing, random.Next(20, 100), PickContact(demo), null, detail: "Guide: Account-based pipeline");
                break;

            case DemoProfile.Cooling:
                Add(demo, "demo_request", BusinessFunction.Marketing, random.Next(95, 115), PickContact(demo), null, detail: "Demo request form");
                Add(demo, "webinar_attended", BusinessFunction.Marketing, random.Next(70, 100), PickContact(demo), null, detail: "Webinar: Forecasting with account signals");
                Add(demo, "meeting", BusinessFunction.Sales, random.Next(60, 90), demo.Contacts[1], owner, 60, "Solution workshop");
                Add(demo, "meeting", BusinessFunction.Sales, random.Next(50, 60), PickContact(demo), owner, 30, "Proposal review");
                break;

            case DemoProfile.Customer:
                var successManager = DemoPeople.CustomerSuccessFor(demo.Account.Region!);
                for (var day = random.Next(5, 45); day < DemoDataGenerator.HistoryDays; day += 45)
                {
                    Add(demo, "meeting", BusinessFunction.CustomerSuccess, day, demo.Contacts[0], successManager, 30, "Business review");
                }

                Add(demo, "order", BusinessFunction.CustomerSuccess, random.Next(10, 100), null, owner, random.Next(5, 60) * 1_000m, "Licence add-on order");
                break;
        }
    }

    private static double MarketingRate(DemoProfile profile, int day) => profile switch
    {
        DemoProfile.Hot => day < 14 ? 5.0 : 2.2,
        DemoProfile.Surging => day < 7 ? 5.0 : 0.3,
        DemoProfile.Engaged => 0.9,
        DemoProfile.Warm => 0.8,
        DemoProfile.Cooling => day >= 50 ? 3.5 : 0.15,
        DemoProfile.Cold => 0.1,
        DemoProfile.Customer => 0.6,
        _ => 0,
    };

    private static double SalesDevelopmentRate(DemoProfile profile, int day) => profile switch
    {
        DemoProfile.Hot => 0.2,
        DemoProfile.Surging => day < 7 ? 0.5 : 0,
        DemoProfile.Engaged => 0.1,
        DemoProfile.Warm => 0.04,
        DemoProfile.Cooling => day >= 50 ? 0.25 : 0.02,
        _ => 0,
    };

    private string Pick((string Type, double Weight)[] choices)
    {
        var roll = random.NextDouble() * choices.Sum(c => c.Weight);
        foreach (var (type, weight) in choices)
        {
            roll -= weight;
            if (roll <= 0)
            {
                return type;
            }
        }

        return choices[^1].Type;
    }

    /// <summary>Draws from a Poisson distribution (Knuth's method, fine for the small rates used here).</summary>
    private int Poisson(double rate)
    {
        if (rate <= 0)
        {
            return 0;
        }

        var limit = Math.Exp(-rate);
        var count = 0;
        var product = random.NextDouble();
        while (product > limit)
        {
            count++;
            product *= random.NextDouble();
        }

        return count;
    }
}
