using Abm.Core.Answers;

namespace Abm.Bot.Cards;

// The help, "did you mean" and plain text cards.
public static partial class AdaptiveCardRenderer
{
    /// <summary>The most "did you mean" buttons a card shows; Teams puts buttons past six in an overflow menu.</summary>
    public const int MaxSuggestions = 5;

    private static AdaptiveCard RenderHelp(HelpReply reply)
    {
        var card = CardBlocks.Card(CardBlocks.Heading("What you can ask"));
        if (reply.Commands.Count == 0)
        {
            card.Body.Add(CardBlocks.Text("No commands are available."));
        }
        else
        {
            card.Body.Add(new FactSet
            {
                Id = "commands",
                Facts = [.. reply.Commands.Select(command => new Fact(CardText.Escape(command.Example, 100), CardText.Escape(command.Description)))],
            });
        }

        AddActions(card, reply);
        return card;
    }

    private static AdaptiveCard RenderNotFound(AccountNotFoundReply reply)
    {
        var query = CardText.Clean(reply.Query, 100);
        var message = CardBlocks.Runs(
            new TextRun("No account matches “"),
            new TextRun(query) { Weight = TextWeight.Bolder },
            new TextRun("”."));
        message.Id = "message";
        var card = CardBlocks.Card(message);

        if (reply.Suggestions.Count == 0)
        {
            card.Body.Add(CardBlocks.Text("No similar names were found either. Check the spelling, or ask for the top accounts to see names."));
        }
        else
        {
            card.Body.Add(CardBlocks.Text("Did you mean:"));
            card.Body.Add(new ActionSet
            {
                Id = "suggestions",
                // The reply's actions ask the same question about each name (why, top events…).
                // A reply without actions gets a summary button per name.
                Actions = reply.Actions.Count > 0
                    ? [.. reply.Actions.Take(MaxSuggestions).Select(CardBlocks.Action)]
                    : [.. reply.Suggestions.Take(MaxSuggestions).Select(match => CardBlocks.Execute(ReplyVerbs.ForAccount(ReplyVerbs.Summary, match.Name, match.Id)))],
            });
        }

        return card;
    }

    private static AdaptiveCard RenderText(TextReply reply)
    {
        var card = CardBlocks.Card();
        var lines = reply.Text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var line in lines.Take(MaxRows))
        {
            card.Body.Add(CardBlocks.Plain(line, maxLength: 1000));
        }

        if (card.Body.Count == 0)
        {
            card.Body.Add(CardBlocks.Subtle("(no text)"));
        }

        card.Body[0].Id = "text";
        AddOmittedNote(card.Body, lines.Length, "lines");
        AddActions(card, reply);
        return card;
    }
}
