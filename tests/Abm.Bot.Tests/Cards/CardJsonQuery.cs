using System.Text.Json.Nodes;
using Abm.Bot.Cards;

namespace Abm.Bot.Tests.Cards;

/// <summary>Reads rendered cards for tests: as JSON, the way a Teams client receives them, and table rows as text.</summary>
internal static class CardJsonQuery
{
    public static JsonObject ToJson(AdaptiveCard card) => JsonNode.Parse(CardJson.Serialize(card))!.AsObject();

    /// <summary>Returns the one object in the card whose <c>id</c> is <paramref name="id"/>.</summary>
    public static JsonObject ById(JsonNode card, string id) =>
        Objects(card).Single(obj => obj["id"] is JsonValue value && value.TryGetValue<string>(out var found) && found == id);

    /// <summary>Returns the text of an element, joining the runs of a RichTextBlock.</summary>
    public static string TextOf(JsonObject element) => element["type"]!.GetValue<string>() switch
    {
        "RichTextBlock" => string.Concat(element["inlines"]!.AsArray().Select(run => run!["text"]!.GetValue<string>())),
        _ => element["text"]!.GetValue<string>(),
    };

    /// <summary>Returns every object in the document, depth first.</summary>
    public static IEnumerable<JsonObject> Objects(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var (_, child) in obj)
                {
                    foreach (var inner in Objects(child))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var inner in Objects(child))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    /// <summary>Returns every string a host runs through markdown: TextBlock text and Fact titles and values.</summary>
    public static IEnumerable<string> MarkdownStrings(JsonNode card)
    {
        foreach (var obj in Objects(card))
        {
            var type = obj["type"] is JsonValue value && value.TryGetValue<string>(out var name) ? name : null;
            if (type == "TextBlock")
            {
                yield return obj["text"]!.GetValue<string>();
            }
            else if (type is null && obj["title"] is JsonValue && obj["value"] is JsonValue && obj.Count == 2)
            {
                yield return obj["title"]!.GetValue<string>();
                yield return obj["value"]!.GetValue<string>();
            }
        }
    }

    /// <summary>Returns every Action.Execute in the card.</summary>
    public static IEnumerable<JsonObject> ExecuteActions(JsonNode card) =>
        Objects(card).Where(obj => obj["type"] is JsonValue value && value.TryGetValue<string>(out var type) && type == "Action.Execute");

    /// <summary>Returns each row after the header as the texts of its cells.</summary>
    public static List<List<string>> BodyRows(Table table) =>
    [
        .. table.Rows.Skip(1).Select(row => row.Cells.Select(CellText).ToList()),
    ];

    public static string CellText(TableCell cell) => string.Concat(cell.Items.Select(item => item switch
    {
        TextBlock text => text.Text,
        RichTextBlock rich => string.Concat(rich.Inlines.Select(run => run.Text)),
        _ => string.Empty,
    }));
}
