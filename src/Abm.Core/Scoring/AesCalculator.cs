using System.Numerics;
using Abm.Core.Domain;

namespace Abm.Core.Scoring;

/// <summary>
/// The one implementation of the AES maths, over compact events. For each event up to the
/// instant: points = (type points + points per unit × quantity) × persona multiplier; capped
/// types add at most the daily cap per contact and UTC day, in time order; then the points
/// decay as × 0.5^(age / half-life).
/// </summary>
/// <remarks>
/// No allocation per event and no LINQ: the loop reads flat per-type tables from
/// <see cref="AesModel"/>. An instance keeps scratch arrays for the per-contact cap, so use one
/// instance per thread.
/// </remarks>
public sealed class AesCalculator(AesModel model)
{
    private readonly AesModel _model = model;
    private int[] _capStamp = new int[16];
    private long[] _capDay = new long[16];
    private double[] _capUsed = new double[16];
    private int[] _engagedStamp = new int[16];
    private int _stamp;

    public AesModel Model => _model;

    /// <summary>Scores one account's events as of an instant.</summary>
    /// <param name="events">The account's events, sorted by time (the cap counts a day's events in that order).</param>
    /// <param name="asOfMs">The instant in Unix milliseconds; later events are ignored.</param>
    /// <param name="decayedPoints">Empty, or a span as long as <paramref name="events"/> that receives each event's decayed points (0 for ignored events).</param>
    public AesTotals Compute(ReadOnlySpan<AesEvent> events, long asOfMs, Span<double> decayedPoints = default)
    {
        if (!decayedPoints.IsEmpty && decayedPoints.Length != events.Length)
        {
            throw new ArgumentException($"The span has {decayedPoints.Length} slots for {events.Length} events; pass an empty span or one slot per event.", nameof(decayedPoints));
        }

        var points = _model.Points;
        var perUnit = _model.PointsPerUnit;
        var defaultQuantity = _model.DefaultQuantity;
        var decayPerMs = _model.DecayPerMs;
        var backFactor = _model.SevenDaysBackFactor;
        var capped = _model.Capped;
        var persona = _model.PersonaMultiplier;
        var options = _model.Options;
        var anonymous = options.AnonymousMultiplier;
        var cap = options.ContactDailyCap;
        var sevenDaysAgoMs = asOfMs - AesModel.SevenDaysMs;
        var breadthFromMs = asOfMs - (long)options.BreadthWindow.TotalMilliseconds;
        var stamp = NextStamp();

        Span<double> byFunction = stackalloc double[4];
        byFunction.Clear();
        double raw = 0, rawBefore = 0;
        long lastActivity = long.MinValue;
        int scored = 0, unknown = 0, engagedContacts = 0, roleMask = 0;

        for (var i = 0; i < events.Length; i++)
        {
            ref readonly var e = ref events[i];
            var at = e.OccurredAtMs;
            var type = e.TypeIndex;
            if (at > asOfMs || type == AesModel.ExcludedTypeIndex)
            {
                continue;
            }

            var quantity = float.IsNaN(e.Quantity) ? defaultQuantity[type] : e.Quantity;
            var contact = e.ContactIndex;
            var earned = (points[type] + perUnit[type] * quantity) * (contact >= 0 ? persona[(int)e.Seniority] : anonymous);

            if (contact >= 0 && earned > 0)
            {
                if (contact >= _capStamp.Length)
                {
                    Grow(contact);
                }

                if (capped[type])
                {
                    earned = ApplyCap(contact, FloorDay(at), earned, cap, stamp);
                }

                if (earned > 0 && at >= breadthFromMs && _engagedStamp[contact] != stamp)
                {
                    _engagedStamp[contact] = stamp;
                    engagedContacts++;
                    roleMask |= e.BuyingRole == BuyingRole.Unknown ? 0 : 1 << (int)e.BuyingRole;
                }
            }

            var decayed = earned * Math.Exp((asOfMs - at) * decayPerMs[type]);
            raw += decayed;
            byFunction[(int)e.Function & 3] += decayed;
            if (at <= sevenDaysAgoMs)
            {
                rawBefore += decayed * backFactor[type];
            }

            if (at > lastActivity)
            {
                lastActivity = at;
            }

            scored++;
            if (type == AesModel.UnknownTypeIndex)
            {
                unknown++;
            }

            if (!decayedPoints.IsEmpty)
            {
                decayedPoints[i] = decayed;
            }
        }

        return new AesTotals(
            raw,
            rawBefore,
            byFunction[(int)BusinessFunction.Marketing],
            byFunction[(int)BusinessFunction.SalesDevelopment],
            byFunction[(int)BusinessFunction.Sales],
            byFunction[(int)BusinessFunction.CustomerSuccess],
            engagedContacts,
            BitOperations.PopCount((uint)roleMask),
            scored == 0 ? null : lastActivity,
            scored,
            unknown);
    }

    /// <summary>Scores every account of a full recompute.</summary>
    /// <param name="events">All events, grouped by account and sorted by time within each account.</param>
    /// <param name="accountStarts">Index of each account's first event; account i spans up to the next start or the end.</param>
    /// <param name="results">Receives one total per account.</param>
    public void ComputeAll(ReadOnlySpan<AesEvent> events, ReadOnlySpan<int> accountStarts, long asOfMs, Span<AesTotals> results)
    {
        if (results.Length < accountStarts.Length)
        {
            throw new ArgumentException($"The results span has {results.Length} slots for {accountStarts.Length} accounts; pass one slot per account.", nameof(results));
        }

        for (var a = 0; a < accountStarts.Length; a++)
        {
            var start = accountStarts[a];
            var end = a + 1 < accountStarts.Length ? accountStarts[a + 1] : events.Length;
            results[a] = Compute(events[start..end], asOfMs);
        }
    }

    private double ApplyCap(int contact, long day, double earned, double cap, int stamp)
    {
        if (_capStamp[contact] != stamp || _capDay[contact] != day)
        {
            _capStamp[contact] = stamp;
            _capDay[contact] = day;
            _capUsed[contact] = 0;
        }

        var room = cap - _capUsed[contact];
        var allowed = earned < room ? earned : Math.Max(room, 0);
        _capUsed[contact] += allowed;
        return allowed;
    }

    private static long FloorDay(long unixMs) =>
        unixMs >= 0 ? unixMs / AesModel.DayMs : ((unixMs + 1) / AesModel.DayMs) - 1;

    private int NextStamp()
    {
        if (_stamp == int.MaxValue)
        {
            Array.Clear(_capStamp);
            Array.Clear(_engagedStamp);
            _stamp = 0;
        }

        return ++_stamp;
    }

    private void Grow(int contact)
    {
        var size = Math.Max(contact + 1, _capStamp.Length * 2);
        Array.Resize(ref _capStamp, size);
        Array.Resize(ref _capDay, size);
        Array.Resize(ref _capUsed, size);
        Array.Resize(ref _engagedStamp, size);
    }
}
