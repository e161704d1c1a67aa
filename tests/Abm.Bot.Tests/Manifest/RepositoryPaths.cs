namespace Abm.Bot.Tests.Manifest;

/// <summary>Folders the tests read: the repository root and the read-only reference folder beside it.</summary>
internal static class RepositoryPaths
{
    /// <summary>The folder that contains <c>Abm.Bot.sln</c>, found by walking up from the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The read-only reference folder <c>shared</c> (specs, schemas, data sets): the nearest one
    /// beside the repository root or beside a folder above it.
    /// </summary>
    public static string Shared { get; } = FindShared();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Abm.Bot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Abm.Bot.sln not found in {AppContext.BaseDirectory} or any folder above it.");
    }

    private static string FindShared()
    {
        for (var directory = Directory.GetParent(Root); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "spec")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No 'shared' folder with a 'spec' folder found beside {Root} or any folder above it. Place the reference folder next to the repository.");
    }
}
