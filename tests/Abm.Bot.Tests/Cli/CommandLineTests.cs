using System.CommandLine;
using Abm.Bot.Cli;

using static Abm.Bot.Tests.Cli.CliRunner;

namespace Abm.Bot.Tests.Cli;

public sealed class CommandLineTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("abm-cli-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private string DatabaseArgument => "--Abm:Storage:ConnectionString=Data Source=" + Path.Combine(_directory, "abm.db");

    // Seeding the demo set takes seconds; these tests need an empty database only.
    private const string NoSeed = "--Abm:Demo:SeedOnEmpty=false";

    [Theory]
    [InlineData("2017-06-30", "2017-06-30T00:00:00.0000000+00:00")]
    [InlineData("2017-06-30T12:30:00Z", "2017-06-30T12:30:00.0000000+00:00")]
    [InlineData("2017-06-30T12:30:00+02:00", "2017-06-30T10:30:00.0000000+00:00")]
    public void AsOf_ParsesAsUtc(string text, string expected)
    {
        var option = CliOptions.AsOf();
        var command = new RootCommand { option };

        var value = command.Parse(["--as-of", text]).GetValue(option);

        Assert.Equal(expected, value!.Value.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void AsOf_InvalidNamesValue()
    {
        var option = CliOptions.AsOf();
        var command = new RootCommand { option };

        var result = command.Parse(["--as-of", "yesterday"]);

        Assert.Contains(result.Errors, error => error.Message.Contains("--as-of 'yesterday'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ask_PrintsAnswer()
    {
        var (exitCode, output, _) = await RunAsync("ask", "help", DatabaseArgument, NoSeed);

        Assert.Equal(0, exitCode);
        Assert.Contains("tell me about", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_CountOutOfRange_NamesRange()
    {
        var (exitCode, output, _) = await RunAsync("ask", "top 0 hot accounts", DatabaseArgument, NoSeed);

        Assert.Equal(0, exitCode);
        Assert.Equal("Cannot list 0 accounts: the count must be a whole number from 1 to 50. Try \"top 10 hot accounts\".", output.Trim());
    }

    [Fact]
    public async Task Ask_NoQuestion_OneLineWithExample()
    {
        var (exitCode, output, error) = await RunAsync("ask", DatabaseArgument, NoSeed);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("abm: ask needs a question. Put it in quotes, such as: abm ask \"tell me about", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.DoesNotContain("Usage:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_UnknownEmail_Fails()
    {
        var (exitCode, _, error) = await RunAsync("ask", "my accounts", "--as", "nobody@example.com", DatabaseArgument, NoSeed);

        Assert.Equal(1, exitCode);
        Assert.Contains("--as 'nobody@example.com'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_PrintsSummary()
    {
        var (exitCode, output, _) = await RunAsync("score", "--as-of", "2026-06-30", DatabaseArgument, NoSeed);

        Assert.Equal(0, exitCode);
        Assert.Contains("as of 30 Jun 2026 00:00 UTC", output, StringComparison.Ordinal);
        Assert.Contains("Top 10 by AES", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_IsUsageError()
    {
        var (exitCode, _, error) = await RunAsync("imprt");

        Assert.Equal(2, exitCode);
        Assert.Contains("Unknown command 'imprt'", error, StringComparison.Ordinal);
    }
}
