using Abm.Core.Answers;

namespace Abm.Bot.Cards;

/// <summary>
/// Turns channel-neutral replies into Adaptive Cards for Teams. Every number comes from the
/// reply as it is; the renderer only formats it (<see cref="CardFormat"/>) and escapes data
/// (<see cref="CardText"/>), so names like <c>**Acme**</c> or <c>&lt;at&gt;x&lt;/at&gt;</c> show literally.
/// </summary>
public static partial class AdaptiveCardRenderer
{
    /// <summary>The most rows a list card shows; longer lists end with a line saying how many were left out.</summary>
    public const int MaxRows = 50;

    /// <summary>Renders a reply as a card.</summary>
    /// <exception cref="NotSupportedException">The reply type has no card layout yet.</exception>
    public static AdaptiveCard Render(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var card = reply switch
        {
            AccountSummaryReply summary => RenderSummary(summary),
            AccountExplanationReply explanation => RenderExplanation(explanation),
            TopAccountsReply top => RenderTopAccounts(top),
            ChangesReply changes => RenderChanges(changes),
            FunnelReply funnel => RenderFunnel(funnel),
            HelpReply help => RenderHelp(help),
            AccountNotFoundReply notFound => RenderNotFound(notFound),
            TextReply text => RenderText(text),
            _ => throw new NotSupportedException($"No card layout exists for the reply type {reply.GetType().Name}; add one to {nameof(AdaptiveCardRenderer)}."),
        };

        if (reply.Correction is { } correction)
        {
            card.Body.Insert(0, CorrectionBlock(correction));
        }

        // Teams sends the card without activity text, so clients that cannot render it show
        // this text, the same the command line prints.
        card.FallbackText = CardText.Truncate(ReplyText.Format(reply), CardBlocks.MaxFallbackTextLength);
        return card;
    }

    /// <summary>Returns the subtle line "Showing X (closest match to "Y")." that leads a card about a misspelled account.</summary>
    private static RichTextBlock CorrectionBlock(NameCorrection correction)
    {
        var block = CardBlocks.Plain(correction.Text);
        block.Id = "correction";
        foreach (var run in block.Inlines)
        {
            run.IsSubtle = true;
        }

        return block;
    }

    private static void AddActions(AdaptiveCard card, Reply reply)
    {
        if (CardBlocks.Actions(reply) is { } actions)
        {
            card.Body.Add(actions);
        }
    }

    /// <summary>Adds a line saying how many rows a list card left out, when it left any out.</summary>
    private static void AddOmittedNote(IList<CardElement> body, int total, string noun)
    {
        if (total > MaxRows)
        {
            body.Add(CardBlocks.Subtle($"Showing the first {MaxRows} of {CardFormat.Count(total)} {noun}."));
        }
    }
}
