using Abm.Core.Answers;
using Abm.Core.Playbooks;

namespace Abm.Core.TargetList;

/// <summary>
/// Puts the target-list and playbook commands in front of the answering assistant: text its
/// own parsers recognise is answered here, the rest goes to <paramref name="inner"/> unchanged.
/// </summary>
public sealed class WorkflowAssistant(IAssistant inner, TargetListCommands targetList, PlaybookCommands playbooks) : IAssistant
{
    public Task<Reply> AskAsync(string question, Asker asker, CancellationToken cancellationToken)
    {
        if (TargetListCommandParser.Parse(question) is { } command)
        {
            return targetList.AnswerAsync(command, asker, cancellationToken);
        }

        return PlaybookCommandParser.Parse(question) is { } playbook
            ? playbooks.AnswerAsync(playbook, asker, cancellationToken)
            : inner.AskAsync(question, asker, cancellationToken);
    }

    public Task<Reply> ExecuteAsync(string verb, IReadOnlyDictionary<string, string> data, Asker asker, CancellationToken cancellationToken) =>
        inner.ExecuteAsync(verb, data, asker, cancellationToken);
}
