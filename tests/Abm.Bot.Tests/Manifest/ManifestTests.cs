using System.Text.Json.Nodes;
using Json.Schema;

namespace Abm.Bot.Tests.Manifest;

public class ManifestTests
{
    private const string Placeholder = "{{APP_ID}}";
    private const string SampleAppId = "3f2b6c1e-8d4a-4f7b-9c2e-5a1d0b7e6f43";

    private static readonly string ManifestFolder = Path.Combine(RepositoryPaths.Root, "manifests", "teams");

    private static string ManifestText => File.ReadAllText(Path.Combine(ManifestFolder, "manifest.json"));

    [Fact]
    public void Manifest_AppIdFilled_MatchesSchema()
    {
        var results = Evaluate(ManifestText.Replace(Placeholder, SampleAppId, StringComparison.Ordinal));

        Assert.True(results.IsValid, DescribeErrors(results));
    }

    [Fact]
    public void Manifest_PlaceholderLeft_FailsSchema()
    {
        // The placeholder is not a GUID, so the schema must reject an unfilled manifest; this
        // shows the validation above really checks the document.
        var results = Evaluate(ManifestText);

        Assert.False(results.IsValid);
    }

    [Fact]
    public void Manifest_AppId_IsPlaceholder()
    {
        var manifest = JsonNode.Parse(ManifestText)!;

        Assert.Equal(Placeholder, (string?)manifest["id"]);
    }

    [Fact]
    public void Manifest_BotId_IsPlaceholder()
    {
        var manifest = JsonNode.Parse(ManifestText)!;

        Assert.Equal(Placeholder, (string?)manifest["bots"]![0]!["botId"]);
    }

    [Fact]
    public void Manifest_Bot_CoversChatAndTeamScopes()
    {
        var manifest = JsonNode.Parse(ManifestText)!;
        var scopes = manifest["bots"]![0]!["scopes"]!.AsArray().Select(scope => (string?)scope).Order(StringComparer.Ordinal);

        Assert.Equal(["groupChat", "personal", "team"], scopes);
    }

    [Fact]
    public void Manifest_Commands_ListEachQuestion()
    {
        var manifest = JsonNode.Parse(ManifestText)!;
        var commandList = manifest["bots"]![0]!["commandLists"]![0]!;
        var titles = commandList["commands"]!.AsArray().Select(command => (string?)command!["title"]);

        Assert.Equal(["tell me about", "why is", "top accounts", "what changed", "funnel", "help"], titles);
    }

    [Theory]
    [InlineData("color.png", 192)]
    [InlineData("outline.png", 32)]
    public void Icon_Size_MatchesTeamsRule(string file, int size)
    {
        var icon = PngImage.Read(Path.Combine(ManifestFolder, file));

        Assert.Equal((size, size), (icon.Width, icon.Height));
    }

    [Fact]
    public void OutlineIcon_Pixels_WhiteOrTransparent()
    {
        var icon = PngImage.Read(Path.Combine(ManifestFolder, "outline.png"));
        var offending = new List<string>();
        for (var y = 0; y < icon.Height; y++)
        {
            for (var x = 0; x < icon.Width; x++)
            {
                var (r, g, b, a) = icon.Pixel(x, y);
                if (a > 0 && (r, g, b) != (255, 255, 255))
                {
                    offending.Add($"({x},{y})");
                }
            }
        }

        Assert.Empty(offending);
    }

    [Fact]
    public void OutlineIcon_Corner_IsTransparent()
    {
        var icon = PngImage.Read(Path.Combine(ManifestFolder, "outline.png"));

        Assert.Equal(0, icon.Pixel(0, 0).A);
    }

    [Fact]
    public void ColorIcon_Pixels_AreOpaque()
    {
        var icon = PngImage.Read(Path.Combine(ManifestFolder, "color.png"));
        var transparent = 0;
        for (var y = 0; y < icon.Height; y++)
        {
            for (var x = 0; x < icon.Width; x++)
            {
                transparent += icon.Pixel(x, y).A < 255 ? 1 : 0;
            }
        }

        Assert.Equal(0, transparent);
    }

    private static EvaluationResults Evaluate(string manifestText)
    {
        var schemaPath = Path.Combine(RepositoryPaths.Shared, "spec", "teams", "manifest-schema-1.22.json");
        var schemaNode = JsonNode.Parse(File.ReadAllText(schemaPath))!.AsObject();

        // The Teams schema declares draft-04, which JsonSchema.Net does not implement. It uses no
        // keyword whose meaning changed after draft-04 (no exclusiveMinimum/Maximum, no "id"),
        // so evaluating it as draft-07 gives the same verdict.
        schemaNode["$schema"] = "http://json-schema.org/draft-07/schema#";
        var schema = JsonSchema.FromText(schemaNode.ToJsonString());

        var options = new EvaluationOptions { OutputFormat = OutputFormat.List };
        return schema.Evaluate(JsonNode.Parse(manifestText), options);
    }

    private static string DescribeErrors(EvaluationResults results) =>
        string.Join(
            Environment.NewLine,
            (results.Details ?? [])
                .Where(detail => detail.HasErrors)
                .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Value}")));
}
