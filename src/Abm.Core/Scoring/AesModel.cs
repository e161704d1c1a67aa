using Abm.Core.Domain;
using Microsoft.Extensions.Options;

namespace Abm.Core.Scoring;

/// <summary>
/// The engagement options compiled into flat per-type tables (points, points per unit,
/// decay rate per millisecond, 7-day-back factor) that <see cref="AesCalculator"/> reads on its
/// hot path. Immutable and safe to share between threads.
/// </summary>
public sealed class AesModel
{
    /// <summary>Type index of event types missing from the configuration.</summary>
    public const int UnknownTypeIndex = 0;

    /// <summary>Type index of excluded event types, which never score.</summary>
    public const int ExcludedTypeIndex = 1;

    internal const long DayMs = 86_400_000;
    internal const long SevenDaysMs = 7 * DayMs;

    private readonly Dictionary<string, int> _typeIndexes;
    private readonly string[] _typeNames;
    private readonly EngagementOptions _options;

    public AesModel(IOptions<ScoringOptions> options)
        : this(options.Value)
    {
    }

    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public AesModel(ScoringOptions options)
    {
        ScoringOptionsValidator.ThrowIfInvalid(options);
        _options = options.Engagement;

        var types = new List<(string Name, EventTypeOptions Options)>
        {
            ("unknown", _options.UnknownType),
            ("excluded", new EventTypeOptions { HalfLife = TimeSpan.FromDays(1) }),
        };
        _typeIndexes = new(StringComparer.OrdinalIgnoreCase);
        foreach (var excluded in _options.ExcludedTypes)
        {
            _typeIndexes[excluded.Trim()] = ExcludedTypeIndex;
        }

        foreach (var (name, typeOptions) in _options.EventTypes.OrderBy(t => t.Key, StringComparer.OrdinalIgnoreCase))
        {
            if (_typeIndexes.TryAdd(name.Trim(), types.Count))
            {
                types.Add((name.Trim(), typeOptions));
            }
        }

        var count = types.Count;
        _typeNames = types.Select(t => t.Name).ToArray();
        Points = new double[count];
        PointsPerUnit = new double[count];
        DefaultQuantity = new double[count];
        DecayPerMs = new double[count];
        SevenDaysBackFactor = new double[count];
        Capped = new bool[count];
        for (var i = 0; i < count; i++)
        {
            var typeOptions = types[i].Options;
            Points[i] = typeOptions.Points;
            PointsPerUnit[i] = typeOptions.PointsPerUnit;
            DefaultQuantity[i] = typeOptions.DefaultQuantity;

            // 0.5^(age / halfLife) = e^(age × −ln 2 / halfLife).
            DecayPerMs[i] = -Math.Log(2) / typeOptions.HalfLife.TotalMilliseconds;

            // Points decayed to asOf − 7 days = points decayed to asOf × 2^(7 days / halfLife).
            SevenDaysBackFactor[i] = Math.Exp(-DecayPerMs[i] * SevenDaysMs);
            Capped[i] = typeOptions.Capped;
        }

        Points[ExcludedTypeIndex] = 0;
        PersonaMultiplier = new double[(int)Seniority.CLevel + 1];
        foreach (var seniority in Enum.GetValues<Seniority>())
        {
            PersonaMultiplier[(int)seniority] = _options.PersonaMultipliers.TryGetValue(seniority, out var multiplier) ? multiplier : 1.0;
        }
    }

    public EngagementOptions Options => _options;

    /// <summary>Number of type indexes, including the unknown and excluded slots.</summary>
    public int TypeCount => _typeNames.Length;

    internal double[] Points { get; }

    internal double[] PointsPerUnit { get; }

    internal double[] DefaultQuantity { get; }

    internal double[] DecayPerMs { get; }

    internal double[] SevenDaysBackFactor { get; }

    internal bool[] Capped { get; }

    internal double[] PersonaMultiplier { get; }

    /// <summary>Returns the index of an event type key: configured, <see cref="ExcludedTypeIndex"/> or <see cref="UnknownTypeIndex"/>.</summary>
    public int TypeIndexOf(string type) =>
        _typeIndexes.TryGetValue(type.Trim(), out var index) ? index : UnknownTypeIndex;

    /// <summary>Returns the configured key of a type index.</summary>
    public string TypeNameOf(int typeIndex) => _typeNames[typeIndex];

    /// <summary>Maps raw points to 0–100 as 100 × (1 − e^(−raw / scale)), rounded to one decimal; raw ≤ 0 gives 0.</summary>
    public double Normalise(double rawPoints) =>
        rawPoints <= 0 ? 0 : Math.Round(100 * (1 - Math.Exp(-rawPoints / _options.Scale)), 1);

    /// <summary>Returns the band of a 0–100 score; a score equal to a threshold is in the higher band.</summary>
    public EngagementBand BandOf(double score) =>
        score >= _options.HotThreshold ? EngagementBand.Hot
        : score >= _options.EngagedThreshold ? EngagementBand.Engaged
        : score >= _options.WarmThreshold ? EngagementBand.Warm
        : EngagementBand.Cold;
}
