using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Abm.Core.Playbooks;

/// <summary>
/// Reads playbook templates from YAML files and validates them on load. Each problem names the
/// file, the line (from YamlDotNet's marks) and what to fix.
/// </summary>
/// <remarks>
/// A file holds <c>id</c>, <c>name</c>, <c>description</c> and <c>steps</c>; each step holds
/// <c>key</c>, <c>title</c>, <c>guidance</c>, <c>owner</c> (marketing, sales-development, sales,
/// customer-success, executive), <c>due</c> (such as <c>3d</c> or <c>12h</c> after the start) and
/// optionally <c>completed-by</c> (an engagement event type).
/// </remarks>
public static partial class PlaybookTemplateLoader
{
    private static readonly Dictionary<string, StepFunction> Functions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["marketing"] = StepFunction.Marketing,
        ["sales-development"] = StepFunction.SalesDevelopment,
        ["sales"] = StepFunction.Sales,
        ["customer-success"] = StepFunction.CustomerSuccess,
        ["executive"] = StepFunction.Executive,
    };

    private static readonly HashSet<string> TemplateKeys = new(StringComparer.Ordinal) { "id", "name", "description", "steps" };

    private static readonly HashSet<string> StepKeys = new(StringComparer.Ordinal) { "key", "title", "guidance", "owner", "due", "completed-by" };

    /// <summary>Loads every <c>*.yml</c> file in a directory, sorted by file name.</summary>
    /// <exception cref="PlaybookTemplateException">A file is invalid, or two files share an id.</exception>
    public static IReadOnlyList<PlaybookTemplate> LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The playbook directory \"{directory}\" does not exist; set Abm:Playbooks:Directory to the folder with the *.yml templates.");
        }

        var templates = new List<PlaybookTemplate>();
        foreach (var file in Directory.GetFiles(directory, "*.yml").Order(StringComparer.Ordinal))
        {
            var template = Parse(File.ReadAllText(file), Path.GetFileName(file));
            if (templates.FirstOrDefault(t => t.Id == template.Id) is { } other)
            {
                throw new PlaybookTemplateException(template.Source, 1, $"the id \"{template.Id}\" is already used by {other.Source}; give each playbook its own id");
            }

            templates.Add(template);
        }

        return templates;
    }

    /// <summary>Parses one template file's text; <paramref name="file"/> names it in errors.</summary>
    /// <exception cref="PlaybookTemplateException">The text is not valid YAML or not a valid template.</exception>
    public static PlaybookTemplate Parse(string yaml, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException exception)
        {
            throw new PlaybookTemplateException(file, exception.Start.Line, $"not valid YAML: {exception.Message}");
        }
        catch (InvalidOperationException exception)
        {
            // YamlDotNet reports some unclosed structures without a mark.
            throw new PlaybookTemplateException(file, 1, $"not valid YAML: {exception.Message}");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new PlaybookTemplateException(file, 1, "expected a mapping with id, name, description and steps");
        }

        CheckKeys(root, TemplateKeys, file, "template");
        var id = Required(root, "id", file);
        if (!IdPattern().IsMatch(id))
        {
            throw new PlaybookTemplateException(file, Line(root, "id"), $"the id \"{id}\" must be lower-case words joined by hyphens, such as executive-outreach");
        }

        var name = Required(root, "name", file);
        var description = Optional(root, "description", file) ?? string.Empty;
        if (!root.Children.TryGetValue(new YamlScalarNode("steps"), out var stepsNode) || stepsNode is not YamlSequenceNode steps || steps.Children.Count == 0)
        {
            throw new PlaybookTemplateException(file, Line(root, "steps"), "steps must be a non-empty list");
        }

        var parsed = new List<PlaybookStepTemplate>();
        foreach (var node in steps.Children)
        {
            if (node is not YamlMappingNode step)
            {
                throw new PlaybookTemplateException(file, node.Start.Line, "each step must be a mapping with key, title, guidance, owner and due");
            }

            var parsedStep = ParseStep(step, file);
            if (parsed.Any(s => s.Key == parsedStep.Key))
            {
                throw new PlaybookTemplateException(file, Line(step, "key"), $"the step key \"{parsedStep.Key}\" appears twice; step keys must be unique");
            }

            parsed.Add(parsedStep);
        }

        return new PlaybookTemplate(id, name, description, parsed, file);
    }

    private static PlaybookStepTemplate ParseStep(YamlMappingNode step, string file)
    {
        CheckKeys(step, StepKeys, file, "step");
        var key = Required(step, "key", file);
        var title = Required(step, "title", file);
        var guidance = Required(step, "guidance", file);
        var owner = Required(step, "owner", file);
        if (!Functions.TryGetValue(owner, out var function))
        {
            throw new PlaybookTemplateException(file, Line(step, "owner"), $"the owner \"{owner}\" is not a business function; use one of {string.Join(", ", Functions.Keys)}");
        }

        var due = Required(step, "due", file);
        if (ParseOffset(due) is not { } offset)
        {
            throw new PlaybookTemplateException(file, Line(step, "due"), $"the due offset \"{due}\" is not a duration; write days or hours after the start, such as 3d or 12h");
        }

        var completedBy = Optional(step, "completed-by", file);
        if (completedBy is not null && !IdPattern().IsMatch(completedBy.Replace('_', '-')))
        {
            throw new PlaybookTemplateException(file, Line(step, "completed-by"), $"\"{completedBy}\" is not an event type; write a type key such as meeting or workshop_attended");
        }

        return new PlaybookStepTemplate(key, title, guidance, function, offset, completedBy);
    }

    private static TimeSpan? ParseOffset(string text)
    {
        var match = OffsetPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var amount = int.Parse(match.Groups["amount"].Value, CultureInfo.InvariantCulture);
        return match.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "d" => TimeSpan.FromDays(amount),
            "w" => TimeSpan.FromDays(amount * 7),
            _ => TimeSpan.FromHours(amount),
        };
    }

    private static void CheckKeys(YamlMappingNode node, HashSet<string> allowed, string file, string what)
    {
        foreach (var (key, _) in node.Children)
        {
            if (key is not YamlScalarNode { Value: { } name } || !allowed.Contains(name))
            {
                throw new PlaybookTemplateException(file, key.Start.Line, $"unknown {what} field \"{(key as YamlScalarNode)?.Value}\"; allowed: {string.Join(", ", allowed)}");
            }
        }
    }

    private static string Required(YamlMappingNode node, string key, string file) =>
        Optional(node, key, file) is { Length: > 0 } value
            ? value
            : throw new PlaybookTemplateException(file, Line(node, key), $"\"{key}\" is missing or empty");

    private static string? Optional(YamlMappingNode node, string key, string file)
    {
        if (!node.Children.TryGetValue(new YamlScalarNode(key), out var value))
        {
            return null;
        }

        return value is YamlScalarNode scalar
            ? scalar.Value?.Trim()
            : throw new PlaybookTemplateException(file, value.Start.Line, $"\"{key}\" must be text, not a list or mapping");
    }

    /// <summary>The line of a key's value, or of the mapping when the key is missing.</summary>
    private static long Line(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value.Start.Line : node.Start.Line;

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^(?<amount>\d{1,4})\s*(?<unit>[dhw])$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex OffsetPattern();
}
