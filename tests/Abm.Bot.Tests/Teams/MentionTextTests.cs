using Abm.Bot.Teams;

namespace Abm.Bot.Tests.Teams;

public sealed class MentionTextTests
{
    private static Activity Message(string? text, params Entity[] entities) => new()
    {
        Type = "message",
        Text = text,
        Recipient = new ChannelAccount { Id = "28:bot", Name = "Abm" },
        Entities = [.. entities],
    };

    private static Entity Mention(string id, string text) => new() { Type = "mention", Mentioned = new ChannelAccount { Id = id }, Text = text };

    [Fact]
    public void BotMention_IsRemoved()
    {
        var activity = Message("<at>Abm</at> tell me about Contoso", Mention("28:bot", "<at>Abm</at>"));

        Assert.Equal("tell me about Contoso", MentionText.RemoveBotMention(activity));
    }

    [Fact]
    public void BotMention_MatchedById_NotName()
    {
        var activity = Message("<at>My Combined</at>1\n", Mention("28:bot", "<at>My Combined</at>"));

        Assert.Equal("1", MentionText.RemoveBotMention(activity));
    }

    [Fact]
    public void OtherMentions_AreKept()
    {
        var activity = Message(
            "<at>Abm</at> what is <at>Megan Bowen</at> working on",
            Mention("28:bot", "<at>Abm</at>"),
            Mention("29:megan", "<at>Megan Bowen</at>"));

        Assert.Equal("what is Megan Bowen working on", MentionText.RemoveBotMention(activity));
    }

    [Fact]
    public void MentionInMiddle_LeavesOneSpace()
    {
        var activity = Message("top 5 <at>Abm</at>  accounts", Mention("28:bot", "<at>Abm</at>"));

        Assert.Equal("top 5 accounts", MentionText.RemoveBotMention(activity));
    }

    [Fact]
    public void MissingText_IsEmpty()
    {
        Assert.Equal(string.Empty, MentionText.RemoveBotMention(Message(null)));
    }

    [Fact]
    public void NoEntities_TextIsTrimmed()
    {
        var activity = new Activity { Type = "message", Text = "  help \n" };

        Assert.Equal("help", MentionText.RemoveBotMention(activity));
    }

    [Fact]
    public void MentionOfSomeoneElseWithSameName_IsKept()
    {
        var activity = Message("<at>Abm</at> hi", Mention("29:someone", "<at>Abm</at>"));

        Assert.Equal("Abm hi", MentionText.RemoveBotMention(activity));
    }

    [Theory]
    [InlineData("<p>top 2 accounts</p>", "top 2 accounts")]
    [InlineData("<p><at>Abm</at> top 2 accounts</p>", "top 2 accounts")]
    [InlineData("<div><div>tell me about Quillmere&nbsp;Analytics</div>\n</div>", "tell me about Quillmere Analytics")]
    [InlineData("<p>why is</p><p>Contoso hot</p>", "why is Contoso hot")]
    [InlineData("tell me about Smith &amp; Sons<br/>", "tell me about Smith & Sons")]
    [InlineData("why is <strong>Fabrikam</strong> hot", "why is Fabrikam hot")]
    [InlineData("accounts with score < 50", "accounts with score < 50")]
    [InlineData("tell me about AT&T", "tell me about AT&T")]
    public void HtmlText_BecomesPlainText(string text, string expected)
    {
        var activity = Message(text, Mention("28:bot", "<at>Abm</at>"));

        Assert.Equal(expected, MentionText.RemoveBotMention(activity));
    }

    [Fact]
    public void NoBreakSpace_IsOrdinarySpace()
    {
        var activity = Message("tell me about Quillmere\u00a0Analytics");

        Assert.Equal("tell me about Quillmere Analytics", MentionText.RemoveBotMention(activity));
    }
}
