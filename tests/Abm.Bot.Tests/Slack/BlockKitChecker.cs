using System.Text.Json;
using Abm.Bot.Slack.BlockKit;

namespace Abm.Bot.Tests.Slack;

/// <summary>
/// Checks a message or view against Block Kit's documented limits, independently of the
/// renderer: the fake Slack API rejects what fails here with <c>invalid_blocks</c>, and the
/// property tests assert it finds nothing.
/// </summary>
internal static class BlockKitChecker
{
    // Slack has rejected messages at about 13,200 characters of block text; Abm's own cap is lower.
    private const int ObservedTotalTextFailure = 13_000;

    public static List<string> CheckMessage(JsonElement message)
    {
        var problems = new List<string>();
        if (!message.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(text.GetString()))
        {
            problems.Add("top-level text missing");
        }
        else
        {
            CheckMrkdwn(text.GetString()!, "text", problems);
        }

        if (message.TryGetProperty("blocks", out var blocks))
        {
            CheckBlocks(blocks, BlockKitLimits.BlocksPerMessage, problems);
        }

        return problems;
    }

    public static List<string> CheckView(JsonElement view)
    {
        var problems = new List<string>();
        CheckPlain(view, "title", BlockKitLimits.ModalTitle, problems, required: true);
        CheckPlain(view, "submit", BlockKitLimits.ModalButton, problems, required: false);
        CheckPlain(view, "close", BlockKitLimits.ModalButton, problems, required: false);
        CheckLength(view, "callback_id", BlockKitLimits.CallbackId, problems);
        CheckLength(view, "private_metadata", BlockKitLimits.PrivateMetadata, problems);
        if (view.TryGetProperty("blocks", out var blocks))
        {
            CheckBlocks(blocks, BlockKitLimits.BlocksPerModal, problems);
        }
        else
        {
            problems.Add("view without blocks");
        }

        return problems;
    }

    private static void CheckBlocks(JsonElement blocks, int maxBlocks, List<string> problems)
    {
        if (blocks.GetArrayLength() > maxBlocks)
        {
            problems.Add($"{blocks.GetArrayLength()} blocks, more than {maxBlocks}");
        }

        var actionIds = new HashSet<string>(StringComparer.Ordinal);
        var total = 0;
        var index = 0;
        foreach (var block in blocks.EnumerateArray())
        {
            var at = $"blocks[{index++}]";
            CheckLength(block, "block_id", BlockKitLimits.BlockId, problems);
            var type = block.GetProperty("type").GetString();
            switch (type)
            {
                case "header":
                    total += CheckPlain(block, "text", BlockKitLimits.HeaderText, problems, required: true);
                    break;
                case "section":
                    var hasText = block.TryGetProperty("text", out var sectionText);
                    var hasFields = block.TryGetProperty("fields", out var fields);
                    if (!hasText && !hasFields)
                    {
                        problems.Add($"{at}: section without text or fields");
                    }

                    if (hasText)
                    {
                        total += CheckTextObject(sectionText, BlockKitLimits.SectionText, $"{at}.text", problems);
                    }

                    if (hasFields)
                    {
                        if (fields.GetArrayLength() > BlockKitLimits.SectionFields)
                        {
                            problems.Add($"{at}: {fields.GetArrayLength()} fields");
                        }

                        foreach (var field in fields.EnumerateArray())
                        {
                            total += CheckTextObject(field, BlockKitLimits.SectionFieldText, $"{at}.fields", problems);
                        }
                    }

                    break;
                case "context":
                    var elements = block.GetProperty("elements");
                    if (elements.GetArrayLength() is 0 or > BlockKitLimits.ContextElements)
                    {
                        problems.Add($"{at}: {elements.GetArrayLength()} context elements");
                    }

                    foreach (var element in elements.EnumerateArray())
                    {
                        total += CheckTextObject(element, BlockKitLimits.SectionText, $"{at}.elements", problems);
                    }

                    break;
                case "actions":
                    var buttons = block.GetProperty("elements");
                    if (buttons.GetArrayLength() is 0 or > BlockKitLimits.ActionsElements)
                    {
                        problems.Add($"{at}: {buttons.GetArrayLength()} action elements");
                    }

                    foreach (var button in buttons.EnumerateArray())
                    {
                        total += CheckPlain(button, "text", BlockKitLimits.ButtonText, problems, required: true);
                        CheckLength(button, "value", BlockKitLimits.ButtonValue, problems);
                        CheckActionId(button, actionIds, problems);
                    }

                    break;
                case "input":
                    CheckPlain(block, "label", BlockKitLimits.InputLabel, problems, required: true);
                    CheckPlain(block, "hint", BlockKitLimits.InputLabel, problems, required: false);
                    CheckActionId(block.GetProperty("element"), actionIds, problems);
                    CheckInputElement(block.GetProperty("element"), $"{at}.element", problems);
                    break;
                case "divider":
                    break;
                default:
                    problems.Add($"{at}: unknown block type {type}");
                    break;
            }
        }

        if (total > ObservedTotalTextFailure)
        {
            problems.Add($"{total} characters of block text");
        }
    }

    /// <summary>Checks a select's options (count, text, value, initial option) and a text input's <c>max_length</c>.</summary>
    private static void CheckInputElement(JsonElement element, string at, List<string> problems)
    {
        switch (element.GetProperty("type").GetString())
        {
            case "static_select":
                var options = element.GetProperty("options");
                if (options.GetArrayLength() is 0 or > BlockKitLimits.SelectOptions)
                {
                    problems.Add($"{at}: {options.GetArrayLength()} options");
                }

                var values = new HashSet<string>(StringComparer.Ordinal);
                foreach (var option in options.EnumerateArray())
                {
                    CheckPlain(option, "text", BlockKitLimits.OptionText, problems, required: true);
                    var value = option.GetProperty("value").GetString() ?? string.Empty;
                    CheckString(value, BlockKitLimits.OptionValue, $"{at}.options.value", problems);
                    values.Add(value);
                }

                if (element.TryGetProperty("initial_option", out var initial) && !values.Contains(initial.GetProperty("value").GetString() ?? string.Empty))
                {
                    problems.Add($"{at}: initial_option is not one of the options");
                }

                break;
            case "external_select":
                if (element.TryGetProperty("min_query_length", out var minQueryLength) && minQueryLength.GetInt32() < 0)
                {
                    problems.Add($"{at}: min_query_length {minQueryLength.GetInt32()}");
                }

                break;
            case "plain_text_input":
                if (element.TryGetProperty("max_length", out var maxLength) && maxLength.GetInt32() is < 1 or > BlockKitLimits.PlainTextInputLength)
                {
                    problems.Add($"{at}: max_length {maxLength.GetInt32()}");
                }

                break;
            default:
                problems.Add($"{at}: unknown input element type {element.GetProperty("type").GetString()}");
                break;
        }
    }

    private static void CheckActionId(JsonElement element, HashSet<string> actionIds, List<string> problems)
    {
        var actionId = element.GetProperty("action_id").GetString() ?? string.Empty;
        if (actionId.Length is 0 or > BlockKitLimits.ActionId)
        {
            problems.Add($"action_id of length {actionId.Length}");
        }

        if (!actionIds.Add(actionId))
        {
            problems.Add($"duplicate action_id {actionId}");
        }
    }

    private static int CheckTextObject(JsonElement textObject, int max, string at, List<string> problems)
    {
        var type = textObject.GetProperty("type").GetString();
        var text = textObject.GetProperty("text").GetString() ?? string.Empty;
        CheckString(text, max, at, problems);
        if (type == "mrkdwn")
        {
            CheckMrkdwn(text, at, problems);
        }
        else if (type != "plain_text")
        {
            problems.Add($"{at}: text object type {type}");
        }

        return text.Length;
    }

    private static int CheckPlain(JsonElement parent, string name, int max, List<string> problems, bool required)
    {
        if (!parent.TryGetProperty(name, out var textObject))
        {
            if (required)
            {
                problems.Add($"{name} missing");
            }

            return 0;
        }

        if (textObject.GetProperty("type").GetString() != "plain_text")
        {
            problems.Add($"{name} is not plain_text");
        }

        var text = textObject.GetProperty("text").GetString() ?? string.Empty;
        CheckString(text, max, name, problems);
        return text.Length;
    }

    private static void CheckLength(JsonElement parent, string name, int max, List<string> problems)
    {
        if (parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
        {
            CheckString(value.GetString()!, max, name, problems);
        }
    }

    private static void CheckString(string text, int max, string at, List<string> problems)
    {
        if (text.Length == 0 || text.Length > max)
        {
            problems.Add($"{at}: length {text.Length}, limit 1–{max}");
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && (i + 1 == text.Length || !char.IsLowSurrogate(text[i + 1])))
            {
                problems.Add($"{at}: lone high surrogate at {i}");
            }
            else if (char.IsLowSurrogate(text[i]) && (i == 0 || !char.IsHighSurrogate(text[i - 1])))
            {
                problems.Add($"{at}: lone low surrogate at {i}");
            }
        }
    }

    /// <summary>Abm never sends links or mentions, so mrkdwn has no raw angle brackets and every &amp; starts an entity.</summary>
    private static void CheckMrkdwn(string text, string at, List<string> problems)
    {
        if (text.Contains('<', StringComparison.Ordinal) || text.Contains('>', StringComparison.Ordinal))
        {
            problems.Add($"{at}: unescaped angle bracket");
        }

        for (var i = text.IndexOf('&', StringComparison.Ordinal); i >= 0; i = text.IndexOf('&', i + 1))
        {
            var rest = text.AsSpan(i);
            if (!rest.StartsWith("&amp;", StringComparison.Ordinal) && !rest.StartsWith("&lt;", StringComparison.Ordinal) &&
                !rest.StartsWith("&gt;", StringComparison.Ordinal))
            {
                problems.Add($"{at}: unescaped ampersand at {i}");
            }
        }
    }
}
