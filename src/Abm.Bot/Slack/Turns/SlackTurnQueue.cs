using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Abm.Bot.Slack.Turns;

/// <summary>Bounded queue between the endpoints, which acknowledge Slack at once, and the turn worker.</summary>
public sealed class SlackTurnQueue
{
    private readonly Channel<SlackTurn> _channel;
    private readonly int _capacity;
    private readonly ILogger<SlackTurnQueue> _logger;

    public SlackTurnQueue(IOptions<SlackOptions> options, ILogger<SlackTurnQueue> logger)
    {
        _capacity = options.Value.QueueCapacity;
        _logger = logger;
        _channel = Channel.CreateBounded<SlackTurn>(new BoundedChannelOptions(_capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });
    }

    internal ChannelReader<SlackTurn> Reader => _channel.Reader;

    /// <summary>Queues a turn without waiting; false when the queue is full.</summary>
    public bool TryEnqueue(SlackTurn turn)
    {
        if (_channel.Writer.TryWrite(turn))
        {
            Log.SlackTurnQueued(_logger, turn.Id);
            return true;
        }

        Log.SlackQueueFull(_logger, _capacity, turn.Id);
        return false;
    }
}
