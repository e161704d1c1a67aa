namespace Abm.Bot.Tests.Teams.Fakes;

/// <summary>Locates the read-only protocol samples in the <c>shared</c> folder next to the repository.</summary>
public static class SpecFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, "shared", "spec");
            if (directory.GetFiles("*.sln*").Length > 0 || Directory.Exists(System.IO.Path.Combine(directory.FullName, ".git")) || File.Exists(System.IO.Path.Combine(directory.FullName, ".git")))
            {
                var sibling = System.IO.Path.Combine(directory.Parent!.FullName, "shared", "spec");
                if (Directory.Exists(sibling))
                {
                    return sibling;
                }
            }

            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        // Worktrees live one level deeper than the main checkout; fall back to the machine's shared folder.
        const string Fallback = "/work/shared/spec";
        return Directory.Exists(Fallback) ? Fallback : throw new DirectoryNotFoundException("No shared/spec folder found next to the repository.");
    }
}
