using System.Globalization;
using System.Text.Json;
using Abm.Core.Answers;

namespace Abm.Bot.Slack.BlockKit;

/// <summary>
/// Collects blocks for one message and keeps them inside Block Kit's limits whatever the data:
/// block count, section and field lengths, header length, button count and text, unique
/// <c>action_id</c>s and a cap on all block text together. Text passed to the mrkdwn methods
/// must already be escaped; <see cref="SlackText"/> does that for data.
/// </summary>
internal sealed class MessageComposer
{
    /// <summary>Prefix of every action id Abm creates; interactivity ignores actions without it.</summary>
    public const string ActionIdPrefix = "abm.";

    // Room kept for the actions block and an "and N more" note after the content.
    private const int ReservedBlocks = 2;

    private readonly List<Block> _blocks = [];
    private readonly List<int> _lengths = [];
    private readonly List<ButtonElement> _buttons = [];
    private readonly HashSet<string> _buttonKeys = new(StringComparer.Ordinal);
    private int _textLength;

    /// <summary>Buttons left out because they did not fit (more than 25, or a value over 2,000 characters).</summary>
    public int DroppedButtons { get; private set; }

    public void Header(string plainText)
    {
        var text = SlackText.Shorten(Normalize(plainText), BlockKitLimits.HeaderText);
        if (text.Length > 0 && HasRoomFor(text.Length))
        {
            Add(new HeaderBlock(new PlainText(text)), text.Length);
        }
    }

    /// <summary>Adds a header of the form <c>prefix + name + suffix</c>, shortening only the name.</summary>
    public void Header(string prefix, string name, string suffix)
    {
        var room = BlockKitLimits.HeaderText - prefix.Length - suffix.Length;
        var shortName = room > SlackText.Ellipsis.Length ? SlackText.Shorten(Normalize(name), room) : SlackText.Ellipsis;
        Header(prefix + shortName + suffix);
    }

    public void Section(string mrkdwn)
    {
        var room = Math.Min(BlockKitLimits.SectionText, RemainingText());
        if (room < 2)
        {
            return;
        }

        var text = SlackText.Shorten(mrkdwn, room);
        if (!string.IsNullOrWhiteSpace(text) && HasRoomFor(text.Length))
        {
            Add(new SectionBlock(new MrkdwnText(text)), text.Length);
        }
    }

    /// <summary>Adds a section of up to 10 short mrkdwn fields; empty fields are skipped.</summary>
    public void Fields(IEnumerable<string> mrkdwnFields)
    {
        var fields = new List<MrkdwnText>();
        var length = 0;
        foreach (var field in mrkdwnFields)
        {
            if (fields.Count == BlockKitLimits.SectionFields)
            {
                break;
            }

            var text = SlackText.Shorten(field, BlockKitLimits.SectionFieldText);
            if (string.IsNullOrWhiteSpace(text) || length + text.Length > RemainingText())
            {
                continue;
            }

            fields.Add(new MrkdwnText(text));
            length += text.Length;
        }

        if (fields.Count > 0 && HasRoomFor(length))
        {
            Add(new SectionBlock(null, fields), length);
        }
    }

    /// <summary>
    /// Adds mrkdwn lines under an optional bold title, packed into as few sections as fit. Lines
    /// that do not fit are counted in a closing "and N more" note.
    /// </summary>
    public void Lines(string? title, IReadOnlyList<string> lines, string emptyText)
    {
        var pending = new List<string>();
        var pendingLength = 0;
        if (title is not null)
        {
            pending.Add($"*{title}*");
            pendingLength = title.Length + 2;
        }

        if (lines.Count == 0)
        {
            pending.Add(emptyText);
            Section(string.Join('\n', pending));
            return;
        }

        var shown = 0;
        var pendingLines = 0;
        foreach (var rawLine in lines)
        {
            var line = SlackText.Shorten(rawLine, BlockKitLimits.SectionText);
            var added = line.Length + (pending.Count > 0 ? 1 : 0);
            if (pendingLength + added > BlockKitLimits.SectionText)
            {
                if (!TryFlush(pending, pendingLength))
                {
                    break;
                }

                shown += pendingLines;
                pending.Clear();
                pendingLength = 0;
                pendingLines = 0;
                added = line.Length;
            }

            if (pendingLength + added > RemainingText())
            {
                break;
            }

            pending.Add(line);
            pendingLength += added;
            pendingLines++;
        }

        if (TryFlush(pending, pendingLength))
        {
            shown += pendingLines;
        }

        if (shown < lines.Count)
        {
            Context(string.Create(CultureInfo.InvariantCulture, $"…and {lines.Count - shown} more not shown."), force: true);
        }
    }

    public void Context(string mrkdwn, bool force = false)
    {
        // A forced note may use the margin kept below the text cap.
        var room = force ? 200 : Math.Min(BlockKitLimits.SectionText, RemainingText());
        if (room < 2)
        {
            return;
        }

        var text = SlackText.Shorten(mrkdwn, room);
        if (string.IsNullOrWhiteSpace(text) || (!force && !HasRoomFor(text.Length)))
        {
            return;
        }

        if (_blocks.Count < BlockKitLimits.BlocksPerMessage - 1)
        {
            Add(new ContextBlock([new MrkdwnText(text)]), text.Length);
        }
    }

    public void Divider()
    {
        if (HasRoomFor(0))
        {
            Add(new DividerBlock(), 0);
        }
    }

    /// <summary>Adds a button that runs <paramref name="action"/>; the same verb and data twice is added once.</summary>
    public void Button(ReplyAction action)
    {
        var value = JsonSerializer.Serialize(
            new SlackButtonValue(action.Verb, new Dictionary<string, string>(action.Data, StringComparer.Ordinal)),
            SlackJsonContext.Default.SlackButtonValue);
        if (!_buttonKeys.Add(value))
        {
            return;
        }

        if (_buttons.Count == BlockKitLimits.ActionsElements || value.Length > BlockKitLimits.ButtonValue)
        {
            DroppedButtons++;
            return;
        }

        var actionId = SlackText.Shorten(
            string.Create(CultureInfo.InvariantCulture, $"{ActionIdPrefix}{_buttons.Count}.{action.Verb}"),
            BlockKitLimits.ActionId);
        var title = SlackText.Shorten(Normalize(action.Title), BlockKitLimits.ButtonText);
        _buttons.Add(new ButtonElement(actionId, new PlainText(title.Length > 0 ? title : action.Verb), value));
    }

    /// <summary>Returns the finished message with its buttons last and <paramref name="fallbackText"/> as the notification text.</summary>
    public SlackMessage Build(string fallbackText)
    {
        var blocks = new List<Block>(_blocks);
        if (_buttons.Count > 0)
        {
            // Buttons matter more than the last lines of content: drop content until they fit.
            var buttonText = _buttons.Sum(b => b.Text.Text.Length);
            var textLength = _textLength;
            while (blocks.Count > 0 && (blocks.Count >= BlockKitLimits.BlocksPerMessage || textLength + buttonText > BlockKitLimits.TotalBlockText))
            {
                textLength -= _lengths[blocks.Count - 1];
                blocks.RemoveAt(blocks.Count - 1);
            }

            blocks.Add(new ActionsBlock(_buttons) { BlockId = "abm.actions" });
        }

        var text = SlackText.Shorten(fallbackText, BlockKitLimits.SectionText);
        return new SlackMessage(string.IsNullOrWhiteSpace(text) ? "Abm" : text, blocks);
    }

    private bool TryFlush(List<string> lines, int length)
    {
        if (lines.Count == 0 || !HasRoomFor(length))
        {
            return false;
        }

        var text = string.Join('\n', lines);
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        Add(new SectionBlock(new MrkdwnText(text)), text.Length);
        return true;
    }

    private bool HasRoomFor(int textLength) =>
        _blocks.Count < BlockKitLimits.BlocksPerMessage - ReservedBlocks && _textLength + textLength <= BlockKitLimits.TotalBlockText - 100;

    private int RemainingText() => Math.Max(0, BlockKitLimits.TotalBlockText - 100 - _textLength);

    private void Add(Block block, int textLength)
    {
        _blocks.Add(block);
        _lengths.Add(textLength);
        _textLength += textLength;
    }

    // Header and button text are plain_text on one line; line breaks in data would be dropped or look broken.
    private static string Normalize(string? text) =>
        string.IsNullOrWhiteSpace(text) ? string.Empty : text.ReplaceLineEndings(" ").Trim();
}

/// <summary>What a button's <c>value</c> carries: the core verb and its data, as JSON.</summary>
public sealed record SlackButtonValue(string Verb, Dictionary<string, string> Data);
