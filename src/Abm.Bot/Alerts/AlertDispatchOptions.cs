namespace Abm.Bot.Alerts;

/// <summary>The outbox dispatcher (section <c>Abm:Alerts:Dispatch</c>).</summary>
public sealed class AlertDispatchOptions
{
    public const string SectionName = "Abm:Alerts:Dispatch";

    /// <summary>Run the dispatcher and the scheduled re-evaluation in this process. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a claimed row is held; after it a crashed instance's rows are claimed again. Default 1 minute.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Pause between polls when nothing was due. Default 100 ms: with 1 second, an alert could
    /// wait a whole second before pickup, and the event-to-alert p99 at 1,000 events/s was 1.17 s
    /// (0.66 s with 100 ms; docs/benchmarks.md).
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Rows claimed per poll. Default 100.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Conversations sent to in parallel. Default 8.</summary>
    public int Parallelism { get; set; } = 8;

    /// <summary>Least time between two messages to one conversation (Slack allows about one per second per channel). Default 1 second.</summary>
    public TimeSpan PerConversationInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait before retrying a row after a 429, a 5xx or a network failure. Default 5 minutes.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A name for this instance in the lease column; default machine name and process id.</summary>
    public string? InstanceName { get; set; }

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Check(bool ok, string key, object value, string fix)
        {
            if (!ok)
            {
                errors.Add(FormattableString.Invariant($"{SectionName}:{key} = {value} is invalid: {fix}."));
            }
        }

        Check(Lease >= TimeSpan.FromSeconds(5), nameof(Lease), Lease, "use at least 00:00:05, longer than one send takes");
        Check(PollInterval > TimeSpan.Zero, nameof(PollInterval), PollInterval, "use more than 00:00:00");
        Check(BatchSize is >= 1 and <= 1000, nameof(BatchSize), BatchSize, "use 1 to 1000");
        Check(Parallelism is >= 1 and <= 64, nameof(Parallelism), Parallelism, "use 1 to 64");
        Check(PerConversationInterval >= TimeSpan.Zero, nameof(PerConversationInterval), PerConversationInterval, "use 00:00:00 or more");
        Check(MaxRetryDelay >= TimeSpan.FromSeconds(1), nameof(MaxRetryDelay), MaxRetryDelay, "use at least 00:00:01");
        return errors;
    }
}
