using Abm.Core.Answers;
using Abm.Core.Scoring;

namespace Abm.Bot.Cards;

// The ranked list, the weekly changes and the funnel cards.
public static partial class AdaptiveCardRenderer
{
    private static AdaptiveCard RenderTopAccounts(TopAccountsReply reply)
    {
        var heading = $"Top {CardFormat.Count(reply.Rows.Count)} {(reply.Rows.Count == 1 ? "account" : "accounts")} by {CardText.Clean(reply.SortedBy, 40)}";
        if (!string.IsNullOrWhiteSpace(reply.Filter))
        {
            heading += " " + CardText.Clean(reply.Filter, 100);
        }

        var card = CardBlocks.Card(CardBlocks.PlainHeading(heading, "title"));

        if (reply.Rows.Count == 0)
        {
            card.Body.Add(CardBlocks.Text("No accounts match."));
            AddActions(card, reply);
            return card;
        }

        var table = CardBlocks.Table(
            [("#", 1), ("Account", 5), ("AES", 2), ("Band", 2), ("7 days", 2), ("Fit", 2), ("Stage", 3), ("Owner", 3)],
            reply.Rows.Take(MaxRows).Select((row, index) => (IReadOnlyList<TableCell>)
            [
                CardBlocks.TextCell(CardFormat.Count(index + 1)),
                AccountCell(row.Id, row.Name),
                CardBlocks.TextCell(CardFormat.Score(row.Aes), CardFormat.BandColor(row.Band)),
                CardBlocks.TextCell(CardFormat.Band(row.Band), CardFormat.BandColor(row.Band)),
                CardBlocks.TextCell(CardFormat.Change(row.AesChange7Days)),
                CardBlocks.TextCell($"{CardFormat.TierLetter(row.Tier)} · {CardFormat.Score(row.Fit)}", CardFormat.TierColor(row.Tier)),
                CardBlocks.TextCell(CardFormat.Stage(row.Stage)),
                CardBlocks.PlainCell(row.OwnerName ?? "Unassigned"),
            ]));
        table.Id = "accounts";
        card.Body.Add(table);
        AddOmittedNote(card.Body, reply.Rows.Count, "accounts");
        AddActions(card, reply);
        return card;
    }

    private static AdaptiveCard RenderChanges(ChangesReply reply)
    {
        var heading = $"What changed from {CardFormat.Date(reply.From)} to {CardFormat.Date(reply.To)}";
        var card = CardBlocks.Card(CardBlocks.Heading(heading));

        AddMovers(card.Body, "Risers", "risers", reply.Risers);
        AddMovers(card.Body, "Fallers", "fallers", reply.Fallers);
        AddMovers(card.Body, "Band changes", "bandChanges", reply.BandChanges);
        AddActions(card, reply);
        return card;
    }

    private static void AddMovers(IList<CardElement> body, string title, string id, IReadOnlyList<AccountChange> changes)
    {
        body.Add(CardBlocks.Section(title));
        if (changes.Count == 0)
        {
            body.Add(CardBlocks.Subtle($"No {title.ToLowerInvariant()} in this period."));
            return;
        }

        var table = CardBlocks.Table(
            [("Account", 5), ("AES", 3), ("Change", 2), ("Band", 4)],
            changes.Take(MaxRows).Select(change => (IReadOnlyList<TableCell>)
            [
                AccountCell(change.Id, change.Name),
                CardBlocks.TextCell($"{CardFormat.Score(change.AesBefore)} → {CardFormat.Score(change.AesNow)}"),
                CardBlocks.TextCell(CardFormat.Change(change.AesNow - change.AesBefore)),
                BandChangeCell(change.BandBefore, change.BandNow),
            ]));
        table.Id = id;
        body.Add(table);
        AddOmittedNote(body, changes.Count, title.ToLowerInvariant());
    }

    private static TableCell BandChangeCell(EngagementBand before, EngagementBand now)
    {
        var text = before == now
            ? CardFormat.Band(now)
            : $"{CardFormat.Band(before)} → {CardFormat.Band(now)}";
        return CardBlocks.TextCell(text, CardFormat.BandColor(now));
    }

    private static AdaptiveCard RenderFunnel(FunnelReply reply)
    {
        var heading = string.IsNullOrWhiteSpace(reply.Filter) ? "Funnel" : "Funnel " + CardText.Clean(reply.Filter, 100);
        var card = CardBlocks.Card(CardBlocks.PlainHeading(heading, "title"));

        if (reply.Stages.Count == 0)
        {
            card.Body.Add(CardBlocks.Text("No accounts are in the funnel yet."));
            AddActions(card, reply);
            return card;
        }

        var table = CardBlocks.Table(
            [("Stage", 5), ("Accounts", 2), ("Conversion", 3), ("Value", 3)],
            reply.Stages.Take(MaxRows).Select(stage => (IReadOnlyList<TableCell>)
            [
                CardBlocks.TextCell(CardFormat.Stage(stage.Stage)),
                CardBlocks.TextCell(CardFormat.Count(stage.Count)),
                CardBlocks.TextCell(stage.ConversionFromPrevious is { } share ? CardFormat.Percent(share) : CardFormat.None),
                CardBlocks.TextCell(stage.ValueUsd is { } value ? ReplyText.FunnelValueText(stage.Stage, value) : CardFormat.None),
            ]));
        table.Id = "stages";
        card.Body.Add(table);
        foreach (var note in ReplyText.FunnelNotes)
        {
            card.Body.Add(CardBlocks.Subtle(note));
        }

        AddActions(card, reply);
        return card;
    }

    /// <summary>Creates a cell with the account's name that opens its summary when clicked.</summary>
    private static TableCell AccountCell(string accountId, string name)
    {
        var cell = CardBlocks.PlainCell(name);
        var summary = ReplyVerbs.ForAccount(ReplyVerbs.Summary, "Summary of " + CardText.Clean(name, 40), accountId);
        cell.SelectAction = CardBlocks.Execute(summary);
        return cell;
    }
}
