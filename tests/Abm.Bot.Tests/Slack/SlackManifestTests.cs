using Abm.Bot.Slack;
using Abm.Bot.Tests.Manifest;
using YamlDotNet.RepresentationModel;

namespace Abm.Bot.Tests.Slack;

public class SlackManifestTests
{
    private static readonly YamlMappingNode Manifest = Load();

    private static YamlMappingNode Load()
    {
        using var reader = new StreamReader(Path.Combine(RepositoryPaths.Root, "manifests", "slack", "manifest.yml"));
        var stream = new YamlStream();
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlNode At(params string[] path) =>
        path.Aggregate((YamlNode)Manifest, (node, key) => ((YamlMappingNode)node).Children[new YamlScalarNode(key)]);

    private static List<string> Items(params string[] path) =>
        [.. ((YamlSequenceNode)At(path)).Children.Select(c => ((YamlScalarNode)c).Value!)];

    private static string Scalar(params string[] path) => ((YamlScalarNode)At(path)).Value!;

    [Fact]
    public void EventsUrl_MatchesEndpoint()
    {
        Assert.EndsWith(SlackServiceCollectionExtensions.EventsPath, Scalar("settings", "event_subscriptions", "request_url"), StringComparison.Ordinal);
    }

    [Fact]
    public void InteractivityUrl_MatchesEndpoint()
    {
        Assert.EndsWith(SlackServiceCollectionExtensions.InteractivityPath, Scalar("settings", "interactivity", "request_url"), StringComparison.Ordinal);
    }

    [Fact]
    public void OptionsLoadUrl_MatchesEndpoint()
    {
        Assert.EndsWith(SlackServiceCollectionExtensions.InteractivityPath, Scalar("settings", "interactivity", "message_menu_options_url"), StringComparison.Ordinal);
    }

    [Fact]
    public void SlashCommand_IsAbmAtCommandsUrl()
    {
        var command = (YamlMappingNode)((YamlSequenceNode)At("features", "slash_commands")).Children.Single();

        Assert.Equal("/abm", ((YamlScalarNode)command.Children[new YamlScalarNode("command")]).Value);
        Assert.EndsWith(SlackServiceCollectionExtensions.CommandsPath, ((YamlScalarNode)command.Children[new YamlScalarNode("url")]).Value, StringComparison.Ordinal);
    }

    [Fact]
    public void BotEvents_AreMentionsAndDirectMessages()
    {
        Assert.Equal(["app_mention", "message.im"], Items("settings", "event_subscriptions", "bot_events"));
    }

    [Theory]
    [InlineData("app_mentions:read")]
    [InlineData("chat:write")]
    [InlineData("commands")]
    [InlineData("im:history")]
    [InlineData("im:write")]
    [InlineData("users:read")]
    [InlineData("users:read.email")]
    public void BotScopes_IncludeWhatAbmCalls(string scope)
    {
        Assert.Contains(scope, Items("oauth_config", "scopes", "bot"));
    }

    [Fact]
    public void SocketMode_IsOff()
    {
        Assert.Equal("false", Scalar("settings", "socket_mode_enabled"));
    }
}
