using System.Globalization;
using System.Text.Json.Nodes;
using Abm.Bot.Playbooks;
using Abm.Core.Playbooks;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Bot.Tests.Approvals;

/// <summary>Step cards in Teams through the real host: Done moves on and the next step reaches its owner.</summary>
public sealed class TeamsPlaybookTests : IAsyncLifetime
{
    private ApprovalHost _host = null!;

    public async Task InitializeAsync() => _host = await ApprovalHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Start_sends_first_step_to_owner()
    {
        await StartAsync();

        var sent = Assert.Single(_host.DrainRequests());
        Assert.Contains("Research the account and pick the personas", sent.Body!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Done_sends_next_step()
    {
        var program = await StartAsync();
        _host.DrainRequests();

        (await _host.InvokeAsync("29:rex", StepVerbs.Done, Data(program.Current!.Id))).Dispose();

        var sent = Assert.Single(_host.DrainRequests());
        Assert.Equal(("POST", true), (sent.Method, sent.Body!.ToJsonString().Contains("Send the first personalised email", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Stranger_gets_private_message()
    {
        var program = await StartAsync();

        using var response = await _host.InvokeAsync("29:sam", StepVerbs.Done, Data(program.Current!.Id));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
    }

    private async Task<ProgramView> StartAsync()
    {
        var (program, error) = await _host.Host.Services.GetRequiredService<PlaybookService>().StartAsync("a-contoso", "outbound-sdr-sequence", "p-rex", CancellationToken.None);
        return program ?? throw new InvalidOperationException(error);
    }

    private static JsonObject Data(long stepId) => new() { [StepVerbs.StepIdKey] = stepId.ToString(CultureInfo.InvariantCulture) };
}
