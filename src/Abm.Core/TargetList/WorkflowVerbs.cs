using Abm.Core.Answers;

namespace Abm.Core.TargetList;

/// <summary>
/// The buttons that start a workflow from an account or alert card: propose the account for the
/// Target Account List, or pick and start a playbook. They reach the same code as the chat commands.
/// </summary>
public static class WorkflowVerbs
{
    public const string Propose = "account.propose";
    public const string ChoosePlaybook = "account.playbooks";
    public const string StartPlaybook = "account.playbook.start";

    /// <summary>The data key of the rep's reason for a proposal.</summary>
    public const string ReasonKey = "proposalReason";

    /// <summary>The data key of the playbook template id.</summary>
    public const string PlaybookKey = "playbook";

    /// <summary>The maximum length of a proposal's reason, in characters.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>Creates "Propose for target list", which requests the reason before it runs.</summary>
    public static ReplyAction ProposeAction(string accountId) =>
        ReplyVerbs.ForAccount(Propose, "Propose for target list", accountId) with
        {
            Input = new ReplyInput(ReasonKey, "Why should this account be a target?", "Send proposal", MaxReasonLength),
        };

    /// <summary>Creates "Start a playbook", whose reply has one button per playbook.</summary>
    public static ReplyAction ChoosePlaybookAction(string accountId) =>
        ReplyVerbs.ForAccount(ChoosePlaybook, "Start a playbook", accountId);

    public static ReplyAction StartPlaybookAction(string accountId, string templateId, string title) =>
        new(StartPlaybook, title, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ReplyVerbs.AccountIdKey] = accountId,
            [PlaybookKey] = templateId,
        });
}
