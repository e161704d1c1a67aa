using Abm.Bot.Teams;
using Abm.Bot.Tests.Teams.Fakes;
using Microsoft.Extensions.Options;

namespace Abm.Bot.Tests.Teams;

public sealed class TeamsOptionsTests
{
    private static ValidateOptionsResult Validate(TeamsOptions options) => new TeamsOptionsValidator().Validate(null, options);

    [Fact]
    public void Defaults_AreValid()
    {
        Assert.True(Validate(new TeamsOptions()).Succeeded);
    }

    [Fact]
    public void AppIdWithoutPassword_NamesPasswordKey()
    {
        var result = Validate(new TeamsOptions { AppId = TestKeys.AppId });

        Assert.True(result.Failed);
        Assert.Contains("Abm:Teams:AppPassword", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AppIdNotGuid_NamesKeyAndValue()
    {
        var result = Validate(new TeamsOptions { AppId = "my-bot", AppPassword = "x" });

        Assert.Contains("Abm:Teams:AppId 'my-bot'", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://login.example.com/metadata")]
    [InlineData("not a url")]
    public void MetadataUrl_MustBeHttpsOrLoopback(string url)
    {
        var result = Validate(new TeamsOptions { OpenIdMetadataUrl = url });

        Assert.Contains("Abm:Teams:OpenIdMetadataUrl", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void MetadataUrl_LoopbackHttpAllowed()
    {
        Assert.True(Validate(new TeamsOptions { OpenIdMetadataUrl = "http://127.0.0.1:5000/v1/.well-known/openidconfiguration" }).Succeeded);
    }

    [Fact]
    public void ServiceUrl_MustBeHttps()
    {
        var result = Validate(new TeamsOptions { ServiceUrl = "http://smba.example.com/teams/" });

        Assert.Contains("Abm:Teams:ServiceUrl 'http://smba.example.com/teams/'", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void NonPositiveTimeout_NamesKey()
    {
        var result = Validate(new TeamsOptions { InvokeTimeout = TimeSpan.Zero });

        Assert.Contains("Abm:Teams:InvokeTimeout", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Authority_SingleTenantUsesTenant()
    {
        var options = new TeamsOptions { TenantId = "0b9c2f3e-1111-4c6e-9d0a-123456789abc" };

        Assert.Equal("https://login.microsoftonline.com/0b9c2f3e-1111-4c6e-9d0a-123456789abc", options.ResolveAuthority());
    }

    [Fact]
    public void Authority_MultiTenantUsesBotFramework()
    {
        Assert.Equal("https://login.microsoftonline.com/botframework.com", new TeamsOptions().ResolveAuthority());
    }

    [Fact]
    public async Task HostStart_FailsOnMissingPassword()
    {
        using var keys = new TestKeys();
        await using var fake = await FakeBotFramework.StartAsync(keys);

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => BotTestHost.StartAsync(fake, settings: new Dictionary<string, string?> { ["Abm:Teams:AppPassword"] = "" }));

        Assert.Contains("Abm:Teams:AppPassword", failure.Message, StringComparison.Ordinal);
    }
}
