using System.Globalization;
using System.Text;
using Abm.Core.Answers;
using Abm.Core.TargetList;

namespace Abm.Core.Playbooks;

/// <summary>Answers the playbook chat commands.</summary>
public sealed class PlaybookCommands(PlaybookService service, PlaybookCatalog catalog, AccountRepository accounts)
{
    public async Task<Reply> AnswerAsync(PlaybookCommand command, Asker asker, CancellationToken cancellationToken) => command switch
    {
        ListPlaybooksCommand => List(),
        PlaybookStatusCommand status => await StatusAsync(status.AccountName, cancellationToken),
        StartPlaybookCommand start => await StartAsync(start, asker, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown playbook command."),
    };

    private const string UnknownAsker = "Abm does not know who you are, so it cannot start a playbook. Ask an admin to import you as a person with your work email.";

    private TextReply List()
    {
        var text = new StringBuilder("Playbooks:");
        foreach (var template in catalog.Templates)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n- {template.Name} ({template.Id}, {template.Steps.Count} steps): {template.Description}");
        }

        return new TextReply(text.ToString());
    }

    private async Task<Reply> StatusAsync(string typedName, CancellationToken cancellationToken)
    {
        var match = AccountMatcher.Match(typedName, await accounts.LoadNamesAsync(cancellationToken));
        if (match.Account is not { } account)
        {
            return new AccountNotFoundReply(typedName, match.Suggestions);
        }

        var programs = await service.StatusAsync(account.Id, cancellationToken);
        if (programs.Count == 0)
        {
            return new TextReply($"No playbook runs on {account.Name}. Start one, such as \"start {(catalog.Templates.Count > 0 ? catalog.Templates[0].Id : "executive-outreach")} on {account.Name}\".")
            {
                Correction = match.Correction,
            };
        }

        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Playbooks on {account.Name}:");
        foreach (var program in programs)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n- {program.Name}: {program.Closed} of {program.Total} steps closed");
            if (program.Current is { } step)
            {
                text.Append(CultureInfo.InvariantCulture, $"; next: {step.Title} ({StepFunctionText.Of(step.Function)}, {step.Owner.Name}, due {DateText.Date(step.DueAt)})");
            }
            else
            {
                text.Append(" (complete)");
            }

            var owners = string.Join(", ", program.Steps.Select(s => s.Owner.Name).Distinct(StringComparer.Ordinal));
            text.Append(CultureInfo.InvariantCulture, $"; owners: {owners}");
        }

        return new TextReply(text.ToString()) { Correction = match.Correction };
    }

    private async Task<Reply> StartAsync(StartPlaybookCommand command, Asker asker, CancellationToken cancellationToken)
    {
        if (asker.PersonId is null)
        {
            return new TextReply(UnknownAsker);
        }

        if (catalog.Find(command.Playbook) is not { } template)
        {
            return new TextReply($"No playbook is called \"{command.Playbook}\". Playbooks: {string.Join(", ", catalog.Templates.Select(t => t.Id))}.");
        }

        var match = AccountMatcher.Match(command.AccountName, await accounts.LoadNamesAsync(cancellationToken));
        if (match.Account is not { } account)
        {
            return new AccountNotFoundReply(command.AccountName, match.Suggestions);
        }

        var started = await StartAsync(template, account, asker.PersonId, cancellationToken);
        return started with { Correction = match.Correction };
    }

    /// <summary>
    /// Returns the reply to "Start a playbook" on an account card: one button per playbook, each of which
    /// starts that playbook on the account.
    /// </summary>
    public async Task<Reply> ChooseAsync(string accountId, CancellationToken cancellationToken)
    {
        if (await FindAccountAsync(accountId, cancellationToken) is not { } account)
        {
            return UnknownAccount(accountId);
        }

        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Pick a playbook to start on {account.Name}:");
        foreach (var template in catalog.Templates)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n- {template.Name}: {template.Description}");
        }

        return new TextReply(text.ToString())
        {
            Actions = [.. catalog.Templates.Select(t => WorkflowVerbs.StartPlaybookAction(account.Id, t.Id, t.Name))],
        };
    }

    /// <summary>Starts a playbook on an account by ids, as the playbook buttons do.</summary>
    public async Task<Reply> StartOnAccountAsync(string templateId, string accountId, Asker asker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(asker);
        if (asker.PersonId is null)
        {
            return new TextReply(UnknownAsker);
        }

        if (catalog.Find(templateId) is not { } template)
        {
            return new TextReply($"No playbook is called \"{templateId}\". Playbooks: {string.Join(", ", catalog.Templates.Select(t => t.Id))}.");
        }

        return await FindAccountAsync(accountId, cancellationToken) is { } account
            ? await StartAsync(template, account, asker.PersonId, cancellationToken)
            : UnknownAccount(accountId);
    }

    private async Task<AccountName?> FindAccountAsync(string accountId, CancellationToken cancellationToken) =>
        (await accounts.LoadNamesAsync(cancellationToken)).FirstOrDefault(a => a.Id == accountId);

    private static TextReply UnknownAccount(string accountId) =>
        new($"No account has the id \"{accountId}\". Start the playbook in chat instead: \"start executive-outreach on <account>\".");

    private async Task<Reply> StartAsync(PlaybookTemplate template, AccountName account, string personId, CancellationToken cancellationToken)
    {
        var (program, error) = await service.StartAsync(account.Id, template.Id, personId, cancellationToken);
        if (program is null)
        {
            return new TextReply(error!);
        }

        var first = program.Current;
        return new TextReply($"Started {program.Name} on {account.Name}: {program.Total} steps. First: {first?.Title} for {first?.Owner.Name}, who gets it by direct message.");
    }
}
