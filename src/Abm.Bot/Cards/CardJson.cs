using System.Text.Json;
using System.Text.Json.Serialization;

namespace Abm.Bot.Cards;

/// <summary>
/// The JSON settings that give cards and invoke responses the schema's shape: camelCase
/// properties, enums as the schema's camelCase strings, null properties left out.
/// </summary>
public static class CardJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Serialises a card, an invoke response or any other card model to JSON text.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>
    /// Converts a card to a JSON element, so an activity model serialised with other options
    /// (an attachment's <c>content</c>, for example) still carries the card's exact shape.
    /// </summary>
    public static JsonElement ToElement(AdaptiveCard card) => JsonSerializer.SerializeToElement(card, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

            // Reading cards back (tests, stored cards) must not depend on "type" coming first.
            AllowOutOfOrderMetadataProperties = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

/// <summary>
/// Writes an <see cref="AdaptiveCard"/> held in another model (an attachment's <c>content</c>)
/// with <see cref="CardJson.Options"/>, in the same pass as the model around it, instead of
/// converting the card to a JSON element first and writing that again.
/// </summary>
public sealed class EmbeddedCardConverter : JsonConverter<AdaptiveCard>
{
    public override AdaptiveCard? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<AdaptiveCard>(ref reader, CardJson.Options);

    public override void Write(Utf8JsonWriter writer, AdaptiveCard value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, CardJson.Options);
}
