using System.Collections.Concurrent;

namespace Abm.Bot.Slack.Turns;

/// <summary>
/// Receipt keys known to be stored, kept in two generations: when the newer one fills, it becomes
/// the older and the older is dropped. Any thread may read; only one thread at a time may add.
/// A key may be forgotten (the database still has it) but is never reported before it was added.
/// </summary>
internal sealed class RecentKeys(int capacityPerGeneration)
{
    private volatile ConcurrentDictionary<string, byte> _current = new(StringComparer.Ordinal);
    private volatile ConcurrentDictionary<string, byte> _previous = new(StringComparer.Ordinal);
    private int _currentCount;

    public bool ContainsAny(IReadOnlyList<string> keys)
    {
        var current = _current;
        var previous = _previous;
        foreach (var key in keys)
        {
            if (current.ContainsKey(key) || previous.ContainsKey(key))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds keys; callers must not add from two threads at once.</summary>
    public void Add(IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            if (!_current.TryAdd(key, 0))
            {
                continue;
            }

            if (++_currentCount >= capacityPerGeneration)
            {
                _previous = _current;
                _current = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
                _currentCount = 0;
            }
        }
    }
}
