using System.CommandLine;
using System.Globalization;
using Abm.Bot.Cli;
using Abm.Bot.Tests.Slack;
using Abm.Core.Domain;
using Abm.Core.Playbooks;
using Abm.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Bot.Tests.Cli;

/// <summary>
/// <c>abm import</c> with an event that completes a playbook step: the step that becomes current
/// goes to its owner in Slack, through the fake Slack Web API, as the bot would send it.
/// </summary>
public sealed class ImportStepCardTests : IAsyncLifetime
{
    private const string Mapping = """
        source: test_crm
        events:
          - file: meetings.csv
            key: "mtg-{id}"
            fields:
              account: "{account}"
              type: meeting
              function: sales
              occurredAt: "{at}"
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("abm-import-steps-").FullName;
    private FakeSlackApi _api = null!;

    private string ConnectionString => "Data Source=" + Path.Combine(_directory, "abm.db") + ";Pooling=false";

    public async Task InitializeAsync()
    {
        _api = await FakeSlackApi.StartAsync();
        File.WriteAllText(Path.Combine(_directory, "mapping.yml"), Mapping);
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Import_sends_next_step_to_slack()
    {
        var before = DateTimeOffset.UtcNow;
        await StartProgramAsync();
        var meetingAt = before.AddMinutes(1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        File.WriteAllText(Path.Combine(_directory, "meetings.csv"), $"id,account,at\n1,a-contoso,{meetingAt}\n");

        var (exitCode, error) = await ImportAsync();

        Assert.True(exitCode == 0, error);
        var posted = Assert.Single(_api.CallsTo("chat.postMessage"));
        Assert.Equal("DUREX", posted.Arg("channel"));
        Assert.Contains("Prepare the customer", posted.Body.GetRawText(), StringComparison.Ordinal);
        Assert.Empty(_api.Problems);
    }

    [Fact]
    public async Task Import_edits_completed_step_message()
    {
        var before = DateTimeOffset.UtcNow;
        await StartProgramAsync();
        var meetingAt = before.AddMinutes(1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        File.WriteAllText(Path.Combine(_directory, "meetings.csv"), $"id,account,at\n1,a-contoso,{meetingAt}\n");

        var (exitCode, error) = await ImportAsync();

        Assert.True(exitCode == 0, error);
        var update = Assert.Single(_api.CallsTo("chat.update"));
        Assert.Equal(("DUREX", SentTs), (update.Arg("channel"), update.Arg("ts")));
        Assert.Contains("from test_crm", update.Body.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("\"actions\"", update.Body.GetRawText(), StringComparison.Ordinal);
    }

    /// <summary>The <c>ts</c> of the first step's message, as if the host had sent it to Rex earlier.</summary>
    private const string SentTs = "1699999999.000001";

    /// <summary>
    /// Creates the database with Rex (a Slack user) and Contoso, starts the workshop playbook,
    /// whose first step a meeting completes, and records its step message as sent to Rex.
    /// </summary>
    private async Task StartProgramAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAbmStorage(new StorageOptions { ConnectionString = ConnectionString });
        services.AddAbmTargetList();
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);

        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AbmDbContext>();
            db.People.Add(new Person { Id = "p-rex", Name = "Rex Rep", Role = PersonRole.Rep, SlackUserId = "UREX" });
            db.Accounts.Add(new Account { Id = "a-contoso", Name = "Contoso Ltd", Domain = "contoso.com", OwnerId = "p-rex" });
            await db.SaveChangesAsync();
        }

        var playbooks = provider.GetRequiredService<PlaybookService>();
        var (program, error) = await playbooks.StartAsync("a-contoso", "custom-workshop", "p-rex", CancellationToken.None);
        Assert.True(program is not null, error);
        await playbooks.AddMessageAsync(program.Steps[0].Id, "slack", "DUREX", SentTs, CancellationToken.None);
    }

    private async Task<(int ExitCode, string Error)> ImportAsync()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] args =
        [
            "import", "--mapping", Path.Combine(_directory, "mapping.yml"), "--dir", _directory,
            "--Abm:Storage:ConnectionString=" + ConnectionString,
            "--Abm:Slack:SigningSecret=import-test-secret",
            "--Abm:Slack:BotToken=" + FakeSlackApi.Token,
            "--Abm:Slack:ApiBaseUrl=" + new Uri(_api.BaseUrl, "api/"),
        ];
        var exitCode = await AbmCommandLine.InvokeAsync(args, new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, error.ToString());
    }
}
