namespace Abm.Bot.Tests.Cards;

/// <summary>Finds the read-only reference folder that sits beside the repository (<c>&lt;repo&gt;/../shared</c>).</summary>
internal static class SharedSpec
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string AdaptiveCards => Path.Combine(Root.Value, "spec", "adaptive-cards");

    public static string InvokeResponses => Path.Combine(Root.Value, "spec", "teams", "invoke-responses");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "spec")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            $"No shared/spec folder was found above {AppContext.BaseDirectory}; the tests expect it beside the repository root.");
    }
}
