using Microsoft.EntityFrameworkCore;

namespace Abm.Core.Playbooks;

/// <summary>The EF Core mapping of programs and steps, called from <see cref="Storage.AbmDbContext"/>.</summary>
internal static class PlaybookModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PlaybookProgram>(program =>
        {
            program.ToTable("PlaybookPrograms");
            program.HasKey(p => p.Id);
            program.Property(p => p.AccountId).HasMaxLength(128);
            program.Property(p => p.TemplateId).HasMaxLength(64);
            program.Property(p => p.Name).HasMaxLength(256);
            program.Property(p => p.StartedById).HasMaxLength(128);
            program.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
            program.HasIndex(p => new { p.AccountId, p.Status });

            // One active program per account and template, so two racing starts (a double click,
            // or two instances) insert one row. Quoted identifiers are valid on SQLite and PostgreSQL.
            program.HasIndex(p => new { p.AccountId, p.TemplateId })
                .IsUnique()
                .HasFilter("\"Status\" = 'Active'")
                .HasDatabaseName("IX_PlaybookPrograms_OneActive");
        });

        modelBuilder.Entity<PlaybookStep>(step =>
        {
            step.ToTable("PlaybookSteps");
            step.HasKey(s => s.Id);
            step.Property(s => s.Key).HasMaxLength(64);
            step.Property(s => s.Title).HasMaxLength(256);
            step.Property(s => s.Guidance).HasMaxLength(4000);
            step.Property(s => s.Function).HasConversion<string>().HasMaxLength(32);
            step.Property(s => s.OwnerId).HasMaxLength(128);
            step.Property(s => s.CompletedByEventType).HasMaxLength(64);
            step.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
            step.Property(s => s.SkipReason).HasMaxLength(1000);
            step.Property(s => s.ClosedById).HasMaxLength(128);
            step.Property(s => s.Version).IsConcurrencyToken();
            step.Ignore(s => s.IsOpen);
            step.HasIndex(s => new { s.ProgramId, s.Order }).IsUnique();
            step.HasIndex(s => new { s.Status, s.DueAt });
        });

        modelBuilder.Entity<PlaybookStepMessage>(message =>
        {
            message.ToTable("PlaybookStepMessages");
            message.HasKey(m => m.Id);
            message.Property(m => m.Channel).HasMaxLength(32);
            message.Property(m => m.ConversationId).HasMaxLength(512);
            message.Property(m => m.MessageId).HasMaxLength(256);
            message.HasIndex(m => m.StepId);
        });
    }
}
