using Abm.Core.Demo;

namespace Abm.Bot.Slack.BlockKit;

/// <summary>The "Ask Abm" modal that <c>/abm</c> without text opens, and how its submission is read.</summary>
public static class AskModal
{
    public const string CallbackId = "abm.ask";
    public const string QuestionBlockId = "question";
    public const string QuestionActionId = "question_input";

    /// <summary>Longest question accepted; Slack's plain-text input allows up to 3,000 characters.</summary>
    public const int MaxQuestionLength = 500;

    public static ModalView Build() => new(
        new PlainText("Ask Abm"),
        [
            new InputBlock(
                new PlainText("Your question"),
                new PlainTextInputElement(
                    QuestionActionId,
                    new PlainText("tell me about " + DemoDataGenerator.HotAccountName),
                    Multiline: false,
                    MaxLength: MaxQuestionLength),
                new PlainText("Abm sends the answer to you in a direct message."))
            {
                BlockId = QuestionBlockId,
            },
        ],
        CallbackId,
        Submit: new PlainText("Ask"),
        Close: new PlainText("Cancel"));
}

/// <summary>The <c>view_submission</c> response that shows errors next to the named input blocks.</summary>
public sealed record ViewSubmissionErrors(Dictionary<string, string> Errors)
{
    public string ResponseAction => "errors";
}
