namespace Abm.Core.Answers;

/// <summary>Who asked, as far as the channel could tell.</summary>
/// <param name="PersonId">The matched <see cref="Domain.Person"/>, or null when the user is not mapped.</param>
/// <param name="DisplayName">Name the channel reported.</param>
/// <param name="Channel"><c>msteams</c>, <c>slack</c> or <c>cli</c>.</param>
public sealed record Asker(string? PersonId, string? DisplayName, string Channel)
{
    /// <summary>The conversation the message came from (Teams conversation id without thread, Slack channel id), when the channel knows it.</summary>
    public string? ConversationId { get; init; }
}

/// <summary>Answers questions about accounts and runs card actions, for every channel.</summary>
public interface IAssistant
{
    /// <summary>Answers a question typed in chat, with the bot's mention already removed.</summary>
    Task<Reply> AskAsync(string question, Asker asker, CancellationToken cancellationToken);

    /// <summary>Runs a card button's action (<see cref="ReplyVerbs"/>) and returns the reply that replaces the card.</summary>
    Task<Reply> ExecuteAsync(string verb, IReadOnlyDictionary<string, string> data, Asker asker, CancellationToken cancellationToken);
}
