using Abm.Bot.Tests.Manifest;

namespace Abm.Bot.Tests.Slack;

/// <summary>The Slack payloads in the read-only shared spec folder.</summary>
internal static class SharedSpec
{
    public static string SlackPayload(string fileName) => Path.Combine(RepositoryPaths.Shared, "spec", "slack", "payloads", fileName);

    public static byte[] ReadSlackPayload(string fileName) => File.ReadAllBytes(SlackPayload(fileName));
}
