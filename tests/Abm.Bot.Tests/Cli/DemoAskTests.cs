using static Abm.Bot.Tests.Cli.CliRunner;

namespace Abm.Bot.Tests.Cli;

/// <summary>A temporary database that the first <c>abm ask</c> fills with the demo data set.</summary>
public sealed class DemoDatabase : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("abm-demo-ask-").FullName;

    public string Argument => "--Abm:Storage:ConnectionString=Data Source=" + Path.Combine(_directory, "abm.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>Questions a new user types, asked with <c>abm ask</c> against the demo data.</summary>
public sealed class DemoAskTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    // The demo data is generated relative to the clock, so a fixed instant keeps the replies the same on every run.
    private const string AsOf = "--as-of=2026-12-04T12:00:00Z";

    private async Task<string> AskAsync(string question)
    {
        var (exitCode, output, error) = await RunAsync("ask", question, database.Argument, AsOf);
        Assert.True(exitCode == 0, error);
        return output.Trim();
    }

    [Fact]
    public async Task UnknownIndustry_ListsDemoIndustries()
    {
        var output = await AskAsync("top accounts in industry Spaceships");

        Assert.StartsWith("No industry matches \"Spaceships\". Industries: ", output, StringComparison.Ordinal);
        Assert.Contains("Software", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MisspelledAccount_SaysCorrection()
    {
        var output = await AskAsync("tell me about Quilmere Analytics");

        Assert.StartsWith("Showing Quillmere Analytics (closest match to \"Quilmere Analytics\")." + Environment.NewLine, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_NamesHighestAesAccount()
    {
        // The second line reads "1. <name>: AES …".
        var top = (await AskAsync("top 1 accounts")).Split(Environment.NewLine)[1];
        var name = top["1. ".Length..top.IndexOf(": AES", StringComparison.Ordinal)];

        var output = await AskAsync("help");

        Assert.Contains($"\"tell me about {name}\"", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Contoso")]
    [InlineData("Fabrikam")]
    [InlineData("Tailspin")]
    public async Task Help_NamesNoInventedAccount(string invented)
    {
        var output = await AskAsync("help");

        Assert.DoesNotContain(invented, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskUsage_NamesDemoAccount()
    {
        var (_, output, _) = await RunAsync("ask", "--help");

        Assert.Contains("tell me about Quillmere Analytics", output, StringComparison.Ordinal);
    }
}
