using Abm.Core.Domain;
using Abm.Core.Scoring;

namespace Abm.Benchmarks;

/// <summary>
/// The benchmark's engagement events, generated from a fixed seed so every run and both sides
/// (the calculator and SQLite) see the same data: events grouped by account, time-sorted within
/// each account, spread over two years before <see cref="AsOfMs"/>.
/// </summary>
public sealed class EventData
{
    public const int Seed = 20_261_204;

    /// <summary>The scoring instant: 2026-12-01T00:00:00Z.</summary>
    public const long AsOfMs = 1_796_083_200_000;

    private const long SpanMs = 2L * 365 * 86_400_000;

    private EventData(AesEvent[] events, int[] accountStarts)
    {
        Events = events;
        AccountStarts = accountStarts;
    }

    public AesEvent[] Events { get; }

    /// <summary>Index of each account's first event.</summary>
    public int[] AccountStarts { get; }

    /// <summary>Accounts and events from ABM_BENCH_ACCOUNTS and ABM_BENCH_EVENTS, or 100,000 and 10,000,000.</summary>
    public static (int Accounts, int Events) SizeFromEnvironment() =>
        (ReadSize("ABM_BENCH_ACCOUNTS", 100_000), ReadSize("ABM_BENCH_EVENTS", 10_000_000));

    public static EventData Generate(AesModel model, int accounts, int events)
    {
        var random = new Random(Seed);
        var data = new AesEvent[events];
        var starts = new int[accounts];
        var times = new long[(events / accounts) + 1];
        var meeting = model.TypeIndexOf("meeting");
        var next = 0;
        for (var a = 0; a < accounts; a++)
        {
            starts[a] = next;
            var count = (events / accounts) + (a < events % accounts ? 1 : 0);
            var contacts = random.Next(1, 9);
            for (var i = 0; i < count; i++)
            {
                times[i] = AsOfMs - random.NextInt64(SpanMs);
            }

            Array.Sort(times, 0, count);
            for (var i = 0; i < count; i++)
            {
                // Type indexes 0 (unknown) and 1 (excluded) appear too, as real feeds carry both.
                var type = random.Next(model.TypeCount);
                var contact = random.Next(-1, contacts);
                var quantity = type == meeting ? random.Next(15, 91) : float.NaN;
                var seniority = (Seniority)random.Next(5);
                var role = (BuyingRole)random.Next(Enum.GetValues<BuyingRole>().Length);
                var function = (BusinessFunction)random.Next(4);
                data[next++] = new AesEvent(times[i], type, contact, quantity, seniority, role, function);
            }
        }

        return new EventData(data, starts);
    }

    private static int ReadSize(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
}
