using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Abm.Core.Domain;

namespace Abm.Core.Ingestion;

/// <summary>A record that passed validation; the account is resolved later against the database.</summary>
internal sealed record ValidRecord(int Index, string SourceId, string? AccountId, string? AccountDomain, EngagementEvent Event);

/// <summary>
/// Checks one events API record. Fields: <c>id</c> (required, the source's id), <c>accountId</c>
/// or <c>accountDomain</c> (one required), <c>type</c> (required), <c>occurredAt</c> (required,
/// ISO 8601 with offset), and optional <c>function</c>, <c>contactId</c>, <c>actorId</c>,
/// <c>quantity</c>, <c>detail</c>.
/// </summary>
internal static partial class EventRecordValidator
{
    private static readonly Dictionary<string, BusinessFunction> Functions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["marketing"] = BusinessFunction.Marketing,
        ["sales_development"] = BusinessFunction.SalesDevelopment,
        ["salesDevelopment"] = BusinessFunction.SalesDevelopment,
        ["sdr"] = BusinessFunction.SalesDevelopment,
        ["sales"] = BusinessFunction.Sales,
        ["customer_success"] = BusinessFunction.CustomerSuccess,
        ["customerSuccess"] = BusinessFunction.CustomerSuccess,
    };

    public static ValidRecord? Validate(RawRecord raw, string source, DateTimeOffset latestAllowed, List<IngestionError> errors)
    {
        if (raw.Json is not { } json)
        {
            errors.Add(new IngestionError(raw.Index, "(record)", raw.Error ?? "the record could not be read"));
            return null;
        }

        if (json.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new IngestionError(raw.Index, "(record)", $"expected a JSON object, found {json.ValueKind}"));
            return null;
        }

        var before = errors.Count;
        var id = Text(json, "id", 256, required: true, raw.Index, errors);
        var accountId = Text(json, "accountId", 128, required: false, raw.Index, errors);
        var domain = Text(json, "accountDomain", 256, required: false, raw.Index, errors)?.ToLowerInvariant();
        if (accountId is null && domain is null && errors.Count == before)
        {
            errors.Add(new IngestionError(raw.Index, "accountId", "missing: give accountId (an Abm account id) or accountDomain (such as contoso.com)"));
        }

        var type = Text(json, "type", 64, required: true, raw.Index, errors)?.ToLowerInvariant();
        if (type is not null && !TypePattern().IsMatch(type))
        {
            errors.Add(new IngestionError(raw.Index, "type", $"\"{type}\" is not an event type key: use lower-case letters, digits and '_', such as pricing_page_view"));
        }

        var occurredAt = Instant(json, raw.Index, latestAllowed, errors);
        var function = BusinessFunction.Marketing;
        var functionText = Text(json, "function", 32, required: false, raw.Index, errors);
        if (functionText is not null && !Functions.TryGetValue(functionText, out function))
        {
            errors.Add(new IngestionError(raw.Index, "function", $"\"{functionText}\" is not a business function: use marketing, sales_development, sales or customer_success"));
        }

        var quantity = Quantity(json, raw.Index, errors);
        var contactId = Text(json, "contactId", 128, required: false, raw.Index, errors);
        var actorId = Text(json, "actorId", 128, required: false, raw.Index, errors);
        var detail = Text(json, "detail", 512, required: false, raw.Index, errors);
        if (errors.Count != before)
        {
            return null;
        }

        var engagement = new EngagementEvent
        {
            AccountId = accountId ?? string.Empty,
            Type = type!,
            Function = function,
            OccurredAt = occurredAt!.Value,
            ContactId = contactId,
            ActorId = actorId,
            Source = source,
            SourceId = id!,
            Quantity = quantity,
            Detail = detail,
        };
        return new ValidRecord(raw.Index, id!, accountId, domain, engagement);
    }

    private static string? Text(JsonElement json, string name, int maxLength, bool required, int index, List<IngestionError> errors)
    {
        if (!json.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors.Add(new IngestionError(index, name, "missing: this field is required"));
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new IngestionError(index, name, $"expected a string, found {value.ValueKind}"));
            return null;
        }

        var text = value.GetString()!.Trim();
        if (text.Length == 0)
        {
            if (required)
            {
                errors.Add(new IngestionError(index, name, "empty: this field is required"));
            }

            return null;
        }

        if (text.Length > maxLength)
        {
            errors.Add(new IngestionError(index, name, FormattableString.Invariant($"{text.Length} characters, more than the {maxLength} allowed")));
            return null;
        }

        return text;
    }

    private static DateTimeOffset? Instant(JsonElement json, int index, DateTimeOffset latestAllowed, List<IngestionError> errors)
    {
        var text = Text(json, "occurredAt", 64, required: true, index, errors);
        if (text is null)
        {
            return null;
        }

        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || OffsetPattern().IsMatch(text);
        if (!hasOffset || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            errors.Add(new IngestionError(index, "occurredAt", $"\"{text}\" is not an ISO 8601 time with an offset, such as 2026-12-04T09:30:00Z"));
            return null;
        }

        if (instant > latestAllowed)
        {
            errors.Add(new IngestionError(index, "occurredAt", $"\"{text}\" is in the future; send events that already happened (check the sender's clock)"));
            return null;
        }

        if (instant.Year < 2000)
        {
            errors.Add(new IngestionError(index, "occurredAt", $"\"{text}\" is before 2000; check the sender's date field"));
            return null;
        }

        return instant.ToUniversalTime();
    }

    private static decimal? Quantity(JsonElement json, int index, List<IngestionError> errors)
    {
        if (!json.TryGetProperty("quantity", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var quantity) || quantity < 0 || quantity > 1_000_000_000m)
        {
            errors.Add(new IngestionError(index, "quantity", $"{value.GetRawText()} is not a number from 0 to 1,000,000,000"));
            return null;
        }

        return quantity;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_.-]{0,63}$")]
    private static partial Regex TypePattern();

    [GeneratedRegex(@"[+-]\d\d:?\d\d$")]
    private static partial Regex OffsetPattern();
}
