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

        Assert.Equal("what is <at>Megan Bowen</at> working on", MentionText.RemoveBotMention(activity));
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

        Assert.Equal("<at>Abm</at> hi", MentionText.RemoveBotMention(activity));
    }
}
