using System.Collections.Concurrent;
using Abm.Core.Answers;

namespace Abm.Bot.Tests.Teams.Fakes;

/// <summary>An assistant that echoes and records what it was asked.</summary>
public sealed class FakeAssistant : IAssistant
{
    public ConcurrentQueue<(string Question, Asker Asker)> Questions { get; } = new();

    public ConcurrentQueue<(string Verb, IReadOnlyDictionary<string, string> Data, Asker Asker)> Actions { get; } = new();

    /// <summary>When set, every call waits this long (honouring cancellation) before answering.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>When set, every call throws it.</summary>
    public Exception? Failure { get; set; }

    public async Task<Reply> AskAsync(string question, Asker asker, CancellationToken cancellationToken)
    {
        Questions.Enqueue((question, asker));
        await BehaveAsync(cancellationToken);
        return new TextReply("echo: " + question) { Actions = [ReplyVerbs.ForAccount(ReplyVerbs.Why, "Why?", "acct-1")] };
    }

    public async Task<Reply> ExecuteAsync(string verb, IReadOnlyDictionary<string, string> data, Asker asker, CancellationToken cancellationToken)
    {
        Actions.Enqueue((verb, data, asker));
        await BehaveAsync(cancellationToken);
        return new TextReply("ran: " + verb);
    }

    private async Task BehaveAsync(CancellationToken cancellationToken)
    {
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }

        if (Failure is not null)
        {
            throw Failure;
        }
    }
}
