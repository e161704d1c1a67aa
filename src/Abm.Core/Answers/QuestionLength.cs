using System.Globalization;

namespace Abm.Core.Answers;

/// <summary>
/// Maximum length of a question that a chat channel passes to <see cref="IAssistant.AskAsync"/>.
/// The longest command, a target-list proposal with a 500-character reason, fits with room to
/// spare, so a longer text is a paste rather than a question and gets a reply without being parsed.
/// </summary>
public static class QuestionLength
{
    /// <summary>Maximum question length, in UTF-16 characters.</summary>
    public const int Max = 1000;

    /// <summary>Returns the reply for a question over <see cref="Max"/> characters, or null when it fits.</summary>
    public static TextReply? CheckLength(string question) =>
        question.Length <= Max
            ? null
            : new TextReply(string.Create(
                CultureInfo.InvariantCulture,
                $"Sorry, that message is {question.Length:N0} characters long and Abm reads questions of up to {Max:N0} characters. Ask again in fewer words, such as \"tell me about Contoso\", or type \"help\" to see what Abm answers."));
}
