using System.Globalization;
using System.Text;
using Abm.Core.Answers;

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
            return new TextReply($"No playbook runs on {account.Name}. Start one, such as \"start {(catalog.Templates.Count > 0 ? catalog.Templates[0].Id : "executive-outreach")} on {account.Name}\".");
        }

        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Playbooks on {account.Name}:");
        foreach (var program in programs)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n- {program.Name}: {program.Closed} of {program.Total} steps closed");
            if (program.Current is { } step)
            {
                text.Append(CultureInfo.InvariantCulture, $"; next: {step.Title} ({StepFunctionText.Of(step.Function)}, {step.Owner.Name}, due {step.DueAt.UtcDateTime:yyyy-MM-dd})");
            }
            else
            {
                text.Append(" (complete)");
            }

            var owners = string.Join(", ", program.Steps.Select(s => s.Owner.Name).Distinct(StringComparer.Ordinal));
            text.Append(CultureInfo.InvariantCulture, $"; owners: {owners}");
        }

        return new TextReply(text.ToString());
    }

    private async Task<Reply> StartAsync(StartPlaybookCommand command, Asker asker, CancellationToken cancellationToken)
    {
        if (asker.PersonId is null)
        {
            return new TextReply("Abm does not know who you are, so it cannot start a playbook. Ask an admin to import you as a person with your work email.");
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

        var (program, error) = await service.StartAsync(account.Id, template.Id, asker.PersonId, cancellationToken);
        if (program is null)
        {
            return new TextReply(error!);
        }

        var first = program.Current;
        return new TextReply($"Started {program.Name} on {account.Name}: {program.Total} steps. First: {first?.Title} for {first?.Owner.Name}, who gets it by direct message.");
    }
}
