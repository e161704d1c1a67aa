using System.Globalization;
using Abm.Bot.Slack.BlockKit;
using Abm.Core.Answers;
using CsCheck;

namespace Abm.Bot.Tests.Slack;

/// <summary>Cards for accounts with long, emoji, right-to-left and markup-like names stay within every limit and escape right.</summary>
public class BlockKitPropertyTests
{
    private static readonly string[] Pieces =
    [
        "Acme", " ", "GmbH", "👨‍👩‍👧‍👦", "🇩🇪", "😀", "e\u0301", "שלום", "مرحبا", "\u200F", "\u202E",
        "<@U0BOT0001>", "<!here>", "<#C123|general>", "&", "&amp;", "<", ">", "*", "_", "~", "`", "|", ":tada:",
        "\n", "\t", "ẞ", "日本語", "\uD83D\uDE00",
    ];

    private static readonly Gen<string> Names =
        Gen.Int[0, Pieces.Length - 1].Array[1, 400].Select(indexes => string.Concat(indexes.Select(i => Pieces[i])));

    [Fact]
    public void AnyName_EveryReplyStaysWithinLimits()
    {
        Names.Sample(
            name =>
            {
                foreach (var reply in BlockKitRendererTests.EveryReply(name, rows: 60))
                {
                    var problems = BlockKitChecker.CheckMessage(BlockKitRendererTests.ToJson(BlockKitRenderer.Render(reply)));
                    if (problems.Count > 0)
                    {
                        throw new InvalidOperationException($"{reply.GetType().Name}: {string.Join("; ", problems)}");
                    }
                }
            },
            iter: 150);
    }

    [Fact]
    public void AnyName_HeaderIsGraphemePrefix()
    {
        Names.Sample(
            name =>
            {
                var normalized = name.ReplaceLineEndings(" ").Trim();
                var headerBlock = BlockKitRenderer.Render(SampleReplies.Summary(name)).Blocks.OfType<HeaderBlock>().SingleOrDefault();
                if (headerBlock is null)
                {
                    // Only a blank name has no header.
                    return normalized.Length == 0 ? true : throw new InvalidOperationException($"No header for '{name}'.");
                }

                var header = headerBlock.Text.Text;
                var shown = header.EndsWith(SlackText.Ellipsis, StringComparison.Ordinal) && header != normalized
                    ? header[..^SlackText.Ellipsis.Length]
                    : header;
                return IsGraphemePrefix(shown, normalized)
                    ? true
                    : throw new InvalidOperationException($"Header '{header}' is not a grapheme prefix of '{normalized}'.");
            },
            iter: 300);
    }

    [Fact]
    public void AnyName_OwnerFieldUnescapesToPrefix()
    {
        Names.Sample(
            name =>
            {
                var summary = SampleReplies.Summary(name);
                var fields = BlockKitRenderer.Render(summary).Blocks.OfType<SectionBlock>().First(s => s.Fields is not null).Fields!;
                var owner = fields.Single(f => f.Text.StartsWith("*Owner*\n", StringComparison.Ordinal)).Text["*Owner*\n".Length..];
                var expected = summary.Account.OwnerName!.ReplaceLineEndings(" ").Trim();
                var shown = owner.EndsWith(SlackText.Ellipsis, StringComparison.Ordinal) ? owner[..^SlackText.Ellipsis.Length] : owner;
                if (!expected.StartsWith(SlackText.Unescape(shown), StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"Owner '{owner}' does not unescape to a prefix of '{expected}'.");
                }
            },
            iter: 300);
    }

    private static bool IsGraphemePrefix(string prefix, string text)
    {
        if (!text.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var boundaries = StringInfo.ParseCombiningCharacters(text);
        return prefix.Length == text.Length || boundaries.Contains(prefix.Length);
    }
}
