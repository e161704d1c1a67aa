using Abm.Bot.Slack.Api;
using Abm.Bot.Slack.BlockKit;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Bot.Tests.Slack;

public sealed class SlackApiClientTests : SlackHostTest
{
    private static readonly SlackMessage Hello = new("hello", [new SectionBlock(new MrkdwnText("hello"))]);

    private SlackApiClient Client => Host.Services.GetRequiredService<SlackApiClient>();

    [Fact]
    public async Task PostMessage_ReturnsChannelAndTs()
    {
        var response = await Client.PostMessageAsync("C0CHAN001", Hello, "1664216109.798919", CancellationToken.None);

        Assert.Equal("C0CHAN001", response.Channel);
        Assert.StartsWith("1700000000.", response.Ts, StringComparison.Ordinal);
        Assert.Equal("1664216109.798919", Api.CallsTo("chat.postMessage").Single().Arg("thread_ts"));
        Assert.Empty(Api.Problems);
    }

    [Fact]
    public async Task MissingChannel_ThrowsWithSlackError()
    {
        var error = await Assert.ThrowsAsync<SlackApiException>(
            () => Client.PostMessageAsync(FakeSlackApi.MissingChannel, Hello, null, CancellationToken.None));

        Assert.Equal("channel_not_found", error.Error);
        Assert.Equal("chat.postMessage", error.Method);
    }

    [Fact]
    public async Task TooLongText_ThrowsMsgTooLong()
    {
        var message = new SlackMessage(new string('a', 40_001), []);

        var error = await Assert.ThrowsAsync<SlackApiException>(() => Client.PostMessageAsync("C0CHAN001", message, null, CancellationToken.None));

        Assert.Equal("msg_too_long", error.Error);
    }

    [Fact]
    public async Task InvalidBlocks_ThrowsWithDetails()
    {
        var message = new SlackMessage("x", [new HeaderBlock(new PlainText(new string('h', 151)))]);

        var error = await Assert.ThrowsAsync<SlackApiException>(() => Client.PostMessageAsync("C0CHAN001", message, null, CancellationToken.None));

        Assert.Equal("invalid_blocks", error.Error);
        Assert.NotEmpty(error.Details);
    }

    [Fact]
    public async Task RateLimited_RetriesAfterRetryAfter()
    {
        Api.RateLimit("chat.postMessage", 1);

        var response = await Client.PostMessageAsync("C0CHAN001", Hello, null, CancellationToken.None);

        Assert.True(response.Ok);
        Assert.Single(Api.CallsTo("chat.postMessage (429)"));
        Assert.Single(Api.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task RateLimitedBeyondRetries_ThrowsHttpError()
    {
        Api.RateLimit("users.info", 10);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => Client.GetUserAsync(SlackEvents.UserId, CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal(4, Api.CallsTo("users.info (429)").Count);
    }

    [Fact]
    public async Task WrongToken_IsRejectedLikeSlack()
    {
        var options = Host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Abm.Bot.Slack.SlackOptions>>().Value;
        var original = options.BotToken;
        options.BotToken = "xoxb-wrong";
        try
        {
            var error = await Assert.ThrowsAsync<SlackApiException>(() => Client.PostMessageAsync("C0CHAN001", Hello, null, CancellationToken.None));
            Assert.Equal("invalid_auth", error.Error);
        }
        finally
        {
            options.BotToken = original;
        }
    }

    [Fact]
    public async Task RejectedBlocks_AnswerIsResentAsText()
    {
        Api.FailNextWithBlocks("chat.postMessage", "invalid_blocks");

        await Host.PostEventAsync(SlackEvents.Message("EvFallback", "D0DM00001", "1700000400.000001", "tell me about Acme"));

        var posts = await Api.WaitForAsync(calls => calls.Count(c => c.Method == "chat.postMessage") == 2);
        var retry = posts.Where(c => c.Method == "chat.postMessage").Last();
        Assert.False(retry.HasBlocks);
        Assert.Contains("Acme", retry.Arg("text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersInfo_SendsForm()
    {
        Api.UserEmails["U0FORM001"] = "form@example.com";

        var user = await Client.GetUserAsync("U0FORM001", CancellationToken.None);

        Assert.Equal("form@example.com", user.Profile?.Email);
        Assert.Empty(Api.Problems);
    }
}
