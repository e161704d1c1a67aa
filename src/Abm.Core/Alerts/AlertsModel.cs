using Abm.Core.Ingestion;
using Microsoft.EntityFrameworkCore;

namespace Abm.Core.Alerts;

/// <summary>The EF Core mapping of the alert and ingestion tables, called from <see cref="Storage.AbmDbContext"/>.</summary>
internal static class AlertsModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AccountAlertState>(state =>
        {
            state.ToTable("AlertStates");
            state.HasKey(s => s.AccountId);
            state.Property(s => s.AccountId).HasMaxLength(128);
            state.Property(s => s.Band).HasConversion<string>().HasMaxLength(16);
            state.Property(s => s.PendingBand).HasConversion<string>().HasMaxLength(16);
            state.Property(s => s.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<Alert>(alert =>
        {
            alert.HasKey(a => a.Id);
            alert.Property(a => a.AccountId).HasMaxLength(128);
            alert.Property(a => a.AccountName).HasMaxLength(256);
            alert.Property(a => a.Rule).HasMaxLength(32);
            alert.Property(a => a.RulesVersion).HasMaxLength(64);
            alert.Property(a => a.OldBand).HasConversion<string>().HasMaxLength(16);
            alert.Property(a => a.NewBand).HasConversion<string>().HasMaxLength(16);
            alert.Property(a => a.FitTier).HasConversion<string>().HasMaxLength(8);
            alert.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
            alert.HasIndex(a => new { a.AccountId, a.Status });
            alert.HasIndex(a => a.CreatedAt);
        });

        modelBuilder.Entity<AlertSubscription>(subscription =>
        {
            subscription.HasKey(s => s.Id);
            subscription.Property(s => s.Channel).HasMaxLength(32);
            subscription.Property(s => s.ConversationId).HasMaxLength(512);
            subscription.Property(s => s.Region).HasMaxLength(128);
            subscription.Property(s => s.Industry).HasMaxLength(128);
            subscription.Property(s => s.OwnerId).HasMaxLength(128);
            subscription.Property(s => s.Team).HasMaxLength(128);
            subscription.Property(s => s.MinFitTier).HasConversion<string>().HasMaxLength(8);
            subscription.Property(s => s.Band).HasConversion<string>().HasMaxLength(16);
            subscription.Property(s => s.Rule).HasMaxLength(32);
            subscription.Property(s => s.Mode).HasConversion<string>().HasMaxLength(16);
            subscription.Property(s => s.DigestDay).HasConversion<string>().HasMaxLength(16);
            subscription.Property(s => s.TimeZone).HasMaxLength(64);
            subscription.Property(s => s.DisabledReason).HasMaxLength(256);
            subscription.HasIndex(s => new { s.Channel, s.ConversationId });
        });

        modelBuilder.Entity<OutboxMessage>(message =>
        {
            message.ToTable("AlertOutbox");
            message.HasKey(m => m.Id);
            message.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
            message.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
            message.Property(m => m.Channel).HasMaxLength(32);
            message.Property(m => m.Target).HasMaxLength(512);
            message.Property(m => m.LeaseOwner).HasMaxLength(128);
            message.Property(m => m.SentConversationId).HasMaxLength(512);
            message.Property(m => m.SentMessageId).HasMaxLength(256);
            message.Property(m => m.EditedContentHash).HasMaxLength(64);
            message.Property(m => m.LastError).HasMaxLength(1024);
            message.HasOne(m => m.Alert).WithMany().HasForeignKey(m => m.AlertId);
            message.HasIndex(m => new { m.Status, m.DueAt });
            message.HasIndex(m => m.AlertId);
        });

        modelBuilder.Entity<ApiKey>(key =>
        {
            key.HasKey(k => k.Id);
            key.Property(k => k.Id).HasMaxLength(32);
            key.Property(k => k.Source).HasMaxLength(64);
            key.Property(k => k.Hash).HasMaxLength(64);
        });
    }
}
