using Abm.Core.Domain;
using Abm.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Abm.Core.Import;

/// <summary>Upserts a checked batch: entities by key, events by (source, source id), all in the caller's transaction.</summary>
internal sealed class ImportWriter(AbmDbContext db, IProgress<ImportProgress>? progress)
{
    private const int QueryChunk = 1_000;

    /// <summary>The events this write inserted, without those already stored; their <c>Id</c> is not read back and stays 0.</summary>
    public List<EngagementEvent> InsertedEvents { get; } = [];

    public async Task<ImportResult> WriteAsync(string source, ImportBatch batch, CancellationToken cancellationToken)
    {
        var people = await UpsertAsync(db.People, "people", batch.People.Select(m => m.Entity).ToList(), p => p.Id, cancellationToken);
        var accounts = await UpsertAsync(db.Accounts, "accounts", batch.Accounts.Select(m => m.Entity).ToList(), a => a.Id, cancellationToken);
        var contacts = await UpsertAsync(db.Contacts, "contacts", batch.Contacts.Select(m => m.Entity).ToList(), c => c.Id, cancellationToken);
        var opportunities = await UpsertAsync(db.Opportunities, "opportunities", batch.Opportunities.Select(m => m.Entity).ToList(), o => o.Id, cancellationToken);
        var events = await UpsertEventsAsync(source, batch.Events.Select(m => m.Entity).ToList(), cancellationToken);
        return new ImportResult(source, accounts, people, contacts, opportunities, events);
    }

    private async Task<ImportCounts> UpsertAsync<T>(DbSet<T> set, string stage, List<T> incoming, Func<T, string> key, CancellationToken cancellationToken)
        where T : class
    {
        if (incoming.Count == 0)
        {
            return new ImportCounts(0, 0, 0);
        }

        progress?.Report(new ImportProgress($"Writing {stage}", 0, incoming.Count));
        var existing = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var chunk in incoming.Select(key).Chunk(QueryChunk))
        {
            var found = await set.Where(e => chunk.Contains(EF.Property<string>(e, "Id"))).ToListAsync(cancellationToken);
            foreach (var entity in found)
            {
                existing[key(entity)] = entity;
            }
        }

        var (counts, added) = Apply(incoming, key, existing, copyKey: null);
        await db.SaveChangesAsync(cancellationToken);
        await BulkInsert.InsertAsync(db, added, cancellationToken);
        db.ChangeTracker.Clear();
        progress?.Report(new ImportProgress($"Writing {stage}", incoming.Count, incoming.Count));
        return counts;
    }

    private async Task<ImportCounts> UpsertEventsAsync(string source, List<EngagementEvent> incoming, CancellationToken cancellationToken)
    {
        if (incoming.Count == 0)
        {
            return new ImportCounts(0, 0, 0);
        }

        progress?.Report(new ImportProgress("Writing events", 0, incoming.Count));
        var existing = await db.Events.Where(e => e.Source == source).ToDictionaryAsync(e => e.SourceId, StringComparer.Ordinal, cancellationToken);
        var (counts, added) = Apply(incoming, e => e.SourceId, existing, copyKey: (from, to) => to.Id = from.Id);
        await db.SaveChangesAsync(cancellationToken);
        await BulkInsert.InsertAsync(db, added, cancellationToken);
        InsertedEvents.AddRange(added);
        db.ChangeTracker.Clear();
        progress?.Report(new ImportProgress("Writing events", incoming.Count, incoming.Count));
        return counts;
    }

    private (ImportCounts Counts, List<T> Added) Apply<T>(List<T> incoming, Func<T, string> key, Dictionary<string, T> existing, Action<T, T>? copyKey)
        where T : class
    {
        int inserted = 0, updated = 0, unchanged = 0;
        var added = new List<T>();
        foreach (var entity in incoming)
        {
            if (!existing.TryGetValue(key(entity), out var stored))
            {
                added.Add(entity);
                inserted++;
                continue;
            }

            copyKey?.Invoke(stored, entity);
            var entry = db.Entry(stored);
            entry.CurrentValues.SetValues(entity);
            if (entry.State == EntityState.Modified)
            {
                updated++;
            }
            else
            {
                unchanged++;
            }
        }

        return (new ImportCounts(inserted, updated, unchanged), added);
    }
}
