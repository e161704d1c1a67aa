namespace Abm.Bot.Tests.Slack;

/// <summary>Finds the read-only shared spec folder: a <c>shared/</c> directory next to the repository root.</summary>
internal static class SharedSpec
{
    private static readonly Lazy<string> Root = new(Locate);

    public static string SlackPayload(string fileName) => Path.Combine(Root.Value, "spec", "slack", "payloads", fileName);

    public static byte[] ReadSlackPayload(string fileName) => File.ReadAllBytes(SlackPayload(fileName));

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Abm.Bot.sln")))
            {
                var shared = Path.Combine(dir.Parent?.FullName ?? dir.FullName, "shared");
                if (Directory.Exists(shared))
                {
                    return shared;
                }
            }

            var sibling = Path.Combine(dir.FullName, "shared", "spec");
            if (Directory.Exists(sibling))
            {
                return Path.Combine(dir.FullName, "shared");
            }
        }

        throw new DirectoryNotFoundException($"No shared/ folder found next to the repository root above {AppContext.BaseDirectory}.");
    }
}
