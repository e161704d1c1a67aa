using System.Globalization;

namespace Abm.AlertsLoad;

/// <summary>
/// The run's shape. Every option is <c>--name value</c>; arguments that start with <c>--Abm:</c>
/// or <c>--Logging:</c> are passed on to <c>abm serve</c> unchanged (as <c>--key=value</c>).
/// </summary>
internal sealed class LoadOptions
{
    /// <summary>Events offered per second, open loop. Default 1,000.</summary>
    public int Rate { get; private set; } = 1000;

    /// <summary>How long events are sent. Default 60 seconds.</summary>
    public int DurationSeconds { get; private set; } = 60;

    /// <summary>Events per request, as a source system that batches its webhooks would send them. Default 50.</summary>
    public int Batch { get; private set; } = 50;

    /// <summary>Events per second that push a cold account to hot, so each causes one alert. Default 5.</summary>
    public int AlertsPerSecond { get; private set; } = 5;

    /// <summary>Slack channels subscribed, each to one region; alerts go round robin across them. Default 20.</summary>
    public int Channels { get; private set; } = 20;

    /// <summary>Accounts that receive the background events (low-value email opens that stay cold). Default 2,000.</summary>
    public int BackgroundAccounts { get; private set; } = 2000;

    /// <summary>The fake's per-channel limit: a post sooner than this after the last accepted one gets 429. 0 turns it off. Default 0.</summary>
    public int FakeChannelIntervalMs { get; private set; }

    /// <summary>How long to wait after the last request for alerts still on their way. Default 30 seconds.</summary>
    public int DrainSeconds { get; private set; } = 30;

    /// <summary>Path of the built <c>abm.dll</c>; default the one copied next to this program.</summary>
    public string AbmPath { get; private set; } = Path.Combine(AppContext.BaseDirectory, "abm.dll");

    /// <summary>Configuration passed to <c>abm serve</c> after the load program's own settings, so it wins.</summary>
    public List<string> HostArguments { get; } = [];

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--Abm:", StringComparison.Ordinal) || arg.StartsWith("--Logging:", StringComparison.Ordinal))
            {
                options.HostArguments.Add(arg.Contains('=', StringComparison.Ordinal) || i + 1 >= args.Length ? arg : arg + "=" + args[++i]);
                continue;
            }

            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"Option '{arg}' needs a value, such as '{arg} 10'.");
            }

            var value = args[++i];
            switch (arg)
            {
                case "--rate": options.Rate = Positive(arg, value); break;
                case "--duration": options.DurationSeconds = Positive(arg, value); break;
                case "--batch": options.Batch = Positive(arg, value); break;
                case "--alerts-per-second": options.AlertsPerSecond = Positive(arg, value); break;
                case "--channels": options.Channels = Positive(arg, value); break;
                case "--background-accounts": options.BackgroundAccounts = Positive(arg, value); break;
                case "--fake-channel-interval-ms": options.FakeChannelIntervalMs = NonNegative(arg, value); break;
                case "--drain": options.DrainSeconds = Positive(arg, value); break;
                case "--abm": options.AbmPath = Path.GetFullPath(value); break;
                default: throw new ArgumentException($"Unknown option '{arg}'. Options: --rate, --duration, --batch, --alerts-per-second, --channels, --background-accounts, --fake-channel-interval-ms, --drain, --abm, and --Abm:<key>=<value> for the host.");
            }
        }

        if (options.Batch > options.Rate)
        {
            throw new ArgumentException($"--batch {options.Batch} is larger than --rate {options.Rate}: use a batch of at most the events per second.");
        }

        if (options.AlertsPerSecond > options.RequestsPerSecond)
        {
            throw new ArgumentException($"--alerts-per-second {options.AlertsPerSecond} is more than the {options.RequestsPerSecond:0.#} requests per second: lower it or use smaller batches.");
        }

        if (!File.Exists(options.AbmPath))
        {
            throw new ArgumentException($"No abm.dll at '{options.AbmPath}': build the solution first, or pass --abm <path to abm.dll>.");
        }

        return options;
    }

    public double RequestsPerSecond => (double)Rate / Batch;

    public int Requests => (int)Math.Round(RequestsPerSecond * DurationSeconds);

    public int ExpectedAlerts => AlertsPerSecond * DurationSeconds;

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} '{value}' is not a positive whole number.");

    private static int NonNegative(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new ArgumentException($"{name} '{value}' is not a whole number of 0 or more.");
}
