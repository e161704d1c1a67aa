using System.Net;
using System.Net.Sockets;

namespace Abm.Bot.Tests.Cli;

/// <summary><c>abm serve</c> as a child process: a startup failure prints one line on stderr, no stack trace anywhere, and exits with 2.</summary>
public sealed class ServeProcessTests : IDisposable
{
    private const string NoSeed = "--Abm:Demo:SeedOnEmpty=false";

    private readonly string _directory = Directory.CreateTempSubdirectory("abm-serve-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string DatabaseArgument => "--Abm:Storage:ConnectionString=Data Source=" + Path.Combine(_directory, "abm.db");

    [Fact]
    public async Task BlockedDatabaseFolder_OneLineNoTrace()
    {
        var blocker = Path.Combine(_directory, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "x");

        var (exitCode, output, error) = await AbmProcess.RunAsync(_directory, "serve", "--urls", "http://127.0.0.1:0", "--Abm:Storage:ConnectionString=Data Source=" + Path.Combine(blocker, "abm.db"), NoSeed);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("abm: Abm:Storage:ConnectionString names the SQLite file", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidUrl_OneLineNoTrace()
    {
        var (exitCode, output, error) = await AbmProcess.RunAsync(_directory, "serve", "--urls", "notaurl", DatabaseArgument, NoSeed);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("abm: The host URL is invalid (Invalid url: 'notaurl')", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonNumericPort_OneLineNoListen()
    {
        var (exitCode, output, error) = await AbmProcess.RunAsync(_directory, "serve", "--urls", "http://127.0.0.1:notaport", DatabaseArgument, NoSeed);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("abm: The host URL is invalid (Invalid url: 'http://127.0.0.1:notaport')", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PortInUse_NamesAddressAndFix()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var url = "http://127.0.0.1:" + ((IPEndPoint)listener.LocalEndpoint).Port;

        var (exitCode, output, error) = await AbmProcess.RunAsync(_directory, "serve", "--urls", url, DatabaseArgument, NoSeed);

        Assert.Equal(2, exitCode);
        Assert.StartsWith($"abm: Failed to bind to address {url}", error, StringComparison.Ordinal);
        Assert.Contains("set --urls or ASPNETCORE_URLS to a free address", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MistypedKey_NamesClosestKey()
    {
        var (exitCode, output, error) = await AbmProcess.RunAsync(_directory, "serve", "--urls", "http://127.0.0.1:0", DatabaseArgument, NoSeed, "--Abm:Storag:Provider", "sqlite");

        Assert.Equal(2, exitCode);
        Assert.StartsWith("abm: Abm:Storag:Provider is not a known setting", error, StringComparison.Ordinal);
        Assert.Contains("Did you mean Abm:Storage:Provider?", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MistypedEnvironmentKey_IsRejected()
    {
        var environment = new Dictionary<string, string> { ["Abm__Slack__SigningSecrt"] = "not-used" };

        var (exitCode, _, error) = await AbmProcess.RunAsync(_directory, environment, "serve", "--urls", "http://127.0.0.1:0", DatabaseArgument, NoSeed);

        Assert.Equal(2, exitCode);
        Assert.Contains("Did you mean Abm:Slack:SigningSecret?", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--Abm:Teams:MaxRequestBodyBytes=0", "abm: Abm:Teams:MaxRequestBodyBytes 0 is out of range. Use 1024 to 67108864 bytes")]
    [InlineData("--Abm:Teams:MemberCacheDuration=-00:01:00", "abm: Abm:Teams:MemberCacheDuration -00:01:00 is negative. Use a duration such as 01:00:00")]
    public async Task InvalidValue_OneLineNamesKey(string setting, string expected)
    {
        var (exitCode, output, error) = await AbmProcess.RunAsync(_directory, "serve", "--urls", "http://127.0.0.1:0", DatabaseArgument, NoSeed, setting);

        Assert.Equal(2, exitCode);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--Abm:Teams:MaxRequestBodyBytes=abc", "abm: Abm:Teams:MaxRequestBodyBytes is 'abc', which is not a whole number.")]
    [InlineData("--Abm:Slack:MaxRequestBodyBytes=abc", "abm: Abm:Slack:MaxRequestBodyBytes is 'abc', which is not a whole number.")]
    [InlineData("--Abm:Playbooks:ReminderInterval=banana", "abm: Abm:Playbooks:ReminderInterval is 'banana', which is not a duration.")]
    [InlineData("--Abm:Alerts:Dispatch:PollInterval=abc", "abm: Abm:Alerts:Dispatch:PollInterval is 'abc', which is not a duration.")]
    public async Task UnconvertibleValue_OneLineNamesKey(string setting, string expected)
    {
        var (exitCode, output, error) = await AbmProcess.RunAsync(_directory, "serve", "--urls", "http://127.0.0.1:0", DatabaseArgument, NoSeed, setting);

        Assert.Equal(2, exitCode);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
    }
}
