namespace Abm.Core.Ingestion;

/// <summary>Limits of the events API (section <c>Abm:Ingestion</c>).</summary>
public sealed class IngestionOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Abm:Ingestion";

    /// <summary>Largest request body accepted; larger ones get 413. Default 4 MiB.</summary>
    public long MaxBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Most records in one request; more get 413. Default 10,000.</summary>
    public int MaxRecords { get; set; } = 10_000;

    /// <summary>How far in the future an event's time may be (clock skew between systems). Default 5 minutes.</summary>
    public TimeSpan FutureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Returns the configuration errors, each naming the key, the value and the fix; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxBodyBytes < 1024)
        {
            errors.Add(FormattableString.Invariant($"{SectionName}:{nameof(MaxBodyBytes)} = {MaxBodyBytes} is too small: use at least 1024 bytes."));
        }

        if (MaxRecords < 1)
        {
            errors.Add(FormattableString.Invariant($"{SectionName}:{nameof(MaxRecords)} = {MaxRecords} is invalid: use 1 or more."));
        }

        if (FutureTolerance < TimeSpan.Zero)
        {
            errors.Add(FormattableString.Invariant($"{SectionName}:{nameof(FutureTolerance)} = {FutureTolerance} is invalid: use 00:00:00 or more."));
        }

        return errors;
    }
}
