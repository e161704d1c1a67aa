using System.Diagnostics;
using Abm.Core.Domain;
using Abm.Core.Playbooks;
using Abm.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Abm.Core.Import;

/// <summary>
/// Imports accounts, people, contacts, opportunities and engagement events from CSV files
/// through a column mapping. All or nothing: the mapping is checked against the files, every
/// row is mapped and every account reference is resolved before anything is written, and the
/// writes share one transaction. Re-importing the same files changes nothing. After the commit,
/// the engagement-event observers get the events the import inserted, so an imported meeting
/// completes the playbook step it is evidence for. Events that were already stored are not
/// passed on again.
/// </summary>
public sealed class ImportService(
    IDbContextFactory<AbmDbContext> contextFactory,
    TimeProvider timeProvider,
    ILogger<ImportService> logger,
    IEnumerable<IEngagementEventsObserver>? observers = null)
{
    /// <summary>Events per id read-back query and per observer call, which keeps each query's list of source ids short.</summary>
    private const int ObserverChunk = 1_000;

    /// <summary>Imports the CSV files the mapping names, resolving their paths against <paramref name="baseDirectory"/>.</summary>
    /// <exception cref="ImportException">The mapping or a row is invalid; the errors name file, line, column and value, and nothing was written.</exception>
    public async Task<ImportResult> ImportAsync(ImportMapping mapping, string baseDirectory, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var startedAt = timeProvider.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();
        Log.ImportStarted(logger, mapping.Name, baseDirectory);

        var validator = new MappingValidator(mapping, baseDirectory);
        Reject(mapping, validator.Validate());

        var errors = new List<ImportError>();
        var tables = new Dictionary<string, CsvTable>(StringComparer.Ordinal);
        CsvTable? Table(string file, bool optional)
        {
            var path = validator.Resolve(file);
            if (!tables.TryGetValue(path, out var table))
            {
                if (optional && !File.Exists(path))
                {
                    return null;
                }

                progress?.Report(new ImportProgress($"Reading {file}", 0, 0));
                table = CsvTable.Read(file, path);
                tables[path] = table;
            }

            return table;
        }

        var lookups = mapping.Tables.ToDictionary(
            t => t.Key,
            t => (IReadOnlyDictionary<string, CsvRow>)Table(t.Value.File, optional: false)!.Rows
                .GroupBy(r => r.Get(t.Value.Key) ?? "", StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal),
            StringComparer.Ordinal);
        var mapper = new RowMapper(mapping, new TemplateContext(lookups, mapping.ValueMaps), errors);

        var batch = new ImportBatch();
        Each(mapping.People, (source, table) => mapper.MapPeople(source, table, batch.People));
        Each(mapping.Accounts, (source, table) => mapper.MapAccounts(source, table, batch.Accounts));
        Each(mapping.Contacts, (source, table) => mapper.MapContacts(source, table, batch.Contacts));
        Each(mapping.Opportunities, (source, table) => mapper.MapOpportunities(source, table, batch.Opportunities));
        Each(mapping.Events, (source, table) => mapper.MapEvents(source, table, batch.Events));
        void Each(IReadOnlyList<EntitySourceSpec> sources, Action<EntitySourceSpec, CsvTable> map)
        {
            foreach (var source in sources)
            {
                if (Table(source.File, source.Optional) is { } table)
                {
                    map(source, table);
                }
            }
        }

        Enrich(mapping, batch, file => Table(file, optional: false)!);
        BatchChecks.RemoveDuplicates(batch, errors);

        // References are checked only when every row mapped, so one bad account row does not
        // also report each contact, deal and event that points to it.
        Reject(mapping, errors);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await BatchChecks.CheckAccountReferencesAsync(db, batch, errors, cancellationToken);
        Reject(mapping, errors);

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var writer = new ImportWriter(db, progress);
        var result = await writer.WriteAsync(mapping.Source, batch, cancellationToken);
        var all = new[] { result.Accounts, result.People, result.Contacts, result.Opportunities, result.Events };
        var run = new ImportRun
        {
            Mapping = mapping.Name,
            Source = mapping.Source,
            StartedAt = startedAt,
            CompletedAt = timeProvider.GetUtcNow(),
            Inserted = all.Sum(c => c.Inserted),
            Updated = all.Sum(c => c.Updated),
            Unchanged = all.Sum(c => c.Unchanged),
        };
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        Log.ImportCompleted(logger, mapping.Name, run.Inserted, run.Updated, run.Unchanged, stopwatch.ElapsedMilliseconds);
        await NotifyObserversAsync(mapping.Source, writer.InsertedEvents, cancellationToken);
        return result;
    }

    /// <summary>
    /// Passes the inserted events to every observer, in chunks, with the ids the database gave them
    /// (the bulk insert does not read them back). Observers handle their own failures.
    /// </summary>
    private async Task NotifyObserversAsync(string source, List<EngagementEvent> inserted, CancellationToken cancellationToken)
    {
        var all = (observers ?? []).ToList();
        if (all.Count == 0 || inserted.Count == 0)
        {
            return;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        foreach (var chunk in inserted.Chunk(ObserverChunk))
        {
            var sourceIds = chunk.Select(e => e.SourceId).ToList();
            var ids = await db.Events.AsNoTracking()
                .Where(e => e.Source == source && sourceIds.Contains(e.SourceId))
                .Select(e => new { e.SourceId, e.Id })
                .ToDictionaryAsync(e => e.SourceId, e => e.Id, StringComparer.Ordinal, cancellationToken);
            foreach (var engagementEvent in chunk)
            {
                engagementEvent.Id = ids.GetValueOrDefault(engagementEvent.SourceId);
            }

            foreach (var observer in all)
            {
                await observer.EventsStoredAsync(chunk, cancellationToken);
            }
        }
    }

    private static void Enrich(ImportMapping mapping, ImportBatch batch, Func<string, CsvTable> table)
    {
        foreach (var source in mapping.Accounts.Where(s => s.Enrich is not null))
        {
            var enricher = source.Enrich!.Feature switch
            {
                Enrichers.Fortune1000 => new Fortune1000Enricher(table(source.Enrich.File)),
                _ => throw new InvalidOperationException($"Unknown enrichment '{source.Enrich.Feature}'."),
            };
            foreach (var mapped in batch.Accounts.Where(m => m.Source == source))
            {
                enricher.Enrich(mapped.Entity);
            }
        }
    }

    private void Reject(ImportMapping mapping, List<ImportError> errors)
    {
        if (errors.Count > 0)
        {
            Log.ImportRejected(logger, mapping.Name, errors.Count);
            throw new ImportException(errors);
        }
    }
}
