using Abm.Core.Answers;
using Abm.Core.Playbooks;

namespace Abm.Core.TargetList;

/// <summary>
/// Puts the target-list and playbook commands in front of another assistant. Text that their
/// parsers recognise is handled here, and the rest goes to <paramref name="inner"/> unchanged.
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
            : AskInnerAsync(question, asker, cancellationToken);
    }

    private static readonly IReadOnlyList<HelpCommand> Commands =
    [
        new("add Contoso to the target list because …", "Propose an account for the Target Account List; a new one with its domain: \"add Tailspin (tailspin.com) to the target list\"."),
        new("pending approvals", "Target-list proposals that wait for a decision."),
        new("history of Contoso", "Every proposal, decision and change for an account."),
        new("start executive outreach on Contoso", "Start a playbook on an account; \"list playbooks\" shows them."),
        new("playbook status Contoso", "Every playbook on an account with progress, next step and owners."),
    ];

    /// <summary>Asks the inner assistant and adds these commands to its help list.</summary>
    private async Task<Reply> AskInnerAsync(string question, Asker asker, CancellationToken cancellationToken)
    {
        var reply = await inner.AskAsync(question, asker, cancellationToken);
        return reply is HelpReply help ? help with { Commands = [.. help.Commands, .. Commands] } : reply;
    }

    public Task<Reply> ExecuteAsync(string verb, IReadOnlyDictionary<string, string> data, Asker asker, CancellationToken cancellationToken) =>
        inner.ExecuteAsync(verb, data, asker, cancellationToken);
}
