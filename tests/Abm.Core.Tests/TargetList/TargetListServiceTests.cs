using Abm.Core.Domain;
using Abm.Core.TargetList;
using Microsoft.EntityFrameworkCore;

namespace Abm.Core.Tests.TargetList;

public sealed class TargetListServiceTests : IDisposable
{
    private readonly WorkflowDatabase _database = WorkflowDatabase.Sqlite();
    private readonly CountingNotifier _notifier = new();
    private readonly TargetListService _service;

    public TargetListServiceTests()
    {
        _service = _database.TargetList(_notifier);
    }

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Propose_routes_to_manager()
    {
        var result = await ProposeContosoAsync();

        Assert.Equal(["p-mia"], result.Approvers.Select(a => a.Id));
    }

    [Fact]
    public async Task Propose_notifies_once()
    {
        await ProposeContosoAsync();

        Assert.Equal(1, _notifier.Created);
    }

    [Fact]
    public async Task Propose_without_manager_fails()
    {
        var result = await _service.ProposeAsync(new ProposalRequest("a-contoso", "Contoso Ltd", null, null), "p-ole", CancellationToken.None);

        Assert.Contains("No approver", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Propose_twice_is_refused()
    {
        await ProposeContosoAsync();

        var second = await _service.ProposeAsync(new ProposalRequest("a-contoso", "Contoso Ltd", null, null), "p-sal", CancellationToken.None);

        Assert.Contains("already waits", second.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Propose_unknown_without_domain_fails()
    {
        var result = await _service.ProposeAsync(new ProposalRequest(null, "Tailspin", null, null), "p-rex", CancellationToken.None);

        Assert.Contains("web domain", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configured_channel_lets_managers_decide()
    {
        var service = _database.TargetList(_notifier, new TargetListOptions { ApprovalChannel = "19:approvals@thread.tacv2" });

        var result = await service.ProposeAsync(new ProposalRequest("a-contoso", "Contoso Ltd", null, null), "p-rex", CancellationToken.None);

        Assert.Equal(["p-max", "p-mia"], result.Proposal!.Approvers.Select(a => a.Id));
    }

    [Fact]
    public async Task Evidence_finds_similar_name()
    {
        var proposal = await ProposeContosoAsync();

        Assert.Contains(proposal.Evidence.Duplicates, d => d.AccountId == "a-contosso");
    }

    [Fact]
    public async Task Evidence_finds_same_domain()
    {
        var result = await _service.ProposeAsync(new ProposalRequest(null, "Fabrikam Europe", "fabrikam.com", null), "p-rex", CancellationToken.None);

        Assert.Contains(result.Proposal!.Evidence.Duplicates, d => d.AccountId == "a-fabrikam" && d.Why.StartsWith("same domain", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Evidence_finds_targeted_subsidiary()
    {
        var proposal = await ProposeContosoAsync();

        Assert.Equal([new RelatedTarget("a-contoso-de", "Contoso Deutschland", "subsidiary")], proposal.Evidence.RelatedTargets);
    }

    [Fact]
    public async Task Evidence_counts_owner_targets()
    {
        var proposal = await ProposeContosoAsync();

        Assert.Equal(2, proposal.Evidence.OwnerTargetCount);
    }

    [Fact]
    public async Task Evidence_has_engagement()
    {
        var proposal = await ProposeContosoAsync();

        Assert.True(proposal.Evidence.Engagement!.Score > 0);
    }

    [Fact]
    public async Task Evidence_has_fit_contributions()
    {
        var proposal = await ProposeContosoAsync();

        Assert.NotEmpty(proposal.Evidence.Fit.Contributions);
    }

    [Fact]
    public async Task Approve_puts_account_on_list()
    {
        var proposal = await ProposeContosoAsync();

        await _service.DecideAsync(proposal.Id, "p-mia", new Decision(true, null, "Good fit"), CancellationToken.None);

        await using var db = _database.CreateDbContext();
        Assert.Equal(TargetListStatus.Approved, (await db.TargetList.SingleAsync(t => t.AccountId == "a-contoso")).Status);
    }

    [Fact]
    public async Task Approve_unknown_creates_account()
    {
        var proposed = await _service.ProposeAsync(new ProposalRequest(null, "Tailspin Toys", "tailspin.com", "Event lead"), "p-rex", CancellationToken.None);

        var decided = await _service.DecideAsync(proposed.Proposal!.Id, "p-mia", new Decision(true, null, null), CancellationToken.None);

        Assert.Equal("tal-" + proposed.Proposal.Id, decided.Proposal!.AccountId);
    }

    [Fact]
    public async Task Reject_needs_reason()
    {
        var proposal = await ProposeContosoAsync();

        var result = await _service.DecideAsync(proposal.Id, "p-mia", new Decision(false, null, "no"), CancellationToken.None);

        Assert.Equal(DecisionOutcome.ReasonMissing, result.Outcome);
    }

    [Fact]
    public async Task Reject_records_reason_and_comment()
    {
        var proposal = await ProposeContosoAsync();

        await _service.DecideAsync(proposal.Id, "p-mia", new Decision(false, RejectReason.AlreadyCovered, "Covered by the German team"), CancellationToken.None);

        await using var db = _database.CreateDbContext();
        var entry = await db.TargetListAudit.SingleAsync(e => e.Kind == AuditKind.Rejected);
        Assert.Equal("Already covered by a parent or subsidiary: Covered by the German team", entry.Detail);
    }

    [Fact]
    public async Task Non_approver_changes_nothing()
    {
        var proposal = await ProposeContosoAsync();

        var result = await _service.DecideAsync(proposal.Id, "p-max", new Decision(true, null, null), CancellationToken.None);

        Assert.Equal((DecisionOutcome.NotApprover, ProposalStatus.Pending, 0), (result.Outcome, result.Proposal!.Status, _notifier.Decided));
    }

    [Fact]
    public async Task Second_decision_loses()
    {
        var proposal = await ProposeContosoAsync();
        await _service.DecideAsync(proposal.Id, "p-mia", new Decision(true, null, null), CancellationToken.None);

        var second = await _service.DecideAsync(proposal.Id, "p-mia", new Decision(false, RejectReason.PoorFit, null), CancellationToken.None);

        Assert.Equal((DecisionOutcome.AlreadyDecided, ProposalStatus.Approved), (second.Outcome, second.Proposal!.Status));
    }

    private async Task<ProposalView> ProposeContosoAsync()
    {
        var result = await _service.ProposeAsync(new ProposalRequest("a-contoso", "Contoso Ltd", "contoso.com", "Met them at the summit"), "p-rex", CancellationToken.None);
        return result.Proposal ?? throw new InvalidOperationException(result.Error);
    }
}
