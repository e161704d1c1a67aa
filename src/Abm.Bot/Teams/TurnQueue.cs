using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Abm.Bot.Teams;

/// <summary>One acknowledged activity whose work (answering, storing, welcoming) runs after the HTTP response.</summary>
/// <param name="Kind">What the work is, for logs: <c>message</c>, <c>conversationUpdate</c>, ….</param>
internal sealed record TurnWork(string Kind, Activity Activity, Func<Activity, CancellationToken, Task> RunAsync);

/// <summary>
/// Acknowledged turns waiting for a worker. Teams expects a response within seconds, so the
/// endpoint acknowledges at once and <see cref="TurnWorker"/> does the work; the bounded queue
/// turns overload into 503s (which Teams retries) instead of unbounded memory.
/// </summary>
internal sealed class TurnQueue(IOptions<TeamsOptions> options)
{
    private readonly Channel<TurnWork> _channel = Channel.CreateBounded<TurnWork>(new BoundedChannelOptions(options.Value.TurnQueueCapacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = false,
        SingleWriter = false,
    });

    public int Capacity { get; } = options.Value.TurnQueueCapacity;

    public ChannelReader<TurnWork> Reader => _channel.Reader;

    /// <summary>Queues the work; false when the queue is full.</summary>
    public bool TryEnqueue(TurnWork work) => _channel.Writer.TryWrite(work);
}

/// <summary>
/// Runs queued turns with <see cref="TeamsOptions.TurnConcurrency"/> workers. Each turn gets a log
/// scope with its activity and conversation ids and its own timeout; a timeout is logged apart
/// from a failure, and neither stops the worker.
/// </summary>
internal sealed class TurnWorker(TurnQueue queue, IOptions<TeamsOptions> options, ILogger<TurnWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var workers = Enumerable.Range(0, options.Value.TurnConcurrency).Select(_ => RunWorkerAsync(stoppingToken));
        return Task.WhenAll(workers);
    }

    private async Task RunWorkerAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var work in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await RunTurnAsync(work, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; turns still queued are dropped and Teams does not retry them.
        }
    }

    internal async Task RunTurnAsync(TurnWork work, CancellationToken stoppingToken)
    {
        using var scope = Log.TurnScope(logger, work.Activity.Id, work.Activity.Conversation?.Id);
        var timeout = options.Value.TurnTimeout;
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeoutSource.CancelAfter(timeout);

        try
        {
            await work.RunAsync(work.Activity, timeoutSource.Token);
            Log.TurnCompleted(logger, work.Kind);
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            Log.TurnTimedOut(logger, work.Kind, timeout);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            Log.TurnFailed(logger, work.Kind, exception);
        }
    }
}
