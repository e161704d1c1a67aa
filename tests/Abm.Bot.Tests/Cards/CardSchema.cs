using System.Text.Json.Nodes;
using Abm.Bot.Cards;
using Json.Schema;

namespace Abm.Bot.Tests.Cards;

/// <summary>Validates card JSON against the official Adaptive Cards 1.5 schema (JSON Schema draft-06).</summary>
internal static class CardSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromFile(Path.Combine(SharedSpec.AdaptiveCards, "schema-1.5.json")));

    /// <summary>Returns the validation errors, empty when the card is valid.</summary>
    /// <remarks>
    /// The schema forbids unknown properties, so Teams' own <c>msteams</c> extension is removed
    /// from every card object first; everything else is checked as sent.
    /// </remarks>
    public static IReadOnlyList<string> Validate(JsonNode card)
    {
        var copy = card.DeepClone();
        RemoveTeamsExtension(copy);
        return Evaluate(copy);
    }

    public static IReadOnlyList<string> Validate(AdaptiveCard card) =>
        Validate(JsonNode.Parse(CardJson.Serialize(card))!);

    /// <summary>Returns the validation errors without removing the Teams extension.</summary>
    public static IReadOnlyList<string> ValidateAsSent(JsonNode card) => Evaluate(card);

    private static List<string> Evaluate(JsonNode card)
    {
        var result = Schema.Value.Evaluate(card, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return [];
        }

        return
        [
            .. (result.Details ?? [])
                .Where(detail => detail.Errors is { Count: > 0 })
                .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Key}: {error.Value}")),
        ];
    }

    private static void RemoveTeamsExtension(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"] is JsonValue type && type.TryGetValue<string>(out var name) && name == "AdaptiveCard")
                {
                    obj.Remove("msteams");
                }

                foreach (var (_, child) in obj)
                {
                    RemoveTeamsExtension(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    RemoveTeamsExtension(child);
                }

                break;
        }
    }
}
