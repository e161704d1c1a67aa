using Abm.Bot.Cards;
using Abm.Bot.Slack.BlockKit;
using Abm.Core.Alerts;

namespace Abm.Bot.Alerts;

/// <summary>Renders alert messages and digests as Adaptive Cards (Teams) and Block Kit (Slack).</summary>
internal static class AlertCards
{
    public static AdaptiveCard Card(AlertView view)
    {
        var body = new List<CardElement>
        {
            CardBlocks.PlainHeading(view.Title),
            new FactSet
            {
                Facts =
                [
                    new Fact("Score", view.ScoreLine),
                    new Fact("Band", view.BandLine),
                    new Fact("Owner", CardText.Escape(view.OwnerName ?? "unassigned")),
                    new Fact("Fit tier", view.Alert.FitTier.ToString()),
                ],
            },
        };
        if (view.Reasons.Count > 0)
        {
            body.Add(CardBlocks.Section("Top reasons"));
            body.AddRange(view.Reasons.Select(r => CardBlocks.Plain(AlertViews.ReasonText(r))));
        }

        if (view.StatusLine is { } status)
        {
            body.Add(CardBlocks.Subtle(CardText.Escape(status)));
        }

        if (view.IsOpen)
        {
            body.Add(new ActionSet { Id = "actions", Actions = [.. AlertVerbs.For(view.Alert).Select(CardBlocks.Action)] });
        }

        return CardBlocks.Card(view.Summary, body);
    }

    public static AdaptiveCard DigestCard(IReadOnlyList<AlertView> views)
    {
        var body = new List<CardElement> { CardBlocks.Heading(DigestTitle(views.Count)) };
        body.AddRange(views.Select(v => CardBlocks.Plain(v.DigestLine)));
        return CardBlocks.Card(DigestTitle(views.Count), body);
    }

    public static SlackMessage Slack(AlertView view)
    {
        var composer = new MessageComposer();
        composer.Header(view.Title);
        composer.Section(SlackText.Escape($"{view.ScoreLine} · {view.BandLine} · Owner: {view.OwnerName ?? "unassigned"} · Fit tier {view.Alert.FitTier}"));
        if (view.Reasons.Count > 0)
        {
            composer.Section("*Top reasons*\n" + string.Join("\n", view.Reasons.Select(r => "• " + SlackText.Escape(AlertViews.ReasonText(r)))));
        }

        if (view.StatusLine is { } status)
        {
            composer.Section("_" + SlackText.Escape(status) + "_");
        }

        if (view.IsOpen)
        {
            foreach (var action in AlertVerbs.For(view.Alert))
            {
                composer.Button(action);
            }
        }

        return composer.Build(view.Summary);
    }

    public static SlackMessage SlackDigest(IReadOnlyList<AlertView> views)
    {
        var composer = new MessageComposer();
        composer.Header(DigestTitle(views.Count));
        composer.Section(string.Join("\n", views.Select(v => "• " + SlackText.Escape(v.DigestLine))));
        return composer.Build(DigestTitle(views.Count));
    }

    private static string DigestTitle(int count) => count == 1 ? "Alert digest: 1 account changed" : $"Alert digest: {count} accounts changed";
}
