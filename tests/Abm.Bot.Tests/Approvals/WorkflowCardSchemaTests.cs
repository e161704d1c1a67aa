using Abm.Bot.Approvals;
using Abm.Bot.Playbooks;
using Abm.Bot.Tests.Cards;
using Abm.Core.Playbooks;
using Abm.Core.Scoring;
using Abm.Core.TargetList;

namespace Abm.Bot.Tests.Approvals;

/// <summary>Approval and step cards validate against the Adaptive Cards 1.5 schema in every state.</summary>
public sealed class WorkflowCardSchemaTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 20, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(ProposalStatus.Pending, true)]
    [InlineData(ProposalStatus.Pending, false)]
    [InlineData(ProposalStatus.Rejected, false)]
    public void Approval_card_validates(ProposalStatus status, bool actionable)
    {
        var card = ApprovalCardRenderer.Render(Proposal(status), actionable, ["29:mia"], actionable ? "Pick a reason to reject." : null);

        Assert.Empty(CardSchema.Validate(card));
    }

    [Theory]
    [InlineData(StepStatus.Pending)]
    [InlineData(StepStatus.Skipped)]
    public void Step_card_validates(StepStatus status)
    {
        var step = new StepView(7, 1, "Executive outreach", "a-contoso", "Contoso <b>Ltd</b>", 0, 5, "Pick the event", "Choose *the* event.", StepFunction.Marketing,
            new PersonRef("p-meg", "Meg Marketing"), At, status, null, status == StepStatus.Skipped ? "Already chosen" : null, "meeting", false);

        var card = StepCardRenderer.Render(step, [new PersonRef("p-meg", "Meg Marketing"), new PersonRef("p-rex", "Rex Rep")]);

        Assert.Empty(CardSchema.Validate(card));
    }

    [Fact]
    public void Step_due_in_shared_format()
    {
        var step = new StepView(7, 1, "Executive outreach", "a-contoso", "Contoso Ltd", 0, 5, "Pick the event", "Choose the event.", StepFunction.Marketing,
            new PersonRef("p-meg", "Meg Marketing"), At, StepStatus.Pending, null, null, null, false);

        var card = CardJsonQuery.ToJson(StepCardRenderer.Render(step, [new PersonRef("p-meg", "Meg Marketing")]));
        var slack = StepBlocks.Message(step);

        Assert.Contains("\"value\":\"20 Mar 2026 09:00 UTC\"", card.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("*Due*\n20 Mar 2026 09:00 UTC", Abm.Bot.Tests.Slack.BlockKitRendererTests.ToJson(slack).GetRawText().Replace("\\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal("Reminder: this step was due 20 Mar 2026.", StepText.Reminder(step));
    }

    [Fact]
    public void Large_team_step_card_validates()
    {
        var step = new StepView(7, 1, "Executive outreach", "a-contoso", "Contoso Ltd", 0, 5, "Pick the event", "Choose the event.", StepFunction.Marketing,
            new PersonRef("p-meg", "Meg Marketing"), At, StepStatus.Pending, null, null, null, false);
        var people = Enumerable.Range(1, 80).Select(i => new PersonRef($"p-{i}", $"Person {i}")).ToList();

        var card = StepCardRenderer.Render(step, people);

        Assert.Empty(CardSchema.Validate(card));
    }

    [Fact]
    public void Step_completed_by_event_validates()
    {
        var step = new StepView(7, 1, "Executive outreach", "a-contoso", "Contoso <b>Ltd</b>", 0, 5, "Pick the event", "Choose *the* event.", StepFunction.Marketing,
            new PersonRef("p-meg", "Meg Marketing"), At, StepStatus.Done, null, null, "meeting", true, At.AddHours(2),
            new StepEvidence("meeting", "hubspot", At.AddHours(1), "Call with <the> CFO"), 2);

        var card = StepCardRenderer.Render(step, []);

        Assert.Empty(CardSchema.Validate(card));
    }

    private static ProposalView Proposal(ProposalStatus status) => new(
        3,
        "a-contoso",
        "Contoso **Ltd**",
        "contoso.com",
        new PersonRef("p-rex", "Rex Rep"),
        "Met them at the summit",
        [new PersonRef("p-mia", "Mia Manager")],
        status,
        At,
        status == ProposalStatus.Pending ? null : new PersonRef("p-mia", "Mia Manager"),
        status == ProposalStatus.Pending ? null : At.AddHours(1),
        status == ProposalStatus.Rejected ? RejectReason.PoorFit : null,
        status == ProposalStatus.Rejected ? "Too small" : null,
        new ProposalEvidence(
            new FitResult("a-contoso", 72.5, FitTier.B, [new FitContribution("industry", 30, 30, "Software is a target industry")], null),
            null,
            [new DuplicateCandidate("a-contosso", "Contosso", "similar name (91)", false)],
            [new RelatedTarget("a-contoso-de", "Contoso Deutschland", "subsidiary")],
            "p-rex",
            "Rex Rep",
            2));
}
