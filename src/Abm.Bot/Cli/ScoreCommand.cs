using System.CommandLine;
using System.Globalization;
using Abm.Core;
using Abm.Core.Answers;
using Abm.Core.Domain;
using Abm.Core.Scoring;
using Spectre.Console;

namespace Abm.Bot.Cli;

/// <summary><c>abm score [--as-of T]</c>: recomputes every account's scores and prints a summary table.</summary>
internal static class ScoreCommand
{
    /// <summary>How many accounts the ranked table lists.</summary>
    public const int TopCount = 10;

    public static Command Create()
    {
        var asOf = CliOptions.AsOf();
        var command = new Command("score", "Recompute fit and engagement scores for every account and print a summary.") { asOf };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, cancellationToken) =>
        {
            using var host = await CliHost.StartAsync(CliOptions.HostArguments(result, result.GetValue(asOf)), cancellationToken);
            var repository = host.Services.GetRequiredService<AccountRepository>();
            var analyzer = host.Services.GetRequiredService<AccountAnalyzer>();
            var instant = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();

            var data = await repository.LoadAllAsync(cancellationToken);
            var snapshots = analyzer.Analyze(data, instant);
            Print(SpectreOutput.For(result), snapshots, data.Events.Count, instant);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(IAnsiConsole console, IReadOnlyList<AccountSnapshot> snapshots, int eventCount, DateTimeOffset asOf)
    {
        console.MarkupLine($"Scored [bold]{snapshots.Count.ToString("N0", CultureInfo.InvariantCulture)}[/] accounts from {eventCount.ToString("N0", CultureInfo.InvariantCulture)} events as of {DateText.DateAndTime(asOf)}.");

        var bands = new Table().Title("Engagement bands").AddColumns("Band", "Accounts");
        foreach (var band in Enum.GetValues<EngagementBand>())
        {
            bands.AddRow(ReplyText.BandName(band), snapshots.Count(s => s.Engagement.Band == band).ToString(CultureInfo.InvariantCulture));
        }

        var tiers = new Table().Title("Fit tiers").AddColumns("Tier", "Accounts");
        foreach (var tier in Enum.GetValues<FitTier>())
        {
            tiers.AddRow(ReplyText.TierText(tier), snapshots.Count(s => s.Fit.Tier == tier).ToString(CultureInfo.InvariantCulture));
        }

        // "At or beyond" is the count the chat funnel shows, so the two outputs agree.
        var stages = new Table().Title("Funnel stages").AddColumns("Stage", "At stage", "At or beyond");
        foreach (var stage in Enum.GetValues<FunnelStage>())
        {
            var atOrBeyond = stage == FunnelStage.NotTargeted ? "-" : snapshots.Count(s => s.Stage >= stage).ToString(CultureInfo.InvariantCulture);
            stages.AddRow(ReplyText.StageName(stage), snapshots.Count(s => s.Stage == stage).ToString(CultureInfo.InvariantCulture), atOrBeyond);
        }

        console.Write(new Columns(bands, tiers, stages));

        var top = new Table().Title($"Top {TopCount} by AES").AddColumns("Account", "AES", "Band", "7-day change", "Fit", "Tier", "Stage", "Owner");
        foreach (var row in snapshots.Select(s => s.ToRow()).OrderByDescending(r => r.Aes).ThenBy(r => r.Name, StringComparer.Ordinal).Take(TopCount))
        {
            top.AddRow(
                Markup.Escape(row.Name),
                row.Aes.ToString("0.0", CultureInfo.InvariantCulture),
                ReplyText.BandName(row.Band),
                row.AesChange7Days.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture),
                row.Fit.ToString("0.0", CultureInfo.InvariantCulture),
                ReplyText.TierText(row.Tier),
                ReplyText.StageName(row.Stage),
                Markup.Escape(row.OwnerName ?? "-"));
        }

        console.Write(top);
        console.MarkupLine(Markup.Escape("Funnel stages count approved target accounts; accounts off the list are Not targeted. The chat funnel shows the At or beyond column."));
    }
}
