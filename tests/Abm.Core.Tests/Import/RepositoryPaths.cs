namespace Abm.Core.Tests.Import;

/// <summary>Finds the repository root (the folder with Abm.Bot.sln) and the read-only shared data beside it.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Mappings => Path.Combine(Root, "mappings");

    public static string Fixtures => Path.Combine(Root, "tests", "Abm.Core.Tests", "Import", "Fixtures");

    /// <summary>The read-only shared data sets: <c>shared/data</c> beside the repository root or beside a folder above it.</summary>
    public static string SharedData { get; } = FindSharedData();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Abm.Bot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Abm.Bot.sln found above {AppContext.BaseDirectory}.");
    }

    private static string FindSharedData()
    {
        for (var directory = Directory.GetParent(Root); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "data");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No 'shared/data' folder found beside {Root} or any folder above it. Place the reference folder next to the repository.");
    }
}
