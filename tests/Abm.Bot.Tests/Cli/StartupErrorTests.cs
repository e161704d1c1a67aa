using static Abm.Bot.Tests.Cli.CliRunner;

namespace Abm.Bot.Tests.Cli;

/// <summary>Configuration errors and unknown options: one line on stderr, exit code 2, no stack trace.</summary>
public sealed class StartupErrorTests : IDisposable
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";

    private const string NoSeed = "--Abm:Demo:SeedOnEmpty=false";

    private readonly string _directory = Directory.CreateTempSubdirectory("abm-cli-errors-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private string DatabaseArgument => "--Abm:Storage:ConnectionString=Data Source=" + Path.Combine(_directory, "abm.db");

    [Fact]
    public async Task InvalidProvider_PrintsOneLine()
    {
        var (exitCode, _, error) = await RunAsync("ask", "help", "--Abm:Storage:Provider=oracle");

        Assert.Equal(2, exitCode);
        Assert.StartsWith("abm: Abm:Storage:Provider is 'oracle'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task UncreatableDatabaseFolder_NamesSettingAndFix()
    {
        // A regular file where the database folder should be: creating the folder fails.
        var blocker = Path.Combine(_directory, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "x");
        var databasePath = Path.Combine(blocker, "abm.db");

        var (exitCode, _, error) = await RunAsync("ask", "help", "--Abm:Storage:ConnectionString=Data Source=" + databasePath, NoSeed);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("abm: Abm:Storage:ConnectionString", error, StringComparison.Ordinal);
        Assert.Contains($"'{databasePath}'", error, StringComparison.Ordinal);
        Assert.Contains("a folder you can write to", error, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Abm.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SqlitePassword_NotPrinted()
    {
        var blocker = Path.Combine(_directory, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "x");

        var (_, _, error) = await RunAsync("ask", "help", $"--Abm:Storage:ConnectionString=Data Source={Path.Combine(blocker, "abm.db")};Password=hunter2", NoSeed);

        Assert.Contains("Abm:Storage:ConnectionString", error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidUrl_PrintsOneLine()
    {
        var (exitCode, _, error) = await RunAsync("--urls", "notaurl", DatabaseArgument, NoSeed);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("abm: The host URL is invalid (Invalid url: 'notaurl')", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownOption_NamesItAndValidOnes()
    {
        var zipPath = Path.Combine(_directory, "pkg.zip");

        var (exitCode, _, error) = await RunAsync("teams-package", "--app-id", AppId, "--output", zipPath);

        Assert.Equal(2, exitCode);
        Assert.Contains("Unknown option '--output'", error, StringComparison.Ordinal);
        Assert.Contains("--out,", error, StringComparison.Ordinal);
        Assert.False(File.Exists(zipPath));
    }

    [Fact]
    public async Task UnknownOptionWithValue_NamesOption()
    {
        var (exitCode, _, error) = await RunAsync("ask", "help", "--verbose=true", DatabaseArgument, NoSeed);

        Assert.Equal(2, exitCode);
        Assert.Contains("Unknown option '--verbose'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtraArgument_IsUsageError()
    {
        var (exitCode, _, error) = await RunAsync("ask", "help", "extra", DatabaseArgument, NoSeed);

        Assert.Equal(2, exitCode);
        Assert.Contains("Unexpected argument 'extra'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverrideWithSpacedValue_Accepted()
    {
        var (exitCode, output, _) = await RunAsync("ask", "help", DatabaseArgument, "--Abm:Demo:SeedOnEmpty", "false", "--Logging:LogLevel:Default", "Warning");

        Assert.Equal(0, exitCode);
        Assert.Contains("tell me about", output, StringComparison.Ordinal);
    }
}
