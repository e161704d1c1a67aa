using Abm.Core.Answers;

namespace Abm.Bot.Hosting;

// TODO: delete once the scoring assistant is registered by AddAbmAnswers().
internal sealed class EchoAssistant : IAssistant
{
    public Task<Reply> AskAsync(string question, Asker asker, CancellationToken cancellationToken) =>
        Task.FromResult<Reply>(new TextReply("You said: " + question));

    public Task<Reply> ExecuteAsync(string verb, IReadOnlyDictionary<string, string> data, Asker asker, CancellationToken cancellationToken) =>
        Task.FromResult<Reply>(new TextReply("You pressed: " + verb));
}
