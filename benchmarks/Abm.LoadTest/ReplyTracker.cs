using System.Collections.Concurrent;

namespace Abm.LoadTest;

/// <summary>
/// Pairs each request with the reply the fakes receive for it: the load generator registers a
/// correlation id (the Teams activity id or the Slack channel) before sending, the fake completes it on arrival.
/// </summary>
internal sealed class ReplyTracker
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new(StringComparer.Ordinal);
    private long _unexpected;

    /// <summary>Replies that matched no waiting request, or arrived with a wrong token.</summary>
    public long Unexpected => Interlocked.Read(ref _unexpected);

    public Task Expect(string correlationId)
    {
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[correlationId] = completion;
        return completion.Task;
    }

    public void Forget(string correlationId) => _waiting.TryRemove(correlationId, out _);

    public void Arrived(string? correlationId, bool authorized)
    {
        if (!authorized || correlationId is null || !_waiting.TryRemove(correlationId, out var completion))
        {
            Interlocked.Increment(ref _unexpected);
            return;
        }

        completion.TrySetResult();
    }
}
