using Abm.Core.Alerts;
using Abm.Core.Domain;
using Abm.Core.Playbooks;
using Abm.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Abm.Core.Ingestion;

/// <summary>What one ingestion did; every record is either accepted, a duplicate or in <see cref="Errors"/>.</summary>
/// <param name="Duplicates">Indexes of records whose (source, id) was already stored or repeated earlier in the request.</param>
public sealed record IngestionResult(int Accepted, IReadOnlyList<int> Duplicates, IReadOnlyList<IngestionError> Errors, int Alerts);

/// <summary>
/// Stores engagement events from one source and re-scores the accounts they touch. The events,
/// the accounts' alert state, the alerts and their outbox rows commit in one transaction.
/// </summary>
public sealed class EventIngestor(
    IDbContextFactory<AbmDbContext> contexts,
    AlertEvaluator evaluator,
    IngestionOptions options,
    TimeProvider time,
    ILogger<EventIngestor> logger,
    IEnumerable<IEngagementEventsObserver>? observers = null)
{
    private const int Attempts = 3;

    /// <summary>Validates and stores the records; idempotent on (source, record id).</summary>
    public async Task<IngestionResult> IngestAsync(string source, IReadOnlyList<RawRecord> records, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await TryIngestAsync(source, records, cancellationToken);
                Log.Ingested(logger, source, result.Accepted, result.Duplicates.Count, result.Errors.Count);
                return result;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Another request stored one of these ids or evaluated one of these accounts first: start over.
                Log.ConcurrentEvaluation(logger, attempt);
            }
        }
    }

    private async Task<IngestionResult> TryIngestAsync(string source, IReadOnlyList<RawRecord> records, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var errors = new List<IngestionError>();
        var duplicates = new List<int>();
        var valid = new List<ValidRecord>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in records)
        {
            var record = EventRecordValidator.Validate(raw, source, now + options.FutureTolerance, errors);
            if (record is null)
            {
                continue;
            }

            if (!seen.Add(record.SourceId))
            {
                duplicates.Add(record.Index);
                continue;
            }

            valid.Add(record);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = valid.Where(r => r.AccountId != null).Select(r => r.AccountId!).Distinct().ToList();
        var known = (await db.Accounts.Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var domains = valid.Where(r => r.AccountId == null).Select(r => r.AccountDomain!).Distinct().ToList();
        var byDomain = (await db.Accounts.Where(a => a.Domain != null && domains.Contains(a.Domain)).Select(a => new { a.Id, a.Domain }).ToListAsync(cancellationToken))
            .GroupBy(a => a.Domain!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(a => a.Id).Order(StringComparer.Ordinal).First(), StringComparer.Ordinal);
        var sourceIds = valid.Select(r => r.SourceId).ToList();
        var stored = (await db.Events.Where(e => e.Source == source && sourceIds.Contains(e.SourceId)).Select(e => e.SourceId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

        var added = new List<EngagementEvent>();
        foreach (var record in valid)
        {
            if (stored.Contains(record.SourceId))
            {
                duplicates.Add(record.Index);
                continue;
            }

            var accountId = ResolveAccount(record, known, byDomain, errors);
            if (accountId is null)
            {
                continue;
            }

            record.Event.AccountId = accountId;
            db.Events.Add(record.Event);
            added.Add(record.Event);
        }

        var summary = await evaluator.EvaluateAsync(db, added.Select(e => e.AccountId).ToList(), added, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var observer in observers ?? [])
        {
            await observer.EventsStoredAsync(added, cancellationToken);
        }

        duplicates.Sort();
        return new IngestionResult(added.Count, duplicates, errors.OrderBy(e => e.Index).ToList(), summary.Alerts);
    }

    private static string? ResolveAccount(ValidRecord record, HashSet<string> known, Dictionary<string, string> byDomain, List<IngestionError> errors)
    {
        if (record.AccountId is { } id)
        {
            if (known.Contains(id))
            {
                return id;
            }

            errors.Add(new IngestionError(record.Index, "accountId", $"\"{id}\" is not a known account: import the account first, or send accountDomain"));
            return null;
        }

        if (byDomain.TryGetValue(record.AccountDomain!, out var byDomainId))
        {
            return byDomainId;
        }

        errors.Add(new IngestionError(record.Index, "accountDomain", $"no account has the domain \"{record.AccountDomain}\": import the account first, or send accountId"));
        return null;
    }
}
