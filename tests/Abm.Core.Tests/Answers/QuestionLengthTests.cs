using Abm.Core.Answers;
using Abm.Core.Demo;

namespace Abm.Core.Tests.Answers;

public sealed class QuestionLengthTests
{
    [Fact]
    public void Emoji_CountOnceEach()
    {
        // 600 emoji are 1,200 UTF-16 units but 600 characters on screen.
        var question = string.Concat(Enumerable.Repeat("🔥", 600));

        Assert.Null(QuestionLength.CheckLength(question));
    }

    [Fact]
    public void CombiningMarks_CountWithTheirLetter()
    {
        // "e" followed by U+0301 COMBINING ACUTE ACCENT is one text element.
        var question = string.Concat(Enumerable.Repeat("e\u0301", QuestionLength.Max));

        Assert.Null(QuestionLength.CheckLength(question));
    }

    [Fact]
    public void TooManyEmoji_ReportsTextElements()
    {
        var question = string.Concat(Enumerable.Repeat("🔥", 1001));

        var reply = QuestionLength.CheckLength(question);

        Assert.NotNull(reply);
        Assert.StartsWith("Sorry, that message is 1,001 characters long", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TooLong_SuggestsDemoAccount()
    {
        var reply = QuestionLength.CheckLength(new string('a', QuestionLength.Max + 1));

        Assert.NotNull(reply);
        Assert.Contains($"\"tell me about {DemoDataGenerator.HotAccountName}\"", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AtMax_Fits()
    {
        Assert.Null(QuestionLength.CheckLength(new string('a', QuestionLength.Max)));
    }

    [Fact]
    public void Excerpt_ShortTextUnchanged()
    {
        Assert.Equal("qqqq zzzz", QuestionLength.Excerpt("qqqq zzzz"));
    }

    [Fact]
    public void Excerpt_LongTextCutWithEllipsis()
    {
        var excerpt = QuestionLength.Excerpt(new string('q', 1000));

        Assert.Equal(new string('q', QuestionLength.MaxQuoted - 1) + "…", excerpt);
    }

    [Fact]
    public void Excerpt_KeepsEmojiWhole()
    {
        var excerpt = QuestionLength.Excerpt(string.Concat(Enumerable.Repeat("🔥", 100)));

        Assert.Equal(string.Concat(Enumerable.Repeat("🔥", QuestionLength.MaxQuoted - 1)) + "…", excerpt);
    }
}
