using System.ComponentModel;
using System.Reflection;
using Abm.Bot.Alerts;
using Abm.Bot.Slack;
using Abm.Bot.Teams;
using Abm.Core.Alerts;
using Abm.Core.Ingestion;
using Abm.Core.Playbooks;
using Abm.Core.Scoring;
using Abm.Core.Storage;
using Abm.Core.TargetList;
using FuzzySharp;

namespace Abm.Bot.Hosting;

/// <summary>
/// Rejects configuration keys under <c>Abm:</c> that no options class binds, such as
/// <c>Abm:Storag:Provider</c>, which the binder would otherwise ignore. The check walks the
/// configuration alongside the bound options types: properties by name (case-insensitive, as the
/// binder matches them), dictionary entries under any key, list items under any index.
/// </summary>
public static class ConfigurationKeyCheck
{
    /// <summary>The root section every Abm setting lives under.</summary>
    public const string Root = "Abm";

    /// <summary>
    /// Every options section the host and the subcommands bind, with its options type. A section
    /// bound without an entry here is rejected at start, so add new options classes to this list.
    /// </summary>
    internal static readonly IReadOnlyList<(string Section, Type Options)> Sections =
    [
        (StorageOptions.SectionName, typeof(StorageOptions)),
        (ClockOptions.SectionName, typeof(ClockOptions)),
        (DemoOptions.SectionName, typeof(DemoOptions)),
        (ScoringOptions.SectionName, typeof(ScoringOptions)),
        (TargetListOptions.SectionName, typeof(TargetListOptions)),
        (PlaybookOptions.SectionName, typeof(PlaybookOptions)),
        (TeamsOptions.SectionName, typeof(TeamsOptions)),
        (SlackOptions.SectionName, typeof(SlackOptions)),
        (AlertRulesOptions.SectionName, typeof(AlertRulesOptions)),
        (AlertDispatchOptions.SectionName, typeof(AlertDispatchOptions)),
        (IngestionOptions.SectionName, typeof(IngestionOptions)),
    ];

    /// <summary>Checks every key under <c>Abm:</c>.</summary>
    /// <exception cref="InvalidConfigurationException">A key is unknown. The message names it and the closest valid key.</exception>
    public static void ThrowIfUnknownKeys(IConfiguration configuration)
    {
        var problems = FindUnknownKeys(configuration);
        if (problems.Count > 0)
        {
            throw new InvalidConfigurationException(string.Join(" ", problems));
        }
    }

    /// <summary>Returns one message per unknown key, naming it and the closest valid key or the valid keys of its section.</summary>
    public static IReadOnlyList<string> FindUnknownKeys(IConfiguration configuration)
    {
        var problems = new List<string>();
        var tree = BuildSectionTree();
        CheckSectionNode(configuration.GetSection(Root), tree, problems);
        return problems;
    }

    /// <summary>Nests the registered sections by path segment, such as Alerts → Rules and Dispatch.</summary>
    private static SectionNode BuildSectionTree()
    {
        var root = new SectionNode();
        foreach (var (section, options) in Sections)
        {
            var node = root;
            foreach (var segment in section.Split(':').Skip(1))
            {
                if (!node.Children.TryGetValue(segment, out var child))
                {
                    child = new SectionNode();
                    node.Children.Add(segment, child);
                }

                node = child;
            }

            node.Options = options;
        }

        return root;
    }

    private static void CheckSectionNode(IConfigurationSection section, SectionNode node, List<string> problems)
    {
        if (node.Options is not null)
        {
            CheckValue(section, node.Options, problems);
            return;
        }

        foreach (var child in section.GetChildren())
        {
            if (node.Children.TryGetValue(child.Key, out var childNode))
            {
                CheckSectionNode(child, childNode, problems);
            }
            else
            {
                problems.Add(DescribeUnknownKey(child, section.Path, node.Children.Keys));
            }
        }
    }

    /// <summary>Checks the children of <paramref name="section"/> against what <paramref name="type"/> binds.</summary>
    private static void CheckValue(IConfigurationSection section, Type type, List<string> problems)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (IsScalar(type))
        {
            foreach (var child in section.GetChildren())
            {
                problems.Add($"{child.Path} is not a known setting: {section.Path} takes a single value, not a section. Set {section.Path} itself, or remove {child.Path}.");
            }

            return;
        }

        if (ElementType(type) is { } elementType)
        {
            // Dictionary keys and list indexes are data, so only what each entry binds is checked,
            // except for enum keys, which the binder parses as the enum does (name or number, any case).
            var enumKey = EnumKeyType(type);
            foreach (var child in section.GetChildren())
            {
                if (enumKey is not null && !Enum.TryParse(enumKey, child.Key, ignoreCase: true, out _))
                {
                    problems.Add(DescribeUnknownKey(child, section.Path, Enum.GetNames(enumKey)));
                    continue;
                }

                CheckValue(child, elementType, problems);
            }

            return;
        }

        var properties = BindableProperties(type);
        foreach (var child in section.GetChildren())
        {
            if (properties.TryGetValue(child.Key, out var property))
            {
                CheckValue(child, property.PropertyType, problems);
            }
            else
            {
                problems.Add(DescribeUnknownKey(child, section.Path, properties.Values.Select(p => p.Name)));
            }
        }
    }

    /// <summary>
    /// The message for the unknown section or key <paramref name="unknown"/>. It names the first
    /// full key under it, as the user typed it, and the same key with the closest valid name, or
    /// the valid names of <paramref name="parentPath"/> when none is close.
    /// </summary>
    internal static string DescribeUnknownKey(IConfigurationSection unknown, string parentPath, IEnumerable<string> validNames)
    {
        var names = validNames.Order(StringComparer.Ordinal).ToList();
        var typedKey = unknown.AsEnumerable().Where(pair => pair.Value is not null).Select(pair => pair.Key).Order(StringComparer.OrdinalIgnoreCase).FirstOrDefault() ?? unknown.Path;
        var closest = ClosestName(unknown.Key, names);
        var hint = closest is not null
            ? $"Did you mean {parentPath}:{closest}{typedKey[unknown.Path.Length..]}?"
            : $"Valid keys under {parentPath}: {string.Join(", ", names)}.";
        return $"{typedKey} is not a known setting, so it would be ignored. {hint} (Environment variables spell ':' as '__'.)";
    }

    /// <summary>Returns the valid name most like <paramref name="key"/> (case-insensitive edit similarity of 70 % or more), or null.</summary>
    internal static string? ClosestName(string key, IEnumerable<string> names)
    {
        const int MinimumSimilarity = 70;
        var normalizedKey = key.ToUpperInvariant();
        return names
            .Select(name => (Name: name, Similarity: Fuzz.Ratio(normalizedKey, name.ToUpperInvariant())))
            .Where(match => match.Similarity >= MinimumSimilarity)
            .OrderByDescending(match => match.Similarity)
            .Select(match => match.Name)
            .FirstOrDefault();
    }

    /// <summary>
    /// Properties the configuration binder sets: public ones with a public setter, and read-only
    /// ones of a collection or class type, which it fills in place.
    /// </summary>
    private static Dictionary<string, PropertyInfo> BindableProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true })
            .Where(p => p.SetMethod is { IsPublic: true } || !IsScalar(Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType))
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>True for a type bound from one string: primitives, enums, strings, durations, URIs and anything with a string converter.</summary>
    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(DateOnly) || type == typeof(TimeOnly)
        || type == typeof(Guid) || type == typeof(Uri)
        || TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string));

    /// <summary>The value type of a dictionary, or the element type of an array or list; null for other types.</summary>
    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        var interfaces = type.IsInterface ? type.GetInterfaces().Append(type) : type.GetInterfaces();
        var generics = interfaces.Where(i => i.IsGenericType).ToList();
        var dictionary = generics.FirstOrDefault(i => i.GetGenericTypeDefinition() == typeof(IDictionary<,>) || i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>));
        if (dictionary is not null)
        {
            return dictionary.GetGenericArguments()[1];
        }

        return generics.FirstOrDefault(i => i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
    }

    /// <summary>The key type of a dictionary keyed by an enum, or null for other types.</summary>
    private static Type? EnumKeyType(Type type)
    {
        var interfaces = type.IsInterface ? type.GetInterfaces().Append(type) : type.GetInterfaces();
        var keyType = interfaces
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>))?
            .GetGenericArguments()[0];
        return keyType is { IsEnum: true } ? keyType : null;
    }

    private sealed class SectionNode
    {
        public Dictionary<string, SectionNode> Children { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Type? Options { get; set; }
    }
}
