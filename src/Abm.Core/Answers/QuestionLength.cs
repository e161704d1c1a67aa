using System.Globalization;
using Abm.Core.Demo;

namespace Abm.Core.Answers;

/// <summary>
/// Maximum length of a question that a chat channel passes to <see cref="IAssistant.AskAsync"/>.
/// The longest command, a target-list proposal with a 500-character reason, fits with room to
/// spare, so a longer text is a paste rather than a question and gets a reply without being parsed.
/// Lengths count text elements (grapheme clusters, as <see cref="StringInfo"/> splits them), so an
/// emoji or an accented letter typed as two code points counts as one character, as the user sees it.
/// </summary>
public static class QuestionLength
{
    /// <summary>Maximum question length, in text elements.</summary>
    public const int Max = 1000;

    /// <summary>Maximum length, in text elements, of the part of a question that a reply quotes back.</summary>
    public const int MaxQuoted = 60;

    /// <summary>Returns the reply for a question over <see cref="Max"/> text elements, or null when it fits.</summary>
    public static TextReply? CheckLength(string question)
    {
        ArgumentNullException.ThrowIfNull(question);

        // A string never has more text elements than UTF-16 units, so most questions skip the count.
        if (question.Length <= Max)
        {
            return null;
        }

        var length = new StringInfo(question).LengthInTextElements;
        if (length <= Max)
        {
            return null;
        }

        return new TextReply(string.Create(
            CultureInfo.InvariantCulture,
            $"Sorry, that message is {length:N0} characters long and Abm reads questions of up to {Max:N0} characters. Ask again in fewer words, such as \"tell me about {DemoDataGenerator.HotAccountName}\", or type \"help\" to see what Abm answers."));
    }

    /// <summary>
    /// Returns the question itself when it has at most <see cref="MaxQuoted"/> text elements, or else
    /// its first text elements followed by an ellipsis, for replies that quote what the user typed.
    /// </summary>
    public static string Excerpt(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var text = new StringInfo(question);
        if (text.LengthInTextElements <= MaxQuoted)
        {
            return question;
        }

        return text.SubstringByTextElements(0, MaxQuoted - 1).TrimEnd() + "…";
    }
}
