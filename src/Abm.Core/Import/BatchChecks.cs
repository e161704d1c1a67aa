using Abm.Core.Domain;
using Abm.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Abm.Core.Import;

/// <summary>Checks across rows: repeated keys and references to accounts that exist nowhere.</summary>
internal static class BatchChecks
{
    /// <summary>
    /// Drops later rows that repeat a key within one entity kind when their source is marked
    /// <c>distinct</c>; otherwise reports both lines.
    /// </summary>
    public static void RemoveDuplicates(ImportBatch batch, List<ImportError> errors)
    {
        Dedupe(batch.People, p => p.Id, errors);
        Dedupe(batch.Accounts, a => a.Id, errors);
        Dedupe(batch.Contacts, c => c.Id, errors);
        Dedupe(batch.Opportunities, o => o.Id, errors);
        Dedupe(batch.Events, e => e.SourceId, errors);
    }

    /// <summary>Reports contacts, opportunities and events whose account is neither in this import nor in the database.</summary>
    public static async Task CheckAccountReferencesAsync(AbmDbContext db, ImportBatch batch, List<ImportError> errors, CancellationToken cancellationToken)
    {
        var known = batch.Accounts.Select(a => a.Entity.Id).ToHashSet(StringComparer.Ordinal);
        var references = batch.Contacts.Select(m => (m.Entity.AccountId, m.Row, m.Source))
            .Concat(batch.Opportunities.Select(m => (m.Entity.AccountId, m.Row, m.Source)))
            .Concat(batch.Events.Select(m => (m.Entity.AccountId, m.Row, m.Source)))
            .ToList();
        var unknown = references.Select(r => r.AccountId).Where(id => !known.Contains(id)).Distinct().ToList();
        foreach (var chunk in unknown.Chunk(1_000))
        {
            known.UnionWith(await db.Accounts.Where(a => chunk.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken));
        }

        foreach (var (accountId, row, source) in references.Where(r => !known.Contains(r.AccountId)))
        {
            var column = source.Fields["account"].Template.Columns.FirstOrDefault();
            errors.Add(new ImportError(row.Table.Name, row.Line, column, column is null ? accountId : row.Get(column), $"account '{accountId}' was found neither in this import nor in the database"));
        }
    }

    private static void Dedupe<T>(List<Mapped<T>> items, Func<T, string> key, List<ImportError> errors)
    {
        var seen = new Dictionary<string, Mapped<T>>(StringComparer.Ordinal);
        items.RemoveAll(item =>
        {
            if (seen.TryAdd(key(item.Entity), item))
            {
                return false;
            }

            var first = seen[key(item.Entity)];
            if (!item.Source.Distinct)
            {
                var column = item.Source.Key.Columns.FirstOrDefault();
                errors.Add(new ImportError(item.Row.Table.Name, item.Row.Line, column, key(item.Entity), $"the key repeats {first.Row.Table.Name} line {first.Row.Line}; keys must be unique (mark the source 'distinct: true' if repeats are expected)"));
            }

            return true;
        });
    }
}
