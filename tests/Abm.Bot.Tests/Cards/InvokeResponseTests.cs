using System.Text.Json.Nodes;
using Abm.Bot.Cards;

namespace Abm.Bot.Tests.Cards;

public class InvokeResponseTests
{
    [Fact]
    public void CardResponse_MatchesTeamsShape()
    {
        var card = new AdaptiveCard { Body = { new TextBlock("Thanks, your details were submitted.") { Wrap = true } } };

        var response = AdaptiveCardInvokeResponse.Card(card);

        AssertSameJson("adaptiveCard-action.200-card.json", CardJson.Serialize(response));
    }

    [Fact]
    public void MessageResponse_MatchesTeamsShape()
    {
        var response = AdaptiveCardInvokeResponse.Message("Your request was approved.");

        AssertSameJson("adaptiveCard-action.200-message.json", CardJson.Serialize(response));
    }

    [Fact]
    public void BadRequest_MatchesTeamsShape()
    {
        var response = AdaptiveCardInvokeResponse.BadRequest("The incoming request was invalid.");

        AssertSameJson("adaptiveCard-action.400-error.json", CardJson.Serialize(response));
    }

    [Fact]
    public void Response_UsesStatusCodeNotStatus()
    {
        var json = JsonNode.Parse(CardJson.Serialize(AdaptiveCardInvokeResponse.Message("ok")))!.AsObject();

        Assert.True(json.ContainsKey("statusCode"));
        Assert.False(json.ContainsKey("status"));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(399)]
    [InlineData(600)]
    public void Error_RejectsNonErrorStatus(int statusCode)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AdaptiveCardInvokeResponse.Error(statusCode, "X", "y"));
    }

    [Fact]
    public void RenderedCardResponse_Validates()
    {
        var response = AdaptiveCardInvokeResponse.Card(AdaptiveCardRenderer.Render(ReplyFixtures.Summary()));

        var json = JsonNode.Parse(CardJson.Serialize(response))!;

        Assert.Equal(AdaptiveCard.ContentType, json["type"]!.GetValue<string>());
        Assert.Empty(CardSchema.Validate(json["value"]!));
    }

    private static void AssertSameJson(string expectedFile, string actualJson)
    {
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(SharedSpec.InvokeResponses, expectedFile)));
        var actual = JsonNode.Parse(actualJson);

        Assert.True(JsonNode.DeepEquals(expected, actual), $"Expected {expected?.ToJsonString()}, got {actual?.ToJsonString()}.");
    }
}
