using Abm.Core.Domain;

namespace Abm.Core.Playbooks;

/// <summary>
/// Hears about engagement events once they are stored. Ingestion calls every registered
/// observer after its transaction commits; an observer handles its own failures, because the
/// events are stored either way.
/// </summary>
public interface IEngagementEventsObserver
{
    Task EventsStoredAsync(IReadOnlyList<EngagementEvent> events, CancellationToken cancellationToken);
}

/// <summary>Completes playbook steps whose evidence event arrived.</summary>
public sealed class PlaybookEvidenceObserver(PlaybookService playbooks, Microsoft.Extensions.Logging.ILogger<PlaybookEvidenceObserver> logger) : IEngagementEventsObserver
{
    public async Task EventsStoredAsync(IReadOnlyList<EngagementEvent> events, CancellationToken cancellationToken)
    {
        try
        {
            await playbooks.CompleteByEventsAsync(events, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.EvidenceFailed(logger, events.Count, exception);
        }
    }
}
