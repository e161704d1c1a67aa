using Abm.Core.Domain;

namespace Abm.Core.Import;

/// <summary>The value type of a mapped field, which sets how its text is parsed.</summary>
internal enum FieldKind
{
    Text,
    Domain,
    WholeNumber,
    Number,
    Instant,
    Boolean,
    TimeZone,
    Enum,
}

internal sealed record FieldDefinition(string Name, FieldKind Kind, bool Required, Type? EnumType = null);

/// <summary>The fields each entity kind accepts in a mapping, with their types; the key is always required.</summary>
internal static class EntityFields
{
    public static readonly IReadOnlyDictionary<string, FieldDefinition> Account = Index(
        new("name", FieldKind.Text, true),
        new("domain", FieldKind.Domain, false),
        new("industry", FieldKind.Text, false),
        new("employees", FieldKind.WholeNumber, false),
        new("annualRevenue", FieldKind.Number, false),
        new("country", FieldKind.Text, false),
        new("region", FieldKind.Text, false),
        new("parent", FieldKind.Text, false),
        new("owner", FieldKind.Text, false));

    public static readonly IReadOnlyDictionary<string, FieldDefinition> Person = Index(
        new("name", FieldKind.Text, true),
        new("email", FieldKind.Text, false),
        new("role", FieldKind.Enum, true, typeof(PersonRole)),
        new("manager", FieldKind.Text, false),
        new("team", FieldKind.Text, false),
        new("timeZone", FieldKind.TimeZone, false));

    public static readonly IReadOnlyDictionary<string, FieldDefinition> Contact = Index(
        new("account", FieldKind.Text, true),
        new("name", FieldKind.Text, true),
        new("email", FieldKind.Text, false),
        new("title", FieldKind.Text, false),
        new("seniority", FieldKind.Enum, false, typeof(Seniority)),
        new("buyingRole", FieldKind.Enum, false, typeof(BuyingRole)));

    public static readonly IReadOnlyDictionary<string, FieldDefinition> Opportunity = Index(
        new("account", FieldKind.Text, true),
        new("name", FieldKind.Text, false),
        new("stage", FieldKind.Enum, true, typeof(OpportunityStage)),
        new("amount", FieldKind.Number, false),
        new("createdAt", FieldKind.Instant, true),
        new("closedAt", FieldKind.Instant, false),
        new("owner", FieldKind.Text, false),
        new("isExpansion", FieldKind.Boolean, false));

    public static readonly IReadOnlyDictionary<string, FieldDefinition> Event = Index(
        new("account", FieldKind.Text, true),
        new("type", FieldKind.Text, true),
        new("function", FieldKind.Enum, true, typeof(BusinessFunction)),
        new("occurredAt", FieldKind.Instant, true),
        new("contact", FieldKind.Text, false),
        new("actor", FieldKind.Text, false),
        new("quantity", FieldKind.Number, false),
        new("detail", FieldKind.Text, false));

    private static Dictionary<string, FieldDefinition> Index(params FieldDefinition[] fields) =>
        fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
}
