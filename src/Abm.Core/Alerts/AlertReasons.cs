using System.Text.Json;
using Abm.Core.Scoring;

namespace Abm.Core.Alerts;

/// <summary>Reads and writes <see cref="Alert.ReasonsJson"/>.</summary>
public static class AlertReasons
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string ToJson(IEnumerable<EventContribution> events) =>
        JsonSerializer.Serialize(
            events.Select(e => new AlertReason(e.Type, e.Detail, e.ContactName, e.OccurredAt, Math.Round(e.Points, 1))).ToList(),
            Json);

    /// <summary>Returns the alert's reasons, strongest first; an unreadable value gives none.</summary>
    public static IReadOnlyList<AlertReason> Of(Alert alert)
    {
        try
        {
            return JsonSerializer.Deserialize<List<AlertReason>>(alert.ReasonsJson, Json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
