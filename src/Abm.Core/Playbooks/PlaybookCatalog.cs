using Abm.Core.Answers;

namespace Abm.Core.Playbooks;

/// <summary>The playbook templates, loaded and validated once from <see cref="PlaybookOptions.Directory"/>.</summary>
public sealed class PlaybookCatalog
{
    private readonly Lazy<IReadOnlyList<PlaybookTemplate>> _templates;

    public PlaybookCatalog(PlaybookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // A relative folder is looked up in the working directory, then next to the executable.
        var directory = Path.GetFullPath(options.Directory);
        if (!Path.IsPathRooted(options.Directory) && !Directory.Exists(directory))
        {
            directory = Path.Combine(AppContext.BaseDirectory, options.Directory);
        }

        _templates = new(() => PlaybookTemplateLoader.LoadDirectory(directory));
    }

    public PlaybookCatalog(IReadOnlyList<PlaybookTemplate> templates)
    {
        _templates = new(templates);
    }

    /// <exception cref="PlaybookTemplateException">A template file is invalid.</exception>
    public IReadOnlyList<PlaybookTemplate> Templates => _templates.Value;

    /// <summary>Finds a template by id or by its name's words, such as "executive outreach".</summary>
    public PlaybookTemplate? Find(string typed)
    {
        var words = AccountMatcher.Normalise(typed.Replace('-', ' '));
        return Templates.FirstOrDefault(t => string.Equals(t.Id, typed.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? Templates.FirstOrDefault(t => AccountMatcher.Normalise(t.Id.Replace('-', ' ')) == words)
            ?? Templates.FirstOrDefault(t => AccountMatcher.Normalise(t.Name).StartsWith(words, StringComparison.Ordinal))
            ?? Templates.FirstOrDefault(t => AccountMatcher.Normalise(t.Id.Replace('-', ' ')).Contains(words, StringComparison.Ordinal));
    }
}
