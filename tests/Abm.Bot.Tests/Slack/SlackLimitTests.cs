using System.Net;
using System.Text.Json.Nodes;
using Abm.Bot.Slack;

namespace Abm.Bot.Tests.Slack;

/// <summary>The request body limit of the Slack routes and the question length cap.</summary>
public sealed class SlackLimitTests : SlackHostTest
{
    private const int DefaultLimit = 1024 * 1024;

    public static TheoryData<string, string> Routes => new()
    {
        { SlackServiceCollectionExtensions.EventsPath, "application/json" },
        { SlackServiceCollectionExtensions.CommandsPath, "application/x-www-form-urlencoded" },
        { SlackServiceCollectionExtensions.InteractivityPath, "application/x-www-form-urlencoded" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task OversizedBody_Returns413Problem(string path, string contentType)
    {
        using var response = await Host.PostSignedAsync(path, new byte[DefaultLimit + 1], contentType);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>();
        Assert.Contains($"larger than {DefaultLimit} bytes", detail, StringComparison.Ordinal);
        Assert.Contains("Abm:Slack:MaxRequestBodyBytes", detail, StringComparison.Ordinal);
        Assert.Empty(Assistant.Questions);
    }

    [Fact]
    public async Task LongQuestion_GetsLimitReply()
    {
        var question = "tell me about " + new string('x', 5000);

        using var response = await Host.PostEventAsync(SlackEvents.Message("EvLong1", "D0DM00001", "1700000100.000001", question));
        var calls = await Api.WaitForCallAsync("chat.postMessage");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("up to 1,000 characters", calls.Single(c => c.Method == "chat.postMessage").Arg("text"), StringComparison.Ordinal);
        Assert.Empty(Assistant.Questions);
    }

    [Fact]
    public async Task QuestionAtLimit_IsAsked()
    {
        var question = new string('x', 1000);

        using var response = await Host.PostEventAsync(SlackEvents.Message("EvLimit1", "D0DM00001", "1700000100.000002", question));
        await Api.WaitForCallAsync("chat.postMessage");

        Assert.Equal(question, Assistant.Questions.Single().Question);
    }
}
