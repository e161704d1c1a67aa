using System.Text.Json.Nodes;
using Abm.Bot.Cards;
using Abm.Core.Answers;

namespace Abm.Bot.Tests.Cards;

public class CardSchemaTests
{
    public static TheoryData<string> ReplyVariants() => [.. ReplyFixtures.All().Select(variant => variant.Name)];

    [Theory]
    [MemberData(nameof(ReplyVariants))]
    public void RenderedCard_ValidatesAgainstSchema(string variant)
    {
        var reply = ReplyFixtures.All().Single(candidate => candidate.Name == variant).Reply;

        var errors = CardSchema.Validate(AdaptiveCardRenderer.Render(reply));

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("v1.5-InputForm.json")]
    [InlineData("v1.5-ActivityUpdate.json")]
    public void OfficialSample_Validates(string file)
    {
        var errors = CardSchema.ValidateAsSent(LoadSample(file));

        Assert.Empty(errors);
    }

    [Fact]
    public void ExpenseReportSample_FailsOnlyOnFirstRowAsHeaders()
    {
        var sample = LoadSample("v1.5-ExpenseReport.json");
        Assert.NotEmpty(CardSchema.ValidateAsSent(sample));

        // The sample spells the Table property "firstRowAsHeaders"; the schema says "firstRowAsHeader".
        RenameProperty(sample, "firstRowAsHeaders", "firstRowAsHeader");

        Assert.Empty(CardSchema.ValidateAsSent(sample));
    }

    [Fact]
    public void InputsWithValidationSample_FailsOnlyOnActionRole()
    {
        var sample = LoadSample("v1.5-InputsWithValidation.json");
        Assert.NotEmpty(CardSchema.ValidateAsSent(sample));

        // The sample gives Action.OpenUrl a "role", which the 1.5 schema does not declare.
        RenameProperty(sample, "role", null);

        Assert.Empty(CardSchema.ValidateAsSent(sample));
    }

    public static TheoryData<string, string> BrokenCards() => new()
    {
        { "text block without text", """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","wrap":true}]}""" },
        { "unknown property", """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"x","colour":"good"}]}""" },
        { "unknown element type", """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Paragraph","text":"x"}]}""" },
        { "open url without url", """{"type":"AdaptiveCard","version":"1.5","actions":[{"type":"Action.OpenUrl","title":"Go"}]}""" },
        { "execute data as number", """{"type":"AdaptiveCard","version":"1.5","actions":[{"type":"Action.Execute","verb":"v","data":5}]}""" },
        { "fact without value", """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"FactSet","facts":[{"title":"a"}]}]}""" },
        { "wrap as string", """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"x","wrap":"yes"}]}""" },
    };

    [Theory]
    [MemberData(nameof(BrokenCards))]
    public void BrokenCard_FailsValidation(string name, string json)
    {
        var errors = CardSchema.ValidateAsSent(JsonNode.Parse(json)!);

        Assert.True(errors.Count > 0, $"The {name} card passed validation.");
    }

    [Fact]
    public void TeamsExtension_FailsUnlessRemoved()
    {
        var json = JsonNode.Parse(CardJson.Serialize(AdaptiveCardRenderer.Render(ReplyFixtures.Text())))!;
        Assert.NotNull(json["msteams"]);

        Assert.NotEmpty(CardSchema.ValidateAsSent(json));
        Assert.Empty(CardSchema.Validate(json));
    }

    [Fact]
    public void EveryReplyType_HasVariants()
    {
        var replyTypes = typeof(Reply).Assembly.GetTypes()
            .Where(type => type.IsSubclassOf(typeof(Reply)) && !type.IsAbstract)
            .Select(type => type.Name)
            .Order(StringComparer.Ordinal);
        var covered = ReplyFixtures.All().Select(variant => variant.Reply.GetType().Name).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(replyTypes, covered);
    }

    private static JsonNode LoadSample(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(SharedSpec.AdaptiveCards, "samples", file)))!;

    /// <summary>Renames (or, with a null name, removes) a property everywhere in the document.</summary>
    private static void RenameProperty(JsonNode? node, string from, string? to)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj.Remove(from, out var value) && to is not null)
                {
                    obj[to] = value;
                }

                foreach (var (_, child) in obj.ToList())
                {
                    RenameProperty(child, from, to);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    RenameProperty(child, from, to);
                }

                break;
        }
    }
}
