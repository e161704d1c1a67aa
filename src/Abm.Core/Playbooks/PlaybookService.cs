using Abm.Core.Domain;
using Abm.Core.Storage;
using Abm.Core.TargetList;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Abm.Core.Playbooks;

/// <summary>What someone does to a step from its card.</summary>
public abstract record StepAction;

public sealed record CompleteStep : StepAction;

public sealed record SkipStep(string Reason) : StepAction;

public sealed record ReassignStep(string NewOwnerId) : StepAction;

public sealed record SnoozeStep(TimeSpan For) : StepAction;

/// <summary>How a step action ended.</summary>
public enum StepOutcome
{
    Changed,

    /// <summary>The step was already closed, or changed by someone else first; nothing changed.</summary>
    AlreadyClosed,

    /// <summary>The person may not act on the step; nothing changed.</summary>
    NotAllowed,

    /// <summary>The action's input is invalid, such as a skip without a reason; nothing changed.</summary>
    Invalid,

    NotFound,
}

/// <summary>The outcome, the step afterwards and the step that follows it, if one became current.</summary>
public sealed record StepResult(StepOutcome Outcome, StepView? Step, StepView? Next, string? Message = null);

/// <summary>
/// Runs playbook programs on accounts: starts them from templates, moves steps on from card
/// actions and arriving engagement events, and reports progress.
/// </summary>
public sealed partial class PlaybookService(
    IDbContextFactory<AbmDbContext> contexts,
    PlaybookCatalog catalog,
    IPlaybookNotifier notifier,
    TimeProvider time,
    ILogger<PlaybookService> logger)
{
    /// <summary>The reply to a person who may not change a step.</summary>
    public const string NotAllowedMessage = "Only the step's owner, the person who started the program, the account owner or a manager can change this step.";

    /// <summary>Starts a program from a template on an account and sends the first step to its owner.</summary>
    public async Task<(ProgramView? Program, string? Error)> StartAsync(string accountId, string templateId, string starterId, CancellationToken cancellationToken)
    {
        var template = catalog.Templates.FirstOrDefault(t => t.Id == templateId);
        if (template is null)
        {
            return (null, $"No playbook has the id \"{templateId}\". Playbooks: {string.Join(", ", catalog.Templates.Select(t => t.Id))}.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        if (account is null)
        {
            return (null, $"No account has the id \"{accountId}\".");
        }

        var alreadyRuns = $"{template.Name} already runs on {account.Name}. Type \"playbook status {account.Name}\" to see it.";
        if (await IsActiveAsync(db, accountId, templateId, cancellationToken))
        {
            return (null, alreadyRuns);
        }

        var people = await db.People.AsNoTracking().ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var program = new PlaybookProgram { AccountId = accountId, TemplateId = template.Id, Name = template.Name, StartedById = starterId, StartedAt = now };
        db.Add(program);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique index on active programs rejected the row because a concurrent start
            // (another click or another instance) inserted it first.
            await using var check = await contexts.CreateDbContextAsync(cancellationToken);
            if (await IsActiveAsync(check, accountId, templateId, cancellationToken))
            {
                Log.ProgramStartLostRace(logger, accountId, templateId);
                return (null, alreadyRuns);
            }

            throw;
        }
        db.AddRange(template.Steps.Select((s, i) => new PlaybookStep
        {
            ProgramId = program.Id,
            Order = i,
            Key = s.Key,
            Title = s.Title,
            Guidance = s.Guidance,
            Function = s.Function,
            OwnerId = StepOwners.Pick(s.Function, account, starterId, people),
            DueAt = now + s.DueOffset,
            CompletedByEventType = s.CompletedByEventType,
        }));
        await db.SaveChangesAsync(cancellationToken);
        Log.ProgramStarted(logger, program.Id, template.Id);

        var view = (await LoadProgramsAsync(db, [program.Id], cancellationToken))[0];
        if (view.Current is { } first)
        {
            await notifier.StepAssignedAsync(first, cancellationToken);
        }

        return (view, null);
    }

    private static Task<bool> IsActiveAsync(AbmDbContext db, string accountId, string templateId, CancellationToken cancellationToken) =>
        db.Set<PlaybookProgram>().AsNoTracking()
            .AnyAsync(p => p.AccountId == accountId && p.TemplateId == templateId && p.Status == ProgramStatus.Active, cancellationToken);

    /// <summary>Every program on an account, newest first.</summary>
    public async Task<IReadOnlyList<ProgramView>> StatusAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = await db.Set<PlaybookProgram>().AsNoTracking().Where(p => p.AccountId == accountId)
            .OrderByDescending(p => p.StartedAt).ThenByDescending(p => p.Id).Select(p => p.Id).ToListAsync(cancellationToken);
        return await LoadProgramsAsync(db, ids, cancellationToken);
    }

    public async Task<StepView?> GetStepAsync(long stepId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var programId = await db.Set<PlaybookStep>().AsNoTracking().Where(s => s.Id == stepId).Select(s => (long?)s.ProgramId).SingleOrDefaultAsync(cancellationToken);
        return programId is { } id ? (await LoadProgramsAsync(db, [id], cancellationToken))[0].Steps.Single(s => s.Id == stepId) : null;
    }

    /// <summary>
    /// Returns whether a person may change a step: its owner, the person who started the program,
    /// the account owner, or a manager or executive. False for an unknown step or person.
    /// </summary>
    public async Task<bool> MayActAsync(long stepId, string? actorId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var step = await db.Set<PlaybookStep>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == stepId, cancellationToken);
        if (step is null || actorId is null)
        {
            return false;
        }

        var program = await db.Set<PlaybookProgram>().AsNoTracking().SingleAsync(p => p.Id == step.ProgramId, cancellationToken);
        return await MayActAsync(db, step, program, actorId, cancellationToken);
    }

    /// <summary>
    /// Applies a card action. The change is one conditional UPDATE on the step's version and open
    /// status, so a double click or a click racing an arriving event changes the step once.
    /// </summary>
    public async Task<StepResult> ActAsync(long stepId, string? actorId, StepAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var step = await db.Set<PlaybookStep>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == stepId, cancellationToken);
        if (step is null)
        {
            return new(StepOutcome.NotFound, null, null);
        }

        var program = await db.Set<PlaybookProgram>().AsNoTracking().SingleAsync(p => p.Id == step.ProgramId, cancellationToken);
        if (actorId is null || !await MayActAsync(db, step, program, actorId, cancellationToken))
        {
            Log.StepActionRefused(logger, stepId);
            return new(StepOutcome.NotAllowed, await GetStepAsync(stepId, cancellationToken), null, NotAllowedMessage);
        }

        if (!step.IsOpen)
        {
            return new(StepOutcome.AlreadyClosed, await GetStepAsync(stepId, cancellationToken), null);
        }

        var now = time.GetUtcNow();
        var query = db.Set<PlaybookStep>().Where(s => s.Id == stepId && s.Version == step.Version && (s.Status == StepStatus.Pending || s.Status == StepStatus.Snoozed));
        var version = step.Version + 1;
        int changed;
        switch (action)
        {
            case CompleteStep:
                changed = await query.ExecuteUpdateAsync(set => set.SetProperty(s => s.Status, StepStatus.Done).SetProperty(s => s.ClosedAt, now).SetProperty(s => s.ClosedById, actorId).SetProperty(s => s.Version, version), cancellationToken);
                break;
            case SkipStep { Reason: var reason } when !string.IsNullOrWhiteSpace(reason):
                changed = await query.ExecuteUpdateAsync(set => set.SetProperty(s => s.Status, StepStatus.Skipped).SetProperty(s => s.SkipReason, reason.Trim()).SetProperty(s => s.ClosedAt, now).SetProperty(s => s.ClosedById, actorId).SetProperty(s => s.Version, version), cancellationToken);
                break;
            case SkipStep:
                return new(StepOutcome.Invalid, await GetStepAsync(stepId, cancellationToken), null, "Say why you skip the step.");
            case ReassignStep { NewOwnerId: var ownerId }:
                if (!await db.People.AnyAsync(p => p.Id == ownerId, cancellationToken))
                {
                    return new(StepOutcome.Invalid, await GetStepAsync(stepId, cancellationToken), null, $"No person has the id \"{ownerId}\"; pick someone from the list.");
                }

                changed = await query.ExecuteUpdateAsync(set => set.SetProperty(s => s.OwnerId, ownerId).SetProperty(s => s.LastReminderAt, (DateTimeOffset?)null).SetProperty(s => s.Version, version), cancellationToken);
                break;
            case SnoozeStep { For: var span } when span > TimeSpan.Zero && span <= TimeSpan.FromDays(90):
                changed = await query.ExecuteUpdateAsync(set => set.SetProperty(s => s.Status, StepStatus.Snoozed).SetProperty(s => s.SnoozedUntil, now + span).SetProperty(s => s.Version, version), cancellationToken);
                break;
            default:
                return new(StepOutcome.Invalid, await GetStepAsync(stepId, cancellationToken), null, "Snooze for 1 hour to 90 days.");
        }

        if (changed == 0)
        {
            return new(StepOutcome.AlreadyClosed, await GetStepAsync(stepId, cancellationToken), null);
        }

        Log.StepChanged(logger, stepId, action.GetType().Name);
        var after = (await GetStepAsync(stepId, cancellationToken))!;
        StepView? next = null;
        if (action is ReassignStep)
        {
            await notifier.StepAssignedAsync(after, cancellationToken);
        }
        else if (action is CompleteStep or SkipStep)
        {
            next = await AdvanceAsync(db, step.ProgramId, now, cancellationToken);
        }

        return new(StepOutcome.Changed, after, next);
    }

    /// <summary>
    /// Completes the open steps whose evidence event type arrived on their account after the
    /// program started, then sends each program's next step. Ingestion calls this after it stored events.
    /// </summary>
    /// <returns>How many steps completed.</returns>
    public async Task<int> CompleteByEventsAsync(IReadOnlyList<EngagementEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return 0;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var accountIds = events.Select(e => e.AccountId).Distinct().ToList();
        var types = events.Select(e => e.Type).Distinct().ToList();
        var candidates = await (
            from s in db.Set<PlaybookStep>()
            join p in db.Set<PlaybookProgram>() on s.ProgramId equals p.Id
            where p.Status == ProgramStatus.Active && accountIds.Contains(p.AccountId)
                && (s.Status == StepStatus.Pending || s.Status == StepStatus.Snoozed)
                && s.CompletedByEventType != null && types.Contains(s.CompletedByEventType)
            orderby s.ProgramId, s.Order
            select new { Step = s, p.AccountId, p.StartedAt }).AsNoTracking().ToListAsync(cancellationToken);

        var completed = 0;
        var now = time.GetUtcNow();
        var closed = new List<long>();
        var advanced = new HashSet<long>();
        foreach (var candidate in candidates)
        {
            var evidence = events
                .Where(e => e.AccountId == candidate.AccountId && e.Type == candidate.Step.CompletedByEventType && e.OccurredAt >= candidate.StartedAt)
                .OrderBy(e => e.OccurredAt)
                .FirstOrDefault();
            if (evidence is null)
            {
                continue;
            }

            var step = candidate.Step;
            var changed = await db.Set<PlaybookStep>()
                .Where(s => s.Id == step.Id && s.Version == step.Version && (s.Status == StepStatus.Pending || s.Status == StepStatus.Snoozed))
                .ExecuteUpdateAsync(
                    set => set.SetProperty(s => s.Status, StepStatus.Done)
                        .SetProperty(s => s.ClosedAt, now)
                        .SetProperty(s => s.ClosedById, evidence.ActorId)
                        .SetProperty(s => s.CompletedByEventId, evidence.Id == 0 ? (long?)null : evidence.Id)
                        .SetProperty(s => s.Version, step.Version + 1),
                    cancellationToken);
            if (changed == 1)
            {
                completed++;
                closed.Add(step.Id);
                advanced.Add(step.ProgramId);
                Log.StepCompletedByEvent(logger, step.Id, evidence.Type);
            }
        }

        // Only the instance whose conditional update won reaches this point for a step, so each
        // completion edits the sent cards once and sends the next card once.
        foreach (var stepId in closed)
        {
            if (await GetStepAsync(stepId, cancellationToken) is { } view)
            {
                await notifier.StepCompletedByEventAsync(view, cancellationToken);
            }
        }

        foreach (var programId in advanced)
        {
            await AdvanceAsync(db, programId, now, cancellationToken);
        }

        return completed;
    }

    /// <summary>Sends the program's current step to its owner, or marks the program complete.</summary>
    private async Task<StepView?> AdvanceAsync(AbmDbContext db, long programId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var view = (await LoadProgramsAsync(db, [programId], cancellationToken))[0];
        if (view.Current is { } next)
        {
            await notifier.StepAssignedAsync(next, cancellationToken);
            return next;
        }

        await db.Set<PlaybookProgram>().Where(p => p.Id == programId && p.Status == ProgramStatus.Active)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.Status, ProgramStatus.Completed).SetProperty(p => p.CompletedAt, now), cancellationToken);
        return null;
    }

    /// <summary>Records a sent step card, so it can be edited when the step completes by itself.</summary>
    public async Task AddMessageAsync(long stepId, string channel, string conversationId, string messageId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Add(new PlaybookStepMessage { StepId = stepId, Channel = channel, ConversationId = conversationId, MessageId = messageId });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The step cards sent for a step, oldest first.</summary>
    public async Task<IReadOnlyList<PlaybookStepMessage>> MessagesAsync(long stepId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<PlaybookStepMessage>().AsNoTracking().Where(m => m.StepId == stepId).OrderBy(m => m.Id).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Claims the edit of a sent step card to show a step version. One conditional UPDATE, so of
    /// two instances editing the same card to the same version, only one gets true.
    /// </summary>
    public async Task<bool> TryClaimMessageEditAsync(long messageId, int stepVersion, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var claimed = await db.Set<PlaybookStepMessage>()
            .Where(m => m.Id == messageId && (m.EditedVersion == null || m.EditedVersion < stepVersion))
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.EditedVersion, stepVersion), cancellationToken);
        return claimed == 1;
    }

    private static async Task<bool> MayActAsync(AbmDbContext db, PlaybookStep step, PlaybookProgram program, string actorId, CancellationToken cancellationToken)
    {
        if (actorId == step.OwnerId || actorId == program.StartedById)
        {
            return true;
        }

        var accountOwner = await db.Accounts.AsNoTracking().Where(a => a.Id == program.AccountId).Select(a => a.OwnerId).SingleOrDefaultAsync(cancellationToken);
        if (actorId == accountOwner)
        {
            return true;
        }

        return await db.People.AsNoTracking().AnyAsync(p => p.Id == actorId && (p.Role == PersonRole.Manager || p.Role == PersonRole.Executive), cancellationToken);
    }

    internal static async Task<IReadOnlyList<ProgramView>> LoadProgramsAsync(AbmDbContext db, IReadOnlyList<long> programIds, CancellationToken cancellationToken)
    {
        var programs = await db.Set<PlaybookProgram>().AsNoTracking().Where(p => programIds.Contains(p.Id)).ToListAsync(cancellationToken);
        var steps = await db.Set<PlaybookStep>().AsNoTracking().Where(s => programIds.Contains(s.ProgramId)).OrderBy(s => s.Order).ToListAsync(cancellationToken);
        var accountIds = programs.Select(p => p.AccountId).Distinct().ToList();
        var accounts = await db.Accounts.AsNoTracking().Where(a => accountIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var ownerIds = steps.Select(s => s.OwnerId).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => ownerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var eventIds = steps.Where(s => s.CompletedByEventId is not null).Select(s => s.CompletedByEventId!.Value).ToList();
        var evidence = eventIds.Count == 0
            ? []
            : await db.Events.AsNoTracking().Where(e => eventIds.Contains(e.Id))
                .ToDictionaryAsync(e => e.Id, e => new StepEvidence(e.Type, e.Source, e.OccurredAt, e.Detail), cancellationToken);

        return programIds.Select(id => programs.Single(p => p.Id == id)).Select(program =>
        {
            var own = steps.Where(s => s.ProgramId == program.Id).ToList();
            var accountName = accounts.GetValueOrDefault(program.AccountId, program.AccountId);
            var views = own.Select(s => new StepView(
                s.Id, program.Id, program.Name, program.AccountId, accountName, s.Order, own.Count, s.Title, s.Guidance, s.Function,
                new PersonRef(s.OwnerId, people.GetValueOrDefault(s.OwnerId, s.OwnerId)), s.DueAt, s.Status, s.SnoozedUntil, s.SkipReason,
                s.CompletedByEventType, s.CompletedByEventId is not null, s.ClosedAt,
                s.CompletedByEventId is { } eventId ? evidence.GetValueOrDefault(eventId) : null, s.Version)).ToList();
            var current = program.Status == ProgramStatus.Active ? views.FirstOrDefault(v => v.Status is StepStatus.Pending or StepStatus.Snoozed) : null;
            return new ProgramView(program.Id, program.Name, accountName, program.Status, views.Count(v => v.Status is StepStatus.Done or StepStatus.Skipped), views.Count, current, views);
        }).ToList();
    }
}
