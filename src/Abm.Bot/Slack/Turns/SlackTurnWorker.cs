using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Abm.Bot.Slack.Turns;

/// <summary>
/// Runs queued Slack turns, <see cref="SlackOptions.Concurrency"/> at a time, each under its own
/// timeout. The work outlives the inbound request, which was acknowledged before it started.
/// Also deletes old processed-event receipts once an hour.
/// </summary>
public sealed class SlackTurnWorker(
    SlackTurnQueue queue,
    ProcessedEventStore receipts,
    IServiceScopeFactory scopeFactory,
    TimeProvider timeProvider,
    IOptions<SlackOptions> options,
    ILogger<SlackTurnWorker> logger) : BackgroundService
{
    private static readonly TimeSpan CleanupInterval = TimeSpan.FromHours(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var concurrency = options.Value.Concurrency;
        Log.SlackWorkerStarted(logger, concurrency);
        var loops = Enumerable.Range(0, concurrency).Select(_ => RunTurnsAsync(stoppingToken)).Append(CleanUpAsync(stoppingToken));
        return Task.WhenAll(loops);
    }

    private async Task RunTurnsAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var turn in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await RunTurnAsync(turn, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task RunTurnAsync(SlackTurn turn, CancellationToken stoppingToken)
    {
        using var scope = logger.BeginScope(new KeyValuePair<string, object>[] { new("SlackTurnId", turn.Id), new("SlackTeamId", turn.TeamId) });
        var timeout = options.Value.TurnTimeout;
        using var timeoutSource = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeoutSource.Token);

        // Each turn gets its own scope, like a request: the assistant and its database context are scoped.
        await using var services = scopeFactory.CreateAsyncScope();
        var handler = services.ServiceProvider.GetRequiredService<SlackTurnHandler>();
        try
        {
            if (!await receipts.TryClaimAsync(turn.Keys, linked.Token))
            {
                Log.SlackDuplicateSkipped(logger, turn.Id);
                return;
            }

            await handler.HandleAsync(turn, linked.Token);
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            Log.SlackTurnTimedOut(logger, turn.Id, timeout);
            await NotifyFailureAsync(handler, turn, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // One failed turn must not stop the worker; the asker hears about it and the error is logged.
            Log.SlackTurnFailed(logger, ex, turn.Id);
            await NotifyFailureAsync(handler, turn, stoppingToken);
        }
    }

    private async Task NotifyFailureAsync(SlackTurnHandler handler, SlackTurn turn, CancellationToken stoppingToken)
    {
        using var noticeTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(10), timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, noticeTimeout.Token);
        await handler.NotifyFailureAsync(turn, linked.Token);
    }

    private async Task CleanUpAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CleanupInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var deleted = await receipts.DeleteOlderThanAsync(options.Value.ProcessedEventRetention, stoppingToken);
                    Log.SlackReceiptsDeleted(logger, deleted);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Log.SlackReceiptCleanupFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }
}
