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

    /// <summary>
    /// Runs the workflow buttons (<see cref="WorkflowVerbs"/>) and passes every other verb to the
    /// inner assistant. Account summaries from either path get the workflow buttons added.
    /// </summary>
    public async Task<Reply> ExecuteAsync(string verb, IReadOnlyDictionary<string, string> data, Asker asker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (verb is not (WorkflowVerbs.Propose or WorkflowVerbs.ChoosePlaybook or WorkflowVerbs.StartPlaybook))
        {
            return WithWorkflowActions(await inner.ExecuteAsync(verb, data, asker, cancellationToken));
        }

        if (!data.TryGetValue(ReplyVerbs.AccountIdKey, out var accountId) || string.IsNullOrWhiteSpace(accountId))
        {
            return new TextReply($"The action \"{verb}\" carries no {ReplyVerbs.AccountIdKey}. Ask in chat instead, such as \"tell me about <account>\".");
        }

        return verb switch
        {
            WorkflowVerbs.Propose => await targetList.ProposeAccountAsync(accountId, data.GetValueOrDefault(WorkflowVerbs.ReasonKey), asker, cancellationToken),
            WorkflowVerbs.ChoosePlaybook => await playbooks.ChooseAsync(accountId, cancellationToken),
            _ => await playbooks.StartOnAccountAsync(data.GetValueOrDefault(WorkflowVerbs.PlaybookKey) ?? string.Empty, accountId, asker, cancellationToken),
        };
    }

    /// <summary>Adds "Propose for target list" (unless the account is a target) and "Start a playbook" to an account summary.</summary>
    private static Reply WithWorkflowActions(Reply reply)
    {
        if (reply is not AccountSummaryReply summary)
        {
            return reply;
        }

        var account = summary.Account;
        var actions = summary.Actions.ToList();
        if (!account.IsTarget)
        {
            actions.Add(WorkflowVerbs.ProposeAction(account.Id));
        }

        actions.Add(WorkflowVerbs.ChoosePlaybookAction(account.Id));
        return summary with { Actions = actions };
    }

    /// <summary>Returns the target-list and playbook commands for the help list, with examples about <paramref name="account"/>.</summary>
    private static IReadOnlyList<HelpCommand> Commands(string account) =>
    [
        new($"add {account} to the target list because …", "Propose an account for the Target Account List; a new one with its web domain: \"add <name> (<web domain>) to the target list\"."),
        new("pending approvals", "Target-list proposals that wait for a decision."),
        new($"history of {account}", "Every proposal, decision and change for an account."),
        new($"start executive outreach on {account}", "Start a playbook on an account; \"list playbooks\" shows them."),
        new($"playbook status {account}", "Every playbook on an account with progress, next step and owners."),
    ];

    /// <summary>Asks the inner assistant and adds these commands to its help list.</summary>
    private async Task<Reply> AskInnerAsync(string question, Asker asker, CancellationToken cancellationToken)
    {
        var reply = await inner.AskAsync(question, asker, cancellationToken);
        return reply is HelpReply help ? help with { Commands = [.. help.Commands, .. Commands(help.ExampleAccount)] } : WithWorkflowActions(reply);
    }
}
