using Abm.Bot.Cards;
using CsCheck;

namespace Abm.Bot.Tests.Cards;

public class CardTextTests
{
    [Theory]
    [InlineData("**Acme**", @"\*\*Acme\*\*")]
    [InlineData("_Corp_", @"\_Corp\_")]
    [InlineData("[x](https://e.test)", @"\[x\](https://e.test)")]
    [InlineData("<at>Boss</at>", @"\<at\>Boss\</at\>")]
    [InlineData("Fish & Chips", @"Fish \& Chips")]
    [InlineData(@"back\slash", @"back\\slash")]
    [InlineData("{{DATE(2017-02-14T06:08:39Z, SHORT)}}", @"\{\{DATE(2017-02-14T06:08:39Z, SHORT)}}")]
    [InlineData("a { b } c", "a { b } c")]
    [InlineData("- item", @"\- item")]
    [InlineData("# heading", @"\# heading")]
    [InlineData("1. first", @"1\. first")]
    [InlineData("12) twelfth", @"12\) twelfth")]
    [InlineData("-5% churn", "-5% churn")]
    [InlineData("3.5 GHz Systems", "3.5 GHz Systems")]
    [InlineData("Hyphen-ated Co.", "Hyphen-ated Co.")]
    [InlineData("🚀 Café 株式会社", "🚀 Café 株式会社")]
    public void Escape_NeutralisesMarkdown(string input, string expected)
    {
        Assert.Equal(expected, CardText.Escape(input));
    }

    [Theory]
    [InlineData("line one\nline two", "line one line two")]
    [InlineData("tab\there", "tab here")]
    [InlineData("a\u2028b", "a b")]
    [InlineData("Normal \u202Eevil\u202C name", "Normal evil name")]
    [InlineData("  padded  ", "padded")]
    [InlineData(null, "")]
    public void Clean_PutsTextOnOneLine(string? input, string expected)
    {
        Assert.Equal(expected, CardText.Clean(input));
    }

    [Fact]
    public void Clean_CutsLongTextWithEllipsis()
    {
        var cleaned = CardText.Clean(new string('a', 500), maxLength: 10);

        Assert.Equal("aaaaaaaaa…", cleaned);
    }

    [Fact]
    public void Clean_NeverSplitsEmoji()
    {
        // Each family emoji is one user-perceived character made of several chars.
        var family = "👩‍👩‍👧";

        var cleaned = CardText.Clean(string.Concat(Enumerable.Repeat(family, 5)), maxLength: 3);

        Assert.Equal(family + family + "…", cleaned);
    }

    [Fact]
    public void Escape_UnescapesToCleanText()
    {
        // A CommonMark host removes a backslash before ASCII punctuation, so what it shows must
        // equal the cleaned input.
        Gen.Char[' ', '~'].Array[0, 80].Select(chars => new string(chars)).Sample(text =>
        {
            var shown = Unescape(CardText.Escape(text));
            Assert.Equal(CardText.Clean(text), shown);
        });
    }

    [Fact]
    public void Escape_LeavesNoDoubleBraces()
    {
        Gen.Char["{}a "].Array[0, 40].Select(chars => new string(chars)).Sample(text =>
        {
            Assert.DoesNotContain("{{", CardText.Escape(text), StringComparison.Ordinal);
        });
    }

    private static string Unescape(string escaped)
    {
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < escaped.Length; i++)
        {
            if (escaped[i] == '\\' && i + 1 < escaped.Length && char.IsAsciiLetterOrDigit(escaped[i + 1]) is false && escaped[i + 1] != ' ')
            {
                i++;
            }

            builder.Append(escaped[i]);
        }

        return builder.ToString();
    }
}
