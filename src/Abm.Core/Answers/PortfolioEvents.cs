using Abm.Core.Domain;
using Abm.Core.Scoring;
using Abm.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Abm.Core.Answers;

/// <summary>
/// Loads every event as an <see cref="AesEvent"/>, reading only the seven columns scoring needs,
/// and groups them by account with a counting sort.
/// </summary>
internal static class PortfolioEvents
{
    /// <summary>Loads the events of the accounts in <paramref name="accountIndexes"/>; events of other account ids are skipped, as full scoring skips them.</summary>
    /// <returns>The events grouped by account index and sorted by time and id within each account, and each account's first index.</returns>
    public static async Task<(AesEvent[] Events, int[] AccountStarts)> LoadAsync(
        AbmDbContext db,
        Dictionary<string, int> accountIndexes,
        AesModel model,
        CancellationToken cancellationToken)
    {
        var personas = await db.Contacts.AsNoTracking()
            .Select(c => new { c.Id, c.Seniority, c.BuyingRole })
            .ToDictionaryAsync(c => c.Id, c => (c.Seniority, c.BuyingRole), StringComparer.Ordinal, cancellationToken);

        var rows = new List<Row>(await db.Events.CountAsync(cancellationToken));
        var contactKeys = new Dictionary<string, int>(StringComparer.Ordinal);
        var contactPersonas = new List<(Seniority Seniority, BuyingRole Role)>();
        var typeIndexes = new Dictionary<string, int>(StringComparer.Ordinal);
        var query = db.Events.AsNoTracking()
            .Select(e => new { e.Id, e.AccountId, e.Type, e.Function, e.OccurredAt, e.ContactId, e.Quantity });
        await foreach (var e in query.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!accountIndexes.TryGetValue(e.AccountId, out var account))
            {
                continue;
            }

            if (!typeIndexes.TryGetValue(e.Type, out var type))
            {
                type = model.TypeIndexOf(e.Type);
                typeIndexes[e.Type] = type;
            }

            var contactKey = -1;
            if (!string.IsNullOrEmpty(e.ContactId) && !contactKeys.TryGetValue(e.ContactId, out contactKey))
            {
                // A contact id without a contact record is still one person, of unknown seniority.
                contactKey = contactPersonas.Count;
                contactKeys[e.ContactId] = contactKey;
                contactPersonas.Add(personas.TryGetValue(e.ContactId, out var persona) ? persona : (Seniority.Other, BuyingRole.Unknown));
            }

            var quantity = e.Quantity is { } value ? (float)value : float.NaN;
            rows.Add(new Row(account, e.OccurredAt.ToUnixTimeMilliseconds(), e.Id, contactKey, type, quantity, e.Function));
        }

        var grouped = GroupByAccount(rows, accountIndexes.Count, out var starts);
        return (ToAesEvents(grouped, starts, contactPersonas), starts);
    }

    private static Row[] GroupByAccount(List<Row> rows, int accountCount, out int[] starts)
    {
        starts = new int[accountCount];
        foreach (var row in rows)
        {
            starts[row.Account]++;
        }

        var next = 0;
        for (var a = 0; a < accountCount; a++)
        {
            var count = starts[a];
            starts[a] = next;
            next += count;
        }

        var grouped = new Row[rows.Count];
        var fill = (int[])starts.Clone();
        foreach (var row in rows)
        {
            grouped[fill[row.Account]++] = row;
        }

        for (var a = 0; a < accountCount; a++)
        {
            var end = a + 1 < accountCount ? starts[a + 1] : grouped.Length;
            grouped.AsSpan(starts[a], end - starts[a]).Sort(static (x, y) =>
            {
                var byTime = x.OccurredAtMs.CompareTo(y.OccurredAtMs);
                return byTime != 0 ? byTime : x.Id.CompareTo(y.Id);
            });
        }

        return grouped;
    }

    private static AesEvent[] ToAesEvents(Row[] grouped, int[] starts, List<(Seniority Seniority, BuyingRole Role)> contactPersonas)
    {
        // Contacts are numbered 0, 1, 2, … per account in time order. A stamp per account marks
        // which global contact keys already have a number, so no per-account dictionary is needed.
        var localIndex = new int[contactPersonas.Count];
        var stampOf = new int[contactPersonas.Count];
        var events = new AesEvent[grouped.Length];
        for (var a = 0; a < starts.Length; a++)
        {
            var stamp = a + 1;
            var nextContact = 0;
            var end = a + 1 < starts.Length ? starts[a + 1] : grouped.Length;
            for (var i = starts[a]; i < end; i++)
            {
                ref readonly var row = ref grouped[i];
                var contact = -1;
                var (seniority, role) = (Seniority.Other, BuyingRole.Unknown);
                if (row.ContactKey >= 0)
                {
                    if (stampOf[row.ContactKey] != stamp)
                    {
                        stampOf[row.ContactKey] = stamp;
                        localIndex[row.ContactKey] = nextContact++;
                    }

                    contact = localIndex[row.ContactKey];
                    (seniority, role) = contactPersonas[row.ContactKey];
                }

                events[i] = new AesEvent(row.OccurredAtMs, row.TypeIndex, contact, row.Quantity, seniority, role, row.Function);
            }
        }

        return events;
    }

    private readonly record struct Row(int Account, long OccurredAtMs, long Id, int ContactKey, int TypeIndex, float Quantity, BusinessFunction Function);
}
