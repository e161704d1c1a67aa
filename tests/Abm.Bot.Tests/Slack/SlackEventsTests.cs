using System.Net;
using System.Text;
using System.Text.Json;
using Abm.Bot.Slack;

namespace Abm.Bot.Tests.Slack;

public sealed class SlackEventsTests : SlackHostTest
{
    private async Task<HttpResponseMessage> PostPayloadAsync(string fileName, IDictionary<string, string>? headers = null) =>
        await Host.PostSignedAsync(SlackServiceCollectionExtensions.EventsPath, SharedSpec.ReadSlackPayload(fileName), "application/json", headers: headers);

    /// <summary>
    /// Sends a last question and waits for its answer; turns run in order, so every earlier turn is
    /// finished. Returns the other messages posted.
    /// </summary>
    private async Task<IReadOnlyList<FakeSlackCall>> DrainAsync()
    {
        var id = Guid.NewGuid().ToString("N");
        await Host.PostEventAsync(SlackEvents.Sentinel(id));
        var calls = await Api.WaitForCallAsync("chat.postMessage", c => c.Arg("text")?.Contains(id, StringComparison.Ordinal) == true);
        return [.. calls.Where(c => c.Method is "chat.postMessage" or "chat.postEphemeral" && c.Arg("text")?.Contains(id, StringComparison.Ordinal) != true)];
    }

    [Fact]
    public async Task UrlVerification_ReturnsChallenge()
    {
        using var response = await PostPayloadAsync("url_verification.docs-example.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", await response.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AppMention_IsAnsweredInChannel()
    {
        using var response = await PostPayloadAsync("event_callback-app_mention.docs-example.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var calls = await Api.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == "C123ABC456");
        var answer = calls.Single(c => c.Arg("channel") == "C123ABC456");
        Assert.Equal("is it everything a river should be?", Assistant.Questions.Single().Question);
        Assert.Equal("You asked: is it everything a river should be?", answer.Arg("text"));
        Assert.False(answer.Body.TryGetProperty("thread_ts", out _));
        Assert.Empty(Api.Problems);
    }

    [Fact]
    public async Task DirectMessage_IsAnsweredInDm()
    {
        using var response = await PostPayloadAsync("event_callback-message.im.recorded.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var calls = await Api.WaitForCallAsync("chat.postMessage");
        Assert.Equal("D0442US94JD", calls.Single(c => c.Method == "chat.postMessage").Arg("channel"));
        Assert.Equal("test", Assistant.Questions.Single().Question);
        Assert.Equal("slack", Assistant.Questions.Single().Asker.Channel);
    }

    [Theory]
    [InlineData("event_callback-message.channels.recorded.json")]
    [InlineData("event_callback-message-from-own-bot-in-thread.recorded.json")]
    [InlineData("event_callback-message-subtype-bot_message.recorded.json")]
    [InlineData("event_callback-message_changed.recorded.json")]
    [InlineData("app_rate_limited.docs-example.json")]
    public async Task RecordedPayload_IsAcknowledgedWithoutAnswer(string fileName)
    {
        using var response = await PostPayloadAsync(fileName);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var before = await DrainAsync();
        Assert.Empty(before);
        Assert.Single(Assistant.Questions);
    }

    [Fact]
    public async Task MisspelledAccount_CorrectionLeadsMessage()
    {
        await Host.PostEventAsync(SlackEvents.Message("EvFix1", "D0DM00001", "1700000002.000100", "closest match to Quilmere <Analytics>"));

        var calls = await Api.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == "D0DM00001");
        var first = calls.Single(c => c.Method == "chat.postMessage").Body.GetProperty("blocks")[0];
        Assert.Equal("context", first.GetProperty("type").GetString());
        Assert.Equal("Showing Quillmere Analytics (closest match to \"Quilmere &lt;Analytics&gt;\").", first.GetProperty("elements")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task OwnMessage_IsNeverAnswered()
    {
        var own = SlackEvents.Message("EvOwn1", "D0DM00001", "1700000001.000100", "an answer Abm posted", user: SlackEvents.BotUserId);
        var ownBot = SlackEvents.Message("EvOwn2", "D0DM00001", "1700000001.000200", "another", botId: "B0BOT0001");
        await Host.PostEventAsync(own);
        await Host.PostEventAsync(ownBot);

        Assert.Empty(await DrainAsync());
    }

    [Theory]
    [InlineData("message_changed")]
    [InlineData("message_deleted")]
    [InlineData("channel_join")]
    [InlineData("bot_message")]
    public async Task MessageSubtype_IsNotAnswered(string subtype)
    {
        await Host.PostEventAsync(SlackEvents.Message("EvSub1", "D0DM00001", "1700000001.000300", "hello", subtype: subtype));

        Assert.Empty(await DrainAsync());
    }

    [Fact]
    public async Task RetriedEvent_IsAnsweredOnce()
    {
        var body = SlackEvents.Message("EvRetry1", "D0DM00001", "1700000002.000100", "retried question");
        await Host.PostEventAsync(body);
        foreach (var retry in new[] { "1", "2", "3" })
        {
            using var response = await Host.PostEventAsync(body, new Dictionary<string, string>
            {
                ["X-Slack-Retry-Num"] = retry,
                ["X-Slack-Retry-Reason"] = "http_timeout",
            });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var answers = await DrainAsync();
        Assert.Single(answers, c => c.Arg("text") == "You asked: retried question");
    }

    [Fact]
    public async Task MentionAsBothEventTypes_IsAnsweredOnce()
    {
        var text = $"<@{SlackEvents.BotUserId}> both types";
        await Host.PostEventAsync(SlackEvents.Message("EvBoth1", "C0CHAN001", "1700000003.000100", text, type: "app_mention"));
        await Host.PostEventAsync(SlackEvents.Message("EvBoth2", "C0CHAN001", "1700000003.000100", text, channelType: "channel"));

        var answers = await DrainAsync();
        Assert.Single(answers, c => c.Arg("channel") == "C0CHAN001");
        Assert.Single(Assistant.Questions, q => q.Question == "both types");
    }

    [Fact]
    public async Task ReplayedSignedRequest_IsAnsweredOnce()
    {
        var body = Encoding.UTF8.GetBytes(SlackEvents.Message("EvReplay1", "D0DM00001", "1700000004.000100", "replayed"));
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var first = await Host.PostSignedAsync(SlackServiceCollectionExtensions.EventsPath, body, "application/json", timestamp);
        using var replay = await Host.PostSignedAsync(SlackServiceCollectionExtensions.EventsPath, body, "application/json", timestamp);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Single(await DrainAsync(), c => c.Arg("text") == "You asked: replayed");
    }

    [Fact]
    public async Task ThreadedQuestion_IsAnsweredInThread()
    {
        var text = $"<@{SlackEvents.BotUserId}> in a thread";
        await Host.PostEventAsync(SlackEvents.Message("EvThread1", "C0CHAN001", "1664216870.477049", text, type: "app_mention", threadTs: "1664216109.798910"));

        var answer = Assert.Single(await DrainAsync());
        Assert.Equal(JsonValueKind.String, answer.Body.GetProperty("thread_ts").ValueKind);
        Assert.Equal("1664216109.798910", answer.Arg("thread_ts"));
    }

    [Fact]
    public async Task ChannelMessageWithoutMention_IsNotAnswered()
    {
        await Host.PostEventAsync(SlackEvents.Message("EvChan1", "C0CHAN001", "1700000005.000100", "chatter", channelType: "channel"));

        Assert.Empty(await DrainAsync());
    }

    [Fact]
    public async Task MentionWithLabel_IsStrippedAnywhere()
    {
        var text = $"what about <@{SlackEvents.BotUserId}|abm> &lt;Acme &amp; Co&gt; and <@U0OTHER01> <@{SlackEvents.BotUserId}>";
        await Host.PostEventAsync(SlackEvents.Message("EvStrip1", "C0CHAN001", "1700000006.000100", text, type: "app_mention"));

        await DrainAsync();
        Assert.Equal("what about <Acme & Co> and <@U0OTHER01>", Assistant.Questions.First().Question);
    }

    [Fact]
    public async Task BareMention_AsksForHelp()
    {
        await Host.PostEventAsync(SlackEvents.Message("EvBare1", "C0CHAN001", "1700000007.000100", $"<@{SlackEvents.BotUserId}>", type: "app_mention"));

        await DrainAsync();
        Assert.Equal("help", Assistant.Questions.First().Question);
    }

    [Fact]
    public async Task AccountQuestion_PostsCardWithinLimits()
    {
        await Host.PostEventAsync(SlackEvents.Message("EvCard1", "D0DM00001", "1700000008.000100", "tell me about Acme & <Sons>"));

        var answer = Assert.Single(await DrainAsync());
        Assert.True(answer.HasBlocks);
        Assert.Contains("Acme &amp; &lt;Sons&gt;", answer.Arg("text"), StringComparison.Ordinal);
        Assert.Empty(Api.Problems);
    }

    [Fact]
    public async Task FailingTurn_TellsUserEphemerally()
    {
        await Host.PostEventAsync(SlackEvents.Message("EvFail1", "C0CHAN001", "1700000009.000100", $"<@{SlackEvents.BotUserId}> fail", type: "app_mention"));

        var calls = await Api.WaitForCallAsync("chat.postEphemeral");
        var notice = calls.Single(c => c.Method == "chat.postEphemeral");
        Assert.Equal(SlackEvents.UserId, notice.Arg("user"));
        Assert.Equal("C0CHAN001", notice.Arg("channel"));
    }

    [Fact]
    public async Task MalformedJson_Returns400()
    {
        using var response = await Host.PostEventAsync("{\"type\": ");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task UnknownEnvelopeType_IsAcknowledged()
    {
        using var response = await Host.PostEventAsync("{\"type\":\"something_new\"}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
