using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Abm.AlertsLoad;

/// <summary>
/// The built <c>abm</c> as a separate process: <c>abm apikey create</c> to get a key, and
/// <c>abm serve</c> on a loopback port, stopped by its PID.
/// </summary>
internal sealed class AbmProcess : IAsyncDisposable
{
    private readonly Process _process;

    private AbmProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int Id => _process.Id;

    /// <summary>
    /// The host's settings. Everything else keeps the product's defaults, including the
    /// dispatcher's poll interval (1 s) and per-conversation pacing (1 s).
    /// </summary>
    public static Dictionary<string, string> Settings(string databasePath, FakeSlack slack) => new(StringComparer.Ordinal)
    {
        ["Abm:Storage:ConnectionString"] = "Data Source=" + databasePath,
        ["Abm:Demo:SeedOnEmpty"] = "false",
        ["Abm:Slack:SigningSecret"] = "alerts-load-signing-secret",
        ["Abm:Slack:BotToken"] = FakeSlack.Token,
        ["Abm:Slack:ApiBaseUrl"] = slack.ApiUrl,
        // A crossing alerts at the evaluation that sees it, instead of waiting for a second one.
        ["Abm:Alerts:Rules:DwellEvaluations"] = "1",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    /// <summary>Runs <c>abm apikey create &lt;source&gt;</c> and returns the key it prints.</summary>
    public static async Task<string> CreateApiKeyAsync(string abmPath, IReadOnlyDictionary<string, string> settings, string source)
    {
        var startInfo = StartInfo(abmPath, settings, ["apikey", "create", source]);
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start abm apikey create.");
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (process.ExitCode != 0 || lines.Length == 0)
        {
            throw new InvalidOperationException($"abm apikey create exited with {process.ExitCode}: {error}{output}");
        }

        return lines[^1];
    }

    /// <summary>Starts <c>abm serve</c> on a free loopback port and waits until it responds.</summary>
    public static async Task<AbmProcess> StartAsync(string abmPath, IReadOnlyDictionary<string, string> settings, IEnumerable<string> extraArguments)
    {
        var port = FreePort();
        var baseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
        var startInfo = StartInfo(abmPath, settings, ["serve", "--urls", baseAddress.ToString().TrimEnd('/'), .. extraArguments]);
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start abm serve.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (!string.IsNullOrEmpty(e.Data))
            {
                Console.Error.WriteLine("abm: " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new AbmProcess(process, baseAddress);
        await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"abm serve exited with {_process.ExitCode} before it responded to a health request.");
            }

            try
            {
                // No key: a running host returns 401.
                using var response = await client.PostAsync(new Uri("api/v1/events", UriKind.Relative), new StringContent("[]"));
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
        }

        throw new TimeoutException($"abm serve did not respond at {BaseAddress} within {timeout.TotalSeconds} s.");
    }

    private static ProcessStartInfo StartInfo(string abmPath, IReadOnlyDictionary<string, string> settings, IEnumerable<string> arguments)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetTempPath(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(abmPath);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in settings)
        {
            startInfo.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        startInfo.Environment["DOTNET_ENVIRONMENT"] = "Production";
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        return startInfo;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
