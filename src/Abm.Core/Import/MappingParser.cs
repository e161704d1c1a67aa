using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Abm.Core.Import;

/// <summary>Turns mapping YAML into an <see cref="ImportMapping"/>, rejecting unknown keys so a typo cannot pass silently.</summary>
internal sealed class MappingParser
{
    private static readonly string[] TopKeys = ["source", "tables", "valueMaps", "people", "accounts", "contacts", "opportunities", "events"];
    private static readonly string[] SourceKeys = ["file", "optional", "distinct", "key", "where", "first", "enrich", "fields"];
    private static readonly string[] FieldKeys = ["template", "map", "unmapped", "default", "format", "multiply"];
    private static readonly string[] ConditionKeys = ["value", "equals", "in", "notIn", "empty"];

    private readonly string _name;
    private readonly List<ImportError> _errors = [];

    private MappingParser(string name) => _name = name;

    public static ImportMapping Parse(string name, string yaml)
    {
        object? root;
        try
        {
            root = new DeserializerBuilder().Build().Deserialize<object>(yaml);
        }
        catch (YamlException ex)
        {
            throw new ImportException([new ImportError(name, 0, null, null, $"invalid YAML at line {ex.Start.Line}, column {ex.Start.Column}: {ex.Message}")]);
        }

        var parser = new MappingParser(name);
        var mapping = parser.ParseRoot(root);
        if (parser._errors.Count > 0 || mapping is null)
        {
            throw new ImportException(parser._errors);
        }

        return mapping;
    }

    private ImportMapping? ParseRoot(object? root)
    {
        if (root is not Dictionary<object, object> map)
        {
            Error("", "the mapping must be a YAML mapping with 'source' and at least one entity section");
            return null;
        }

        CheckKeys(map, TopKeys, "");
        var source = Text(map, "source", "");
        if (string.IsNullOrWhiteSpace(source))
        {
            Error("source", "is missing; name the source system, such as 'salesforce'");
        }

        var tables = new Dictionary<string, LookupTableSpec>(StringComparer.Ordinal);
        foreach (var (tableName, value) in Entries(map, "tables"))
        {
            if (value is Dictionary<object, object> table)
            {
                CheckKeys(table, ["file", "key"], $"tables.{tableName}");
                tables[tableName] = new LookupTableSpec(Text(table, "file", $"tables.{tableName}") ?? "", Text(table, "key", $"tables.{tableName}") ?? "");
            }
            else
            {
                Error($"tables.{tableName}", "must have 'file' and 'key'");
            }
        }

        var valueMaps = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (mapName, value) in Entries(map, "valueMaps"))
        {
            valueMaps[mapName] = StringMap(value, $"valueMaps.{mapName}") ?? new Dictionary<string, string>();
        }

        var mapping = new ImportMapping
        {
            Name = _name,
            Source = source ?? "",
            Tables = tables,
            ValueMaps = valueMaps,
            People = Sources(map, "people"),
            Accounts = Sources(map, "accounts"),
            Contacts = Sources(map, "contacts"),
            Opportunities = Sources(map, "opportunities"),
            Events = Sources(map, "events"),
        };
        return mapping;
    }

    private List<EntitySourceSpec> Sources(Dictionary<object, object> map, string section)
    {
        var result = new List<EntitySourceSpec>();
        if (!map.TryGetValue(section, out var value) || value is null)
        {
            return result;
        }

        var items = value as List<object> ?? [value];
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"{section}[{i}]";
            if (items[i] is not Dictionary<object, object> item)
            {
                Error(path, "must be a mapping with 'file', 'key' and 'fields'");
                continue;
            }

            CheckKeys(item, SourceKeys, path);
            var file = Text(item, "file", path);
            var key = Text(item, "key", path);
            if (file is null || key is null)
            {
                Error(path, "needs both 'file' and 'key'");
                continue;
            }

            var fields = new Dictionary<string, FieldSpec>(StringComparer.Ordinal);
            foreach (var (fieldName, fieldValue) in Entries(item, "fields"))
            {
                if (Field(fieldValue, $"{path}.fields.{fieldName}") is { } field)
                {
                    fields[fieldName] = field;
                }
            }

            result.Add(new EntitySourceSpec
            {
                Path = path,
                File = file,
                Optional = Bool(item, "optional", path),
                Distinct = Bool(item, "distinct", path),
                Key = ParseTemplate(key, $"{path}.key") ?? Template.Parse("-"),
                Where = Conditions(item, path),
                First = First(item, path),
                Enrich = Enrich(item, path),
                Fields = fields,
            });
        }

        return result;
    }

    private FieldSpec? Field(object? value, string path)
    {
        if (value is string text)
        {
            return ParseTemplate(text, path) is { } simple ? new FieldSpec { Template = simple } : null;
        }

        if (value is not Dictionary<object, object> map)
        {
            Error(path, "must be a template string or a mapping with 'template'");
            return null;
        }

        CheckKeys(map, FieldKeys, path);
        var template = ParseTemplate(Text(map, "template", path) ?? "", path);
        if (template is null)
        {
            return null;
        }

        var unmapped = UnmappedValues.Error;
        if (Text(map, "unmapped", path) is { } unmappedText && !Enum.TryParse(unmappedText, ignoreCase: true, out unmapped))
        {
            Error($"{path}.unmapped", $"'{unmappedText}' is not valid; use error, keep or empty");
        }

        decimal? multiply = null;
        if (Text(map, "multiply", path) is { } multiplyText)
        {
            if (decimal.TryParse(multiplyText, NumberStyles.Float, CultureInfo.InvariantCulture, out var factor))
            {
                multiply = factor;
            }
            else
            {
                Error($"{path}.multiply", $"'{multiplyText}' is not a number");
            }
        }

        var formats = map.TryGetValue("format", out var formatValue) ? StringList(formatValue, $"{path}.format") : [];
        return new FieldSpec
        {
            Template = template,
            Map = map.TryGetValue("map", out var mapValue) ? StringMap(mapValue, $"{path}.map") : null,
            Unmapped = unmapped,
            Default = Text(map, "default", path),
            Formats = formats,
            Multiply = multiply,
        };
    }

    private List<RowCondition> Conditions(Dictionary<object, object> item, string path)
    {
        var result = new List<RowCondition>();
        if (!item.TryGetValue("where", out var value) || value is null)
        {
            return result;
        }

        var list = value as List<object> ?? [value];
        for (var i = 0; i < list.Count; i++)
        {
            var conditionPath = $"{path}.where[{i}]";
            if (list[i] is not Dictionary<object, object> map || ParseTemplate(Text(map, "value", conditionPath) ?? "", $"{conditionPath}.value") is not { } template)
            {
                Error(conditionPath, "needs 'value' (a template) and one of 'equals', 'in', 'notIn' or 'empty'");
                continue;
            }

            CheckKeys(map, ConditionKeys, conditionPath);
            bool? empty = map.ContainsKey("empty") ? Bool(map, "empty", conditionPath) : null;
            var condition = new RowCondition(
                template,
                Text(map, "equals", conditionPath),
                map.TryGetValue("in", out var inValue) ? StringList(inValue, $"{conditionPath}.in") : null,
                map.TryGetValue("notIn", out var notInValue) ? StringList(notInValue, $"{conditionPath}.notIn") : null,
                empty);
            if (condition.EqualsValue is null && condition.In is null && condition.NotIn is null && condition.IsEmpty is null)
            {
                Error(conditionPath, "needs one of 'equals', 'in', 'notIn' or 'empty'");
            }

            result.Add(condition);
        }

        return result;
    }

    private FirstInGroupSpec? First(Dictionary<object, object> item, string path)
    {
        if (!item.TryGetValue("first", out var value) || value is null)
        {
            return null;
        }

        if (value is not Dictionary<object, object> map || ParseTemplate(Text(map, "group", $"{path}.first") ?? "", $"{path}.first.group") is not { } group)
        {
            Error($"{path}.first", "needs 'group' (a template) and 'orderBy' (a list of columns)");
            return null;
        }

        CheckKeys(map, ["group", "orderBy"], $"{path}.first");
        var orderBy = map.TryGetValue("orderBy", out var orderValue) ? StringList(orderValue, $"{path}.first.orderBy") : [];
        return new FirstInGroupSpec(group, orderBy);
    }

    private EnrichSpec? Enrich(Dictionary<object, object> item, string path)
    {
        if (!item.TryGetValue("enrich", out var value) || value is null)
        {
            return null;
        }

        if (value is not Dictionary<object, object> map || Text(map, "feature", $"{path}.enrich") is not { } feature || Text(map, "file", $"{path}.enrich") is not { } file)
        {
            Error($"{path}.enrich", "needs 'feature' (such as fortune1000) and 'file'");
            return null;
        }

        CheckKeys(map, ["feature", "file"], $"{path}.enrich");
        if (!Enrichers.Known.Contains(feature))
        {
            Error($"{path}.enrich.feature", $"'{feature}' is not a known enrichment; use one of: {string.Join(", ", Enrichers.Known)}");
        }

        return new EnrichSpec(feature, file);
    }

    private Template? ParseTemplate(string text, string path)
    {
        try
        {
            return Template.Parse(text);
        }
        catch (FormatException ex)
        {
            Error(path, ex.Message);
            return null;
        }
    }

    private IEnumerable<(string Name, object? Value)> Entries(Dictionary<object, object> map, string key)
    {
        if (!map.TryGetValue(key, out var value) || value is null)
        {
            yield break;
        }

        if (value is not Dictionary<object, object> entries)
        {
            Error(key, "must be a mapping of names to values");
            yield break;
        }

        foreach (var (name, entry) in entries)
        {
            yield return (Convert.ToString(name, CultureInfo.InvariantCulture) ?? "", entry);
        }
    }

    private Dictionary<string, string>? StringMap(object? value, string path)
    {
        if (value is not Dictionary<object, object> map)
        {
            Error(path, "must be a mapping of values to replacements");
            return null;
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (from, to) in map)
        {
            result[Convert.ToString(from, CultureInfo.InvariantCulture) ?? ""] = Convert.ToString(to, CultureInfo.InvariantCulture) ?? "";
        }

        return result;
    }

    private List<string> StringList(object? value, string path)
    {
        if (value is string single)
        {
            return [single];
        }

        if (value is List<object> list)
        {
            return list.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "").ToList();
        }

        Error(path, "must be a string or a list of strings");
        return [];
    }

    private string? Text(Dictionary<object, object> map, string key, string path)
    {
        if (!map.TryGetValue(key, out var value) || value is null)
        {
            return null;
        }

        if (value is string text)
        {
            return text;
        }

        Error(Join(path, key), "must be a single value");
        return null;
    }

    private bool Bool(Dictionary<object, object> map, string key, string path)
    {
        var text = Text(map, key, path);
        if (text is null)
        {
            return false;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        Error(Join(path, key), $"'{text}' is not true or false");
        return false;
    }

    private void CheckKeys(Dictionary<object, object> map, string[] allowed, string path)
    {
        foreach (var key in map.Keys.Select(k => Convert.ToString(k, CultureInfo.InvariantCulture) ?? ""))
        {
            if (!allowed.Contains(key, StringComparer.Ordinal))
            {
                Error(Join(path, key), $"is not a known key; use one of: {string.Join(", ", allowed)}");
            }
        }
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private void Error(string path, string message) =>
        _errors.Add(new ImportError(_name, 0, null, null, path.Length == 0 ? message : $"{path} {message}"));
}
