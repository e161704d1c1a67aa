using Abm.Bot.Cards;
using static Abm.Bot.Tests.Cards.CardJsonQuery;

namespace Abm.Bot.Tests.Cards;

public class HostileDataTests
{
    public static TheoryData<string> HostileVariants() =>
    [
        .. ReplyFixtures.All()
            .Select(variant => variant.Name)
            .Where(name => name.EndsWith("/markdown", StringComparison.Ordinal) || name.EndsWith("/html", StringComparison.Ordinal)),
    ];

    [Theory]
    [MemberData(nameof(HostileVariants))]
    public void MarkdownText_HasNoRawMarkup(string variant)
    {
        var reply = ReplyFixtures.All().Single(candidate => candidate.Name == variant).Reply;

        var strings = MarkdownStrings(ToJson(AdaptiveCardRenderer.Render(reply))).ToList();

        Assert.All(strings, text => Assert.Null(FirstUnescapedMarkup(text)));
    }

    [Fact]
    public void MarkdownName_ShowsLiterallyInTitle()
    {
        var card = ToJson(AdaptiveCardRenderer.Render(ReplyFixtures.Summary(ReplyFixtures.MarkdownName)));

        Assert.Equal(ReplyFixtures.MarkdownName, TextOf(ById(card, "accountName")));
    }

    [Fact]
    public void LongName_IsCut()
    {
        var card = ToJson(AdaptiveCardRenderer.Render(ReplyFixtures.Summary(ReplyFixtures.LongName)));

        var title = TextOf(ById(card, "accountName"));
        Assert.Equal(CardText.DefaultMaxLength, title.Length);
        Assert.EndsWith("…", title, StringComparison.Ordinal);
    }

    [Fact]
    public void LongName_KeepsCardSmall()
    {
        // Teams limits the size of a bot message. Every data string is capped, so even the
        // longest names keep a summary small.
        var json = CardJson.Serialize(AdaptiveCardRenderer.Render(ReplyFixtures.Summary(ReplyFixtures.LongName)));

        Assert.True(json.Length < 20_000, $"The card is {json.Length} characters long.");
    }

    [Fact]
    public void EmojiName_Survives()
    {
        var card = ToJson(AdaptiveCardRenderer.Render(ReplyFixtures.Summary(ReplyFixtures.EmojiName)));

        Assert.Equal(ReplyFixtures.EmojiName, TextOf(ById(card, "accountName")));
    }

    [Fact]
    public void LongButtonTitle_IsCut()
    {
        var card = AdaptiveCardRenderer.Render(ReplyFixtures.NotFound(name: ReplyFixtures.LongName));

        var suggestions = card.Body.OfType<ActionSet>().Single();
        Assert.All(suggestions.Actions, action => Assert.True(action.Title!.Length <= CardBlocks.MaxButtonTitleLength));
    }

    /// <summary>Returns the first markdown character that no backslash escapes, or null.</summary>
    private static string? FirstUnescapedMarkup(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
                continue;
            }

            if ("*_[]<>&`~".Contains(text[i], StringComparison.Ordinal) || (text[i] == '{' && i + 1 < text.Length && text[i + 1] == '{'))
            {
                return $"'{text[i]}' at {i} in \"{text}\"";
            }
        }

        return null;
    }
}
