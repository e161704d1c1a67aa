using System.Net;
using Abm.Bot.Slack;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Abm.Bot.Tests.Slack;

public class SlackHostingTests
{
    [Fact]
    public async Task MissingSigningSecret_HostDoesNotStart()
    {
        await using var api = await FakeSlackApi.StartAsync();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SlackTestHost.StartAsync(
            api, new FakeAssistant(), settings: new Dictionary<string, string?> { ["Abm:Slack:SigningSecret"] = "" }));

        Assert.Contains("Abm:Slack:SigningSecret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingBotToken_HostDoesNotStart()
    {
        await using var api = await FakeSlackApi.StartAsync();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SlackTestHost.StartAsync(
            api, new FakeAssistant(), settings: new Dictionary<string, string?> { ["Abm:Slack:BotToken"] = "" }));

        Assert.Contains("Abm:Slack:BotToken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NegativeTurnTimeout_HostDoesNotStart()
    {
        await using var api = await FakeSlackApi.StartAsync();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SlackTestHost.StartAsync(
            api, new FakeAssistant(), settings: new Dictionary<string, string?> { ["Abm:Slack:TurnTimeout"] = "-00:00:01" }));

        Assert.Contains("Abm:Slack:TurnTimeout is -00:00:01", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NothingConfigured_EndpointsAreNotMapped()
    {
        await using var api = await FakeSlackApi.StartAsync();
        await using var host = await SlackTestHost.StartAsync(api, new FakeAssistant(), settings: new Dictionary<string, string?>
        {
            ["Abm:Slack:SigningSecret"] = "",
            ["Abm:Slack:BotToken"] = "",
        });

        using var response = await host.PostAsync(SlackServiceCollectionExtensions.EventsPath, "{}"u8.ToArray(), "application/json", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task UnsignedModeOnLoopback_AcceptsRequest()
    {
        await using var api = await FakeSlackApi.StartAsync();
        var assistant = new FakeAssistant();
        await using var host = await SlackTestHost.StartAsync(api, assistant, settings: new Dictionary<string, string?>
        {
            ["Abm:Slack:SigningSecret"] = "",
            ["Abm:Slack:DangerouslyAllowUnsignedRequestsOnLoopback"] = "true",
        });
        var body = System.Text.Encoding.UTF8.GetBytes(SlackEvents.Message("EvUnsigned", "D0DM00001", "1700000200.000001", "unsigned"));

        using var response = await host.PostAsync(SlackServiceCollectionExtensions.EventsPath, body, "application/json", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await api.WaitForCallAsync("chat.postMessage");
        Assert.Equal("unsigned", assistant.Questions.Single().Question);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000", true)]
    [InlineData("http://localhost:5000", true)]
    [InlineData("http://[::1]:5000", true)]
    [InlineData("http://0.0.0.0:5000", false)]
    [InlineData("http://+:80", false)]
    [InlineData("http://*:80", false)]
    [InlineData("http://10.1.2.3:80", false)]
    public void LoopbackCheck_ClassifiesAddress(string address, bool expected)
    {
        Assert.Equal(expected, SlackLoopbackGuard.IsLoopback(address));
    }

    [Fact]
    public async Task UnsignedModeOnAllInterfaces_FailsStart()
    {
        var options = Options.Create(new SlackOptions { DangerouslyAllowUnsignedRequestsOnLoopback = true, BotToken = "xoxb-x" });
        var guard = new SlackLoopbackGuard(new AddressOnlyServer("http://0.0.0.0:3978"), options, NullLogger<SlackLoopbackGuard>.Instance);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => guard.StartedAsync(CancellationToken.None));

        Assert.Contains("DangerouslyAllowUnsignedRequestsOnLoopback", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A server that only reports addresses, for the start check; it never listens.</summary>
    private sealed class AddressOnlyServer : IServer
    {
        public AddressOnlyServer(string address)
        {
            var addresses = new ServerAddressesFeature();
            addresses.Addresses.Add(address);
            Features.Set<IServerAddressesFeature>(addresses);
        }

        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(Microsoft.AspNetCore.Hosting.Server.IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
