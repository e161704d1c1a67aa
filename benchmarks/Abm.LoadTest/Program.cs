using System.Globalization;
using System.Runtime.InteropServices;
using Abm.LoadTest;

// `baseline` is the plain Kestrel endpoint, started by the run in its own process.
if (args is ["baseline"])
{
    await BaselineServer.RunAsync();
    return 0;
}

var settings = RunSettings.Parse(args);
Console.WriteLine(MachineText());

using var credentials = new Credentials();
var tracker = new ReplyTracker();
await using var fakes = await FakeServices.StartAsync(credentials, tracker);
var work = Directory.CreateTempSubdirectory("abm-loadtest-");
var certificateFile = Path.Combine(work.FullName, "fake-login.pem");
await File.WriteAllTextAsync(certificateFile, credentials.CertificatePem);

using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
var runner = new LoadRunner(client, tracker);
var results = new List<PhaseResult>();
var token = credentials.CreateBotToken(fakes.ServiceUrl);
var self = typeof(RunSettings).Assembly.Location;

try
{
    using var bot = await ChildProcess.StartAsync("dotnet", [settings.AbmDll, "serve", "--urls", "http://127.0.0.1:0"], BotEnvironment(fakes, work.FullName, certificateFile), "Now listening on: ");
    Console.WriteLine($"abm host: PID {bot.Id} at {bot.Url}");

    if (settings.Teams)
    {
        using var baseline = await ChildProcess.StartAsync("dotnet", [self, "baseline"], new Dictionary<string, string>(), BaselineServer.ReadyMarker);
        Console.WriteLine($"plain endpoint: PID {baseline.Id} at {baseline.Url}");
        var plain = TeamsLoad.Message("(c) plain Kestrel endpoint", baseline.Url, fakes.ServiceUrl, null, "help");
        var echo = TeamsLoad.Message("(a) echo turn (help)", bot.Url, fakes.ServiceUrl, token, "help");
        var tell = TeamsLoad.Message($"(b) tell me about {settings.Account}", bot.Url, fakes.ServiceUrl, token, "tell me about " + settings.Account);

        await Warm(runner, tell);
        results.Add(await Report(() => runner.RunClosedAsync(plain, settings.Connections, settings.Warmup, settings.Duration), baseline));
        results.Add(await Report(() => runner.RunClosedAsync(echo, settings.Connections, settings.Warmup, settings.Duration), bot));
        results.Add(await Report(() => runner.RunClosedAsync(tell, settings.Connections, settings.Warmup, settings.Duration), bot));
        results.Add(await Report(() => runner.RunOpenAsync(tell, settings.Rate, settings.Warmup, settings.Duration), bot));
    }

    if (settings.Slack)
    {
        var abmSlack = SlackLoad.DirectMessage("abm Slack events (help)", bot.Url + "/api/slack/events", "help");
        await Warm(runner, abmSlack);
        results.Add(await Report(() => runner.RunClosedAsync(abmSlack, settings.Connections, settings.Warmup, settings.Duration), bot));

        using var bolt = await ChildProcess.StartAsync("node", [Path.Combine(settings.BoltDir, "app.js")], new Dictionary<string, string>
        {
            ["SLACK_SIGNING_SECRET"] = Credentials.SlackSigningSecret,
            ["SLACK_BOT_TOKEN"] = Credentials.SlackBotToken,
            ["SLACK_API_URL"] = fakes.SlackApiUrl,
        }, "Bolt listening on ");
        Console.WriteLine($"Bolt app: PID {bolt.Id} at {bolt.Url}");
        var boltSlack = SlackLoad.DirectMessage("@slack/bolt 5.1.0 app (help)", bolt.Url + "/slack/events", "help");
        await Warm(runner, boltSlack);
        results.Add(await Report(() => runner.RunClosedAsync(boltSlack, settings.Connections, settings.Warmup, settings.Duration), bolt));
    }
}
finally
{
    work.Delete(recursive: true);
}

Console.WriteLine();
Console.WriteLine("| Scenario | Load | Replies/s | p50 ms | p99 ms | max ms | Errors |");
Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
foreach (var r in results)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Name} | {r.Mode} | {r.PerSecond:N0} | {r.P50Micros / 1000.0:N2} | {r.P99Micros / 1000.0:N2} | {r.MaxMicros / 1000.0:N2} | {r.Errors:N0} |"));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Replies that matched no request or carried a wrong token: {tracker.Unexpected:N0}"));
return 0;

// The server's CPU use over the phase (warm-up included) shows whether it or the load was the limit.
static async Task<PhaseResult> Report(Func<Task<PhaseResult>> phase, ChildProcess server)
{
    var cpuBefore = server.CpuTime;
    var started = System.Diagnostics.Stopwatch.GetTimestamp();
    var result = await phase();
    var cores = (server.CpuTime - cpuBefore) / System.Diagnostics.Stopwatch.GetElapsedTime(started);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Name}, {result.Mode}: {result.PerSecond:N0}/s, p50 {result.P50Micros / 1000.0:N2} ms, p99 {result.P99Micros / 1000.0:N2} ms, errors {result.Errors}, server CPU {cores:N2} cores ({cores * 1_000_000 / result.PerSecond:N0} µs per request)"));
    return result;
}

static async Task Warm(LoadRunner runner, Scenario scenario)
{
    if (await runner.WarmAsync(scenario, 20) == 0)
    {
        throw new InvalidOperationException($"{scenario.Name}: no reply reached the fakes while warming up; the last failure: {runner.LastFailure}");
    }
}

static Dictionary<string, string> BotEnvironment(FakeServices fakes, string work, string certificateFile) => new()
{
    ["Abm__Storage__ConnectionString"] = "Data Source=" + Path.Combine(work, "abm.db"),
    ["Abm__Teams__AppId"] = Credentials.AppId,
    ["Abm__Teams__AppPassword"] = Credentials.AppPassword,
    ["Abm__Teams__OpenIdMetadataUrl"] = fakes.MetadataUrl,
    ["Abm__Teams__Authority"] = fakes.Authority,
    ["Abm__Slack__SigningSecret"] = Credentials.SlackSigningSecret,
    ["Abm__Slack__BotToken"] = Credentials.SlackBotToken,
    ["Abm__Slack__BotUserId"] = SlackLoad.BotUserId,
    ["Abm__Slack__ApiBaseUrl"] = fakes.SlackApiUrl,
    ["Logging__LogLevel__Default"] = "Warning",
    ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
    ["DOTNET_ENVIRONMENT"] = "Production",
    ["ASPNETCORE_ENVIRONMENT"] = "Production",

    // The fake token endpoint's self-signed certificate is the only root the bot process trusts.
    ["SSL_CERT_FILE"] = certificateFile,
    ["SSL_CERT_DIR"] = Path.GetDirectoryName(certificateFile)!,
};

static string MachineText()
{
    var cpu = File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
        : null;
    var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";
    return $"{DateTime.UtcNow:u} · {Environment.ProcessorCount} cores · {cpu ?? RuntimeInformation.ProcessArchitecture.ToString()} · {RuntimeInformation.FrameworkDescription} · load average at start {load}";
}

/// <summary>Command-line settings of a run.</summary>
internal sealed record RunSettings(string AbmDll, string BoltDir, string Account, int Connections, double Rate, TimeSpan Warmup, TimeSpan Duration, bool Teams, bool Slack)
{
    public static RunSettings Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{args[i]}'. Pass options as --name value, for example --duration 30.");
            }

            values[args[i][2..]] = args[i + 1];
        }

        if (args.Length % 2 != 0)
        {
            throw new ArgumentException($"The option '{args[^1]}' has no value. Pass options as --name value.");
        }

        var root = FindRepositoryRoot();
        var only = values.GetValueOrDefault("only", "all");
        var settings = new RunSettings(
            values.GetValueOrDefault("abm", Path.Combine(root, "artifacts", "abm", "abm.dll")),
            values.GetValueOrDefault("bolt", Path.Combine(root, "benchmarks", "slack-bolt")),
            values.GetValueOrDefault("account", "Quillmere Analytics"),
            int.Parse(values.GetValueOrDefault("connections", "32"), CultureInfo.InvariantCulture),
            double.Parse(values.GetValueOrDefault("rate", "200"), CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(double.Parse(values.GetValueOrDefault("warmup", "5"), CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(double.Parse(values.GetValueOrDefault("duration", "30"), CultureInfo.InvariantCulture)),
            only is "all" or "teams",
            only is "all" or "slack");
        if (!File.Exists(settings.AbmDll))
        {
            throw new FileNotFoundException($"The bot is not published at {settings.AbmDll}. Run 'dotnet publish src/Abm.Bot -c Release -o artifacts/abm' first, or pass --abm with the path of abm.dll.");
        }

        return settings;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Abm.Bot.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
