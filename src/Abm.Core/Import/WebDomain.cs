namespace Abm.Core.Import;

/// <summary>Reduces a website to the domain accounts are matched by.</summary>
public static class WebDomain
{
    private static readonly string[] Prefixes = ["www.", "www2.", "investors.", "investor.", "corporate."];

    /// <summary>
    /// Lower-cases and drops the scheme, path, port and one leading <c>www.</c>, <c>www2.</c>,
    /// <c>investor(s).</c> or <c>corporate.</c>: <c>https://www.Walmart.com/about</c> → <c>walmart.com</c>.
    /// </summary>
    public static string? Normalize(string? website)
    {
        if (string.IsNullOrWhiteSpace(website))
        {
            return null;
        }

        var value = website.Trim().ToLowerInvariant();
        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            value = value[(scheme + 3)..];
        }

        var end = value.IndexOfAny(['/', '?', '#', ':']);
        if (end >= 0)
        {
            value = value[..end];
        }

        foreach (var prefix in Prefixes)
        {
            if (value.StartsWith(prefix, StringComparison.Ordinal))
            {
                value = value[prefix.Length..];
                break;
            }
        }

        return value.Length == 0 ? null : value;
    }
}
