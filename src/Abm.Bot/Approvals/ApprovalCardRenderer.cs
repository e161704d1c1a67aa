using Abm.Bot.Cards;
using Abm.Core.TargetList;

namespace Abm.Bot.Approvals;

/// <summary>
/// The approval card in Teams. Everyone gets the read-only view; its <c>refresh</c> lists the
/// approvers, whose Teams then fetches the actionable view (Approve, Reject with a reason and a
/// comment) through an <c>adaptiveCard/action</c> invoke. A decided card has no refresh and no buttons.
/// </summary>
public static class ApprovalCardRenderer
{
    public static AdaptiveCard Render(ProposalView proposal, bool actionable, IReadOnlyList<string> approverTeamsIds, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var body = new List<CardElement>
        {
            CardBlocks.PlainHeading(ApprovalText.Title(proposal)),
            new FactSet
            {
                Facts =
                [
                    new Fact("Proposed by", CardText.Escape(proposal.Requester.Name)),
                    new Fact("Why", CardText.Escape(proposal.Rationale ?? "No reason given")),
                    new Fact("Domain", CardText.Escape(proposal.AccountDomain ?? "unknown")),
                    new Fact("Fit", ApprovalText.Fit(proposal)),
                    new Fact("AES", CardText.Escape(ApprovalText.Engagement(proposal))),
                    new Fact("Owner", CardText.Escape(ApprovalText.Owner(proposal))),
                ],
            },
        };
        foreach (var line in ApprovalText.Contributions(proposal))
        {
            body.Add(CardBlocks.Subtle(CardText.Escape(line)));
        }

        foreach (var line in ApprovalText.Overlaps(proposal))
        {
            body.Add(new TextBlock(CardText.Escape(line)) { Wrap = true, Color = TextColor.Warning });
        }

        body.Add(new TextBlock(CardText.Escape(ApprovalText.Status(proposal)))
        {
            Id = "status",
            Wrap = true,
            Weight = TextWeight.Bolder,
            Separator = true,
            Color = proposal.Status switch
            {
                ProposalStatus.Approved => TextColor.Good,
                ProposalStatus.Rejected => TextColor.Attention,
                _ => TextColor.Default,
            },
        });

        if (notice is not null)
        {
            body.Add(new TextBlock(CardText.Escape(notice)) { Wrap = true, Color = TextColor.Attention });
        }

        var pending = proposal.Status == ProposalStatus.Pending;
        if (pending && actionable)
        {
            body.Add(new ChoiceSetInput(ApprovalVerbs.ReasonKey)
            {
                Label = "Reason to reject",
                Placeholder = "Pick a reason (needed to reject)",
                Choices = [.. Enum.GetValues<RejectReason>().Select(r => new Choice(RejectReasonText.Of(r), r.ToString()))],
            });
            body.Add(new TextInput(ApprovalVerbs.CommentKey) { Label = "Comment", Placeholder = "Optional", IsMultiline = true, MaxLength = 500 });
            var data = ApprovalVerbs.Data(proposal.Id);
            body.Add(new ActionSet
            {
                Id = "decision",
                Actions =
                [
                    Styled(CardBlocks.Execute(ApprovalVerbs.Approve, "Approve", data), ActionStyle.Positive),
                    Styled(CardBlocks.Execute(ApprovalVerbs.Reject, "Reject", data), ActionStyle.Destructive),
                ],
            });
        }

        var card = CardBlocks.Card(ApprovalText.Title(proposal) + ". " + ApprovalText.Status(proposal), body);
        if (pending && approverTeamsIds.Count > 0)
        {
            card.Refresh = new CardRefresh(CardBlocks.Execute(ApprovalVerbs.Refresh, "Refresh", ApprovalVerbs.Data(proposal.Id)))
            {
                UserIds = [.. approverTeamsIds.Take(CardRefresh.MaxUserIds)],
            };
        }

        return card;
    }

    private static ExecuteAction Styled(ExecuteAction action, ActionStyle style)
    {
        action.Style = style;
        return action;
    }
}
