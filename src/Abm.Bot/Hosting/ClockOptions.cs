namespace Abm.Bot.Hosting;

/// <summary>Clock settings, bound from <c>Abm:Clock</c>.</summary>
public sealed class ClockOptions
{
    public const string SectionName = "Abm:Clock";

    /// <summary>
    /// Freezes "now" at this instant, so historical data sets score as they did then (for example
    /// <c>2017-06-30T00:00:00Z</c>). Default: unset, the system clock.
    /// </summary>
    public DateTimeOffset? AsOf { get; set; }
}

/// <summary>
/// A clock whose "now" stays at one instant. Timers and delays still run on real time, so
/// timeouts and retries behave normally while scores are computed as of the frozen instant.
/// </summary>
public sealed class FrozenTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
