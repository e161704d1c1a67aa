using Abm.Bot.Slack.BlockKit;
using Abm.Core.Answers;
using Abm.Core.TargetList;

namespace Abm.Bot.Approvals;

/// <summary>
/// The approval message and the Reject modal in Slack. Slack has no per-user views, so a pending
/// message shows Approve and Reject to everyone and Abm replies to non-approvers privately.
/// </summary>
public static class ApprovalBlocks
{
    public const string RejectCallbackId = "abm.targetlist.reject";
    public const string ReasonBlockId = "reason";
    public const string ReasonActionId = "reason_select";
    public const string CommentBlockId = "comment";
    public const string CommentActionId = "comment_input";

    public static SlackMessage Message(ProposalView proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var composer = new MessageComposer();
        composer.Header(ApprovalText.Title(proposal));
        composer.Fields(
        [
            $"*Proposed by*\n{SlackText.Escape(proposal.Requester.Name)}",
            $"*Why*\n{SlackText.Escape(proposal.Rationale ?? "No reason given")}",
            $"*Fit*\n{ApprovalText.Fit(proposal)}",
            $"*AES*\n{SlackText.Escape(ApprovalText.Engagement(proposal))}",
            $"*Owner*\n{SlackText.Escape(ApprovalText.Owner(proposal))}",
            $"*Domain*\n{SlackText.Escape(proposal.AccountDomain ?? "unknown")}",
        ]);
        composer.Lines("Fit criteria", [.. ApprovalText.Contributions(proposal).Select(SlackText.Escape)], "No criteria scored.");
        var overlaps = ApprovalText.Overlaps(proposal).Select(SlackText.Escape).ToList();
        if (overlaps.Count > 0)
        {
            composer.Lines("Overlaps", overlaps, string.Empty);
        }

        composer.Section($"*{SlackText.Escape(ApprovalText.Status(proposal))}*");
        if (proposal.Status == ProposalStatus.Pending)
        {
            var data = ApprovalVerbs.Data(proposal.Id);
            composer.Button(new ReplyAction(ApprovalVerbs.Approve, "Approve", data));
            composer.Button(new ReplyAction(ApprovalVerbs.Reject, "Reject…", data));
        }

        return composer.Build(ApprovalText.Title(proposal) + ". " + ApprovalText.Status(proposal));
    }

    /// <summary>The Reject modal; its private metadata carries the proposal and the message to update.</summary>
    public static ModalView RejectModal(long proposalId, string? channel, string? messageTs) => new(
        new PlainText("Reject proposal"),
        [
            new InputBlock(
                new PlainText("Reason"),
                new StaticSelectElement(
                    ReasonActionId,
                    new PlainText("Pick a reason"),
                    [.. Enum.GetValues<RejectReason>().Select(r => new SelectOption(new PlainText(RejectReasonText.Of(r)), r.ToString()))]))
            {
                BlockId = ReasonBlockId,
            },
            new InputBlock(new PlainText("Comment"), new PlainTextInputElement(CommentActionId, new PlainText("Optional"), Multiline: true, MaxLength: 500))
            {
                BlockId = CommentBlockId,
                Optional = true,
            },
        ],
        RejectCallbackId,
        Submit: new PlainText("Reject"),
        Close: new PlainText("Cancel"),
        PrivateMetadata: ModalMetadata.Write(proposalId, channel, messageTs));

    public static bool TryReadMetadata(string? metadata, out long proposalId, out string? channel, out string? messageTs) =>
        ModalMetadata.TryRead(metadata, out proposalId, out channel, out messageTs);
}
