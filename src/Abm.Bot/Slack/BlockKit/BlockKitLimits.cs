namespace Abm.Bot.Slack.BlockKit;

/// <summary>
/// Block Kit limits from Slack's Block Kit reference (docs.slack.dev, block and element pages),
/// counted in UTF-16 code units, which is never fewer than Slack's character count.
/// </summary>
public static class BlockKitLimits
{
    public const int BlocksPerMessage = 50;
    public const int BlocksPerModal = 100;
    public const int BlockId = 255;
    public const int ActionId = 255;
    public const int SectionText = 3000;
    public const int SectionFields = 10;
    public const int SectionFieldText = 2000;
    public const int HeaderText = 150;
    public const int ContextElements = 10;
    public const int ActionsElements = 25;
    public const int ButtonText = 75;
    public const int ButtonValue = 2000;
    public const int InputLabel = 2000;
    public const int Placeholder = 150;
    public const int ModalTitle = 24;
    public const int ModalButton = 24;
    public const int PrivateMetadata = 3000;
    public const int CallbackId = 255;
    public const int SelectOptions = 100;
    public const int OptionText = 75;

    /// <summary>Slack's option-object page gives 150, but the <c>@slack/types</c> docs give 75, so Abm uses the lower bound.</summary>
    public const int OptionValue = 75;

    public const int PlainTextInputLength = 3000;

    /// <summary>Top-level message <c>text</c>; Slack truncates longer text (documented at 40,000 characters).</summary>
    public const int MessageText = 40_000;

    /// <summary>
    /// Abm's own cap on all text in one message's blocks. Slack has rejected messages with
    /// <c>msg_blocks_too_long</c> at about 13,200 characters of block text, below every
    /// documented per-field limit (reported in bolt-js issue 2509), so Abm stays well under that.
    /// </summary>
    public const int TotalBlockText = 11_000;
}
