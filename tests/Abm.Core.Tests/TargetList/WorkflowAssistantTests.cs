using Abm.Core.Answers;
using Abm.Core.Playbooks;
using Abm.Core.Scoring;
using Abm.Core.Tests.Import;
using Abm.Core.TargetList;
using Microsoft.Extensions.Logging.Abstractions;

namespace Abm.Core.Tests.TargetList;

public sealed class WorkflowAssistantTests : IDisposable
{
    private static readonly Asker Rex = new("p-rex", "Rex Rep", "cli");

    private readonly WorkflowDatabase _database = WorkflowDatabase.Sqlite();
    private readonly CountingNotifier _notifier = new();
    private readonly WorkflowAssistant _assistant;

    public WorkflowAssistantTests()
    {
        var scoring = new ScoringOptions();
        var repository = new AccountRepository(_database);
        var catalog = new PlaybookCatalog(PlaybookTemplateLoader.LoadDirectory(Path.Combine(RepositoryPaths.Root, "playbooks")));
        var playbooks = new PlaybookService(_database, catalog, new NoPlaybookNotifier(), _database.Clock, NullLogger<PlaybookService>.Instance);
        _assistant = new WorkflowAssistant(
            new HelpOnlyAssistant(),
            new TargetListCommands(_database.TargetList(_notifier), repository, _database),
            new PlaybookCommands(playbooks, catalog, repository));
    }

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Propose_by_chat_notifies_approver()
    {
        var reply = await _assistant.AskAsync("add Contoso Ltd to the target list because they asked for a workshop", Rex, CancellationToken.None);

        Assert.Equal((1, true), (_notifier.Created, ((TextReply)reply).Text.StartsWith("Proposed Contoso Ltd", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task History_lists_proposal()
    {
        await _assistant.AskAsync("add Contoso Ltd to the target list because they asked for a workshop", Rex, CancellationToken.None);

        var reply = (TextReply)await _assistant.AskAsync("history of Contoso Ltd", Rex, CancellationToken.None);

        Assert.Contains("proposed by Rex Rep: they asked for a workshop", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_dates_in_shared_format()
    {
        await _assistant.AskAsync("add Contoso Ltd to the target list because they asked for a workshop", Rex, CancellationToken.None);

        var reply = (TextReply)await _assistant.AskAsync("history of Contoso Ltd", Rex, CancellationToken.None);

        Assert.Contains("\n- 20 Mar 2026 09:00 UTC proposed by Rex Rep", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pending_dates_in_shared_format()
    {
        await _assistant.AskAsync("add Contoso Ltd to the target list", Rex, CancellationToken.None);

        var reply = (TextReply)await _assistant.AskAsync("pending approvals", Rex, CancellationToken.None);

        Assert.Contains("proposed by Rex Rep on 20 Mar 2026; approvers", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pending_lists_proposal()
    {
        await _assistant.AskAsync("add Contoso Ltd to the target list", Rex, CancellationToken.None);

        var reply = (TextReply)await _assistant.AskAsync("pending approvals", Rex, CancellationToken.None);

        Assert.Contains("Contoso Ltd, proposed by Rex Rep", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_and_status_by_chat()
    {
        await _assistant.AskAsync("start executive outreach on Contoso Ltd", Rex, CancellationToken.None);

        var reply = (TextReply)await _assistant.AskAsync("playbook status Contoso Ltd", Rex, CancellationToken.None);

        Assert.Contains("Executive outreach around a key event: 0 of 5 steps closed; next: Pick the event", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_adds_commands()
    {
        var reply = (HelpReply)await _assistant.AskAsync("help", Rex, CancellationToken.None);

        Assert.Contains(reply.Commands, c => c.Example == "pending approvals");
    }

    [Fact]
    public async Task Help_NamesInnerExampleAccount()
    {
        var reply = (HelpReply)await _assistant.AskAsync("help", Rex, CancellationToken.None);

        Assert.Contains(reply.Commands, c => c.Example == "history of Quillmere Analytics");
    }

    [Fact]
    public async Task Other_text_goes_inner()
    {
        var reply = await _assistant.AskAsync("tell me about Contoso", Rex, CancellationToken.None);

        Assert.IsType<HelpReply>(reply);
    }

    private sealed class HelpOnlyAssistant : IAssistant
    {
        public Task<Reply> AskAsync(string question, Asker asker, CancellationToken cancellationToken) =>
            Task.FromResult<Reply>(new HelpReply([new HelpCommand("help", "This list.")]) { ExampleAccount = "Quillmere Analytics" });

        public Task<Reply> ExecuteAsync(string verb, IReadOnlyDictionary<string, string> data, Asker asker, CancellationToken cancellationToken) =>
            Task.FromResult<Reply>(new TextReply(verb));
    }
}
