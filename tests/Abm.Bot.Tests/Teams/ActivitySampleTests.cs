using System.Net;
using System.Text.Json.Nodes;
using Abm.Bot.Tests.Teams.Fakes;

namespace Abm.Bot.Tests.Teams;

/// <summary>Every recorded and documented Teams activity, and every one the local Teams client sends, is handled.</summary>
public sealed class ActivitySampleTests(TeamsFixture fixture) : IClassFixture<TeamsFixture>
{
    public static TheoryData<string, string> Samples()
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in new[] { "teams", "teams-playground" })
        {
            foreach (var file in Directory.GetFiles(SpecFiles.Path(folder, "activities"), "*.json").Order(StringComparer.Ordinal))
            {
                data.Add(folder, Path.GetFileName(file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Sample_IsHandled(string folder, string file)
    {
        var activity = FakeBotFramework.LoadActivity(SpecFiles.Path(folder, "activities", file));

        using var response = await fixture.Host.PostSampleAsync(activity);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        if (activity["type"]!.GetValue<string>() == "invoke" && activity["name"]?.GetValue<string>() == "adaptiveCard/action")
        {
            var invokeResponse = JsonNode.Parse(body)!;
            Assert.Equal(200, invokeResponse["statusCode"]!.GetValue<int>());
            Assert.Equal("application/vnd.microsoft.card.adaptive", invokeResponse["type"]!.GetValue<string>());
        }
    }

    [Fact]
    public void Samples_AreFound()
    {
        Assert.True(Samples().Count >= 30);
    }
}
