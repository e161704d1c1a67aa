using Abm.Core.Alerts;
using Abm.Core.Domain;
using Abm.Core.Import;
using Abm.Core.Playbooks;
using Abm.Core.Ingestion;
using Abm.Core.TargetList;
using Microsoft.EntityFrameworkCore;

namespace Abm.Core.Storage;

/// <summary>
/// The Abm database. Queries stay provider-neutral so SQLite (the embedded default) and
/// PostgreSQL (for several bot instances) both run them.
/// </summary>
/// <remarks>
/// Each provider has its own subclass (<see cref="SqliteAbmDbContext"/>,
/// <see cref="PostgresAbmDbContext"/>) only so that each gets its own migration set; code
/// depends on <see cref="AbmDbContext"/>.
/// </remarks>
public partial class AbmDbContext : DbContext
{
    public AbmDbContext(DbContextOptions<AbmDbContext> options)
        : base(options)
    {
    }

    protected AbmDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<EngagementEvent> Events => Set<EngagementEvent>();

    public DbSet<Opportunity> Opportunities => Set<Opportunity>();

    public DbSet<TargetListEntry> TargetList => Set<TargetListEntry>();

    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();

    public DbSet<ConversationReference> ConversationReferences => Set<ConversationReference>();

    /// <summary>Receipts that keep chat channels from answering a retried or duplicated event twice.</summary>
    public DbSet<ProcessedInboundEvent> ProcessedInboundEvents => Set<ProcessedInboundEvent>();

    public DbSet<AccountAlertState> AlertStates => Set<AccountAlertState>();

    public DbSet<Alert> Alerts => Set<Alert>();

    public DbSet<AlertSubscription> AlertSubscriptions => Set<AlertSubscription>();

    /// <summary>Alert messages to send, written with the alerts that cause them.</summary>
    public DbSet<OutboxMessage> AlertOutbox => Set<OutboxMessage>();

    /// <summary>Keys of the systems that post engagement events, stored hashed.</summary>
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<TargetListProposal> TargetListProposals => Set<TargetListProposal>();

    /// <summary>Every proposal, decision and change to the Target Account List.</summary>
    public DbSet<TargetListAuditEntry> TargetListAudit => Set<TargetListAuditEntry>();

    public DbSet<PlaybookProgram> PlaybookPrograms => Set<PlaybookProgram>();

    public DbSet<PlaybookStep> PlaybookSteps => Set<PlaybookStep>();

    /// <summary>The portfolio data version (<see cref="PortfolioVersion"/>): one row.</summary>
    public DbSet<DataVersion> DataVersions => Set<DataVersion>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are stored as Unix milliseconds (UTC): SQLite cannot compare or sort
        // DateTimeOffset text server-side, and a bigint sorts the same on every provider.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UnixMillisecondsConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Account>(account =>
        {
            account.HasKey(a => a.Id);
            account.Property(a => a.Id).HasMaxLength(128);
            account.Property(a => a.Name).HasMaxLength(256);
            account.Property(a => a.Domain).HasMaxLength(256);
            account.Property(a => a.AnnualRevenueUsd).HasPrecision(18, 2);
            account.HasIndex(a => a.Domain);
            account.HasIndex(a => a.OwnerId);
        });

        modelBuilder.Entity<Person>(person =>
        {
            person.HasKey(p => p.Id);
            person.Property(p => p.Role).HasConversion<string>().HasMaxLength(32);
            person.HasIndex(p => p.Email);
            person.HasIndex(p => p.TeamsUserId);
            person.HasIndex(p => p.SlackUserId);
        });

        modelBuilder.Entity<Contact>(contact =>
        {
            contact.HasKey(c => c.Id);
            contact.Property(c => c.Seniority).HasConversion<string>().HasMaxLength(32);
            contact.Property(c => c.BuyingRole).HasConversion<string>().HasMaxLength(32);
            contact.HasIndex(c => c.AccountId);
        });

        modelBuilder.Entity<EngagementEvent>(engagement =>
        {
            engagement.HasKey(e => e.Id);
            engagement.Property(e => e.Type).HasMaxLength(64);
            engagement.Property(e => e.Function).HasConversion<string>().HasMaxLength(32);
            engagement.Property(e => e.Source).HasMaxLength(64);
            engagement.Property(e => e.SourceId).HasMaxLength(256);
            engagement.Property(e => e.Quantity).HasPrecision(18, 2);
            engagement.HasIndex(e => new { e.Source, e.SourceId }).IsUnique();
            engagement.HasIndex(e => new { e.AccountId, e.OccurredAt });
        });

        modelBuilder.Entity<Opportunity>(opportunity =>
        {
            opportunity.HasKey(o => o.Id);
            opportunity.Property(o => o.Stage).HasConversion<string>().HasMaxLength(32);
            opportunity.Property(o => o.Amount).HasPrecision(18, 2);
            opportunity.Ignore(o => o.IsOpen);
            opportunity.HasIndex(o => o.AccountId);
        });

        modelBuilder.Entity<TargetListEntry>(entry =>
        {
            entry.HasKey(t => t.AccountId);
            entry.Property(t => t.Status).HasConversion<string>().HasMaxLength(32);
        });

        modelBuilder.Entity<ImportRun>(run =>
        {
            run.HasKey(r => r.Id);
            run.Property(r => r.Mapping).HasMaxLength(256);
            run.Property(r => r.Source).HasMaxLength(64);
            run.HasIndex(r => r.CompletedAt);
        });

        modelBuilder.Entity<ConversationReference>(reference =>
        {
            reference.HasKey(r => new { r.Channel, r.ConversationId });
            reference.Property(r => r.Channel).HasMaxLength(32);
            reference.Property(r => r.ConversationId).HasMaxLength(512);
            reference.Property(r => r.ServiceUrl).HasMaxLength(512);
            reference.Property(r => r.ConversationType).HasMaxLength(32);
            reference.HasIndex(r => r.TeamId);
        });

        modelBuilder.Entity<ProcessedInboundEvent>(receipt =>
        {
            receipt.HasKey(r => r.Key);
            receipt.Property(r => r.Key).HasMaxLength(400);
            receipt.HasIndex(r => r.ProcessedAt);
        });

        modelBuilder.Entity<DataVersion>(version =>
        {
            version.HasKey(v => v.Id);
            version.Property(v => v.Id).ValueGeneratedNever();
            version.HasData(new DataVersion { Id = DataVersion.PortfolioId, Value = 0 });
        });

        AlertsModel.Configure(modelBuilder);
        TargetListModel.Configure(modelBuilder);
        PlaybookModel.Configure(modelBuilder);
    }
}
