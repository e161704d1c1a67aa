using Abm.Core.Domain;

namespace Abm.Core.Scoring;

/// <summary>
/// Scores accounts' engagement from domain events: converts them to <see cref="AesEvent"/>s,
/// runs <see cref="AesCalculator"/> and builds the explained <see cref="EngagementResult"/>.
/// Thread-safe.
/// </summary>
public sealed class EngagementScorer(AesModel model)
{
    private static readonly IReadOnlyDictionary<string, Contact> NoContacts = new Dictionary<string, Contact>();

    public AesModel Model => model;

    /// <summary>Scores one account as of an instant.</summary>
    /// <param name="events">The account's events, in any order; events after <paramref name="asOf"/> are ignored.</param>
    /// <param name="contacts">Contacts by id, for persona multipliers, names and buying roles.</param>
    public EngagementResult Score(string accountId, IEnumerable<EngagementEvent> events, IReadOnlyDictionary<string, Contact>? contacts, DateTimeOffset asOf)
    {
        contacts ??= NoContacts;
        var sorted = events.ToArray();
        Array.Sort(sorted, static (a, b) =>
        {
            var byTime = a.OccurredAt.CompareTo(b.OccurredAt);
            return byTime != 0 ? byTime : a.Id.CompareTo(b.Id);
        });

        var compact = new AesEvent[sorted.Length];
        var contactIndexes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < sorted.Length; i++)
        {
            compact[i] = ToAesEvent(sorted[i], contacts, contactIndexes);
        }

        var decayed = new double[sorted.Length];
        var totals = new AesCalculator(model).Compute(compact, asOf.ToUnixTimeMilliseconds(), decayed);
        return ToResult(accountId, asOf, totals, TopEvents(sorted, decayed, contacts));
    }

    /// <summary>Builds the explained result from an account's totals, as <see cref="Score"/> does.</summary>
    /// <param name="topEvents">The strongest events, or empty when the caller scored compact events only.</param>
    public EngagementResult ToResult(string accountId, DateTimeOffset asOf, in AesTotals totals, IReadOnlyList<EventContribution> topEvents)
    {
        var score = model.Normalise(totals.RawPoints);
        var byFunction = new Dictionary<BusinessFunction, double>(4)
        {
            [BusinessFunction.Marketing] = totals.Marketing,
            [BusinessFunction.SalesDevelopment] = totals.SalesDevelopment,
            [BusinessFunction.Sales] = totals.Sales,
            [BusinessFunction.CustomerSuccess] = totals.CustomerSuccess,
        };

        return new EngagementResult(
            accountId,
            asOf,
            score,
            model.BandOf(score),
            totals.RawPoints,
            byFunction,
            totals.EngagedContacts,
            totals.EngagedRoles,
            topEvents,
            model.Normalise(totals.RawPointsSevenDaysAgo),
            totals.LastActivityMs is { } last ? DateTimeOffset.FromUnixTimeMilliseconds(last) : null)
        {
            UnknownTypeEvents = totals.UnknownTypeEvents,
        };
    }

    /// <summary>Scores many accounts from one load of their events, such as for a ranked list.</summary>
    /// <param name="accountIds">Accounts to score; those without events get a cold, never-active result.</param>
    public IReadOnlyDictionary<string, EngagementResult> ScoreAll(
        IEnumerable<string> accountIds,
        IEnumerable<EngagementEvent> events,
        IReadOnlyDictionary<string, Contact>? contacts,
        DateTimeOffset asOf)
    {
        var byAccount = events.GroupBy(e => e.AccountId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var results = new Dictionary<string, EngagementResult>(StringComparer.Ordinal);
        foreach (var accountId in accountIds)
        {
            results[accountId] = Score(accountId, byAccount.TryGetValue(accountId, out var list) ? list : [], contacts, asOf);
        }

        return results;
    }

    private AesEvent ToAesEvent(EngagementEvent engagement, IReadOnlyDictionary<string, Contact> contacts, Dictionary<string, int> contactIndexes)
    {
        var contactIndex = -1;
        var seniority = Seniority.Other;
        var role = BuyingRole.Unknown;
        if (!string.IsNullOrEmpty(engagement.ContactId))
        {
            if (!contactIndexes.TryGetValue(engagement.ContactId, out contactIndex))
            {
                contactIndex = contactIndexes.Count;
                contactIndexes[engagement.ContactId] = contactIndex;
            }

            // A contact id without a contact record is still one person, of unknown seniority.
            if (contacts.TryGetValue(engagement.ContactId, out var contact))
            {
                (seniority, role) = (contact.Seniority, contact.BuyingRole);
            }
        }

        return new AesEvent(
            engagement.OccurredAt.ToUnixTimeMilliseconds(),
            model.TypeIndexOf(engagement.Type),
            contactIndex,
            engagement.Quantity is { } quantity ? (float)quantity : float.NaN,
            seniority,
            role,
            engagement.Function);
    }

    private List<EventContribution> TopEvents(EngagementEvent[] sorted, double[] decayed, IReadOnlyDictionary<string, Contact> contacts)
    {
        // Strongest first by absolute points, so a lost deal shows up beside the big gains; ties go to the newer event.
        var order = Enumerable.Range(0, sorted.Length)
            .Where(i => decayed[i] != 0)
            .OrderByDescending(i => Math.Abs(decayed[i]))
            .ThenByDescending(i => i)
            .Take(model.Options.TopEventCount);

        return order.Select(i =>
        {
            var e = sorted[i];
            var contactName = e.ContactId is { } id && contacts.TryGetValue(id, out var contact) ? contact.Name : null;
            return new EventContribution(e.Id, e.Type, e.Function, e.OccurredAt, contactName, e.Detail, decayed[i]);
        }).ToList();
    }
}
