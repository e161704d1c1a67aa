using System.CommandLine;
using Abm.Bot.Cli;
using Abm.Bot.Tests.Teams.Fakes;

namespace Abm.Bot.Tests.Cli;

public sealed class ImportCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("abm-import-").FullName;

    public ImportCommandTests()
    {
        // The Maven CRM set with its first 50 opportunities keeps the import to a second.
        var source = Path.Combine(SpecFiles.Root, "..", "data", "maven_crm_sales_opportunities");
        foreach (var file in new[] { "accounts.csv", "products.csv", "sales_teams.csv" })
        {
            File.Copy(Path.Combine(source, file), Path.Combine(_directory, file));
        }

        File.WriteAllLines(Path.Combine(_directory, "sales_pipeline.csv"), File.ReadLines(Path.Combine(source, "sales_pipeline.csv")).Take(51));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static string MappingPath()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "mappings", "maven-crm.yml");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("mappings/maven-crm.yml not found above the test assembly.");
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] common = ["--Abm:Storage:ConnectionString=Data Source=" + Path.Combine(_directory, "abm.db"), "--Abm:Demo:SeedOnEmpty=false"];
        var exitCode = await AbmCommandLine.InvokeAsync([.. args, .. common], new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Import_PrintsCounts()
    {
        var (exitCode, output, error) = await RunAsync("import", "--mapping", MappingPath(), "--dir", _directory);

        Assert.Equal(string.Empty, error);
        Assert.Equal(0, exitCode);
        Assert.Contains("Imported maven_crm", output, StringComparison.Ordinal);
        Assert.Contains("Accounts", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_IntoNewDatabase_AddsNoDemoData()
    {
        var database = Path.Combine(_directory, "fresh.db");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await AbmCommandLine.InvokeAsync(
            ["import", "--mapping", MappingPath(), "--dir", _directory, "--Abm:Storage:ConnectionString=Data Source=" + database],
            new InvocationConfiguration { Output = output, Error = error });

        Assert.Equal(0, exitCode);
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Accounts";
        Assert.Equal(85L, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Reimport_ChangesNothing()
    {
        await RunAsync("import", "--mapping", MappingPath(), "--dir", _directory);

        var (exitCode, output, _) = await RunAsync("import", "--mapping", MappingPath(), "--dir", _directory);

        Assert.Equal(0, exitCode);
        Assert.Matches(@"Accounts\s*│\s*0\s*│\s*0\s*│\s*85", output);
    }

    [Fact]
    public async Task InvalidRow_FailsNamingLine()
    {
        File.AppendAllText(Path.Combine(_directory, "sales_pipeline.csv"), "BAD00001,Moses Frase,GTX Plus Basic,Cancity,Won,not-a-date,2017-03-01,1054\n");

        var (exitCode, _, error) = await RunAsync("import", "--mapping", MappingPath(), "--dir", _directory);

        Assert.Equal(1, exitCode);
        Assert.Contains("sales_pipeline.csv line 52", error, StringComparison.Ordinal);
        Assert.Contains("not-a-date", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingMapping_NamesPath()
    {
        var (exitCode, _, error) = await RunAsync("import", "--mapping", Path.Combine(_directory, "nope.yml"));

        Assert.Equal(1, exitCode);
        Assert.Contains("nope.yml' does not exist", error, StringComparison.Ordinal);
    }
}
