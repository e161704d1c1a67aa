using Microsoft.EntityFrameworkCore;

namespace Abm.Core.TargetList;

/// <summary>The EF Core mapping of proposals, their messages and the audit trail, called from <see cref="Storage.AbmDbContext"/>.</summary>
internal static class TargetListModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TargetListProposal>(proposal =>
        {
            proposal.ToTable("TargetListProposals");
            proposal.HasKey(p => p.Id);
            proposal.Property(p => p.AccountId).HasMaxLength(128);
            proposal.Property(p => p.AccountName).HasMaxLength(256);
            proposal.Property(p => p.AccountDomain).HasMaxLength(256);
            proposal.Property(p => p.RequesterId).HasMaxLength(128);
            proposal.Property(p => p.Rationale).HasMaxLength(2000);
            proposal.Property(p => p.ApproverIds).HasMaxLength(2000);
            proposal.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
            proposal.Property(p => p.DeciderId).HasMaxLength(128);
            proposal.Property(p => p.RejectReason).HasConversion<string>().HasMaxLength(32);
            proposal.Property(p => p.DecisionComment).HasMaxLength(2000);
            proposal.Property(p => p.Version).IsConcurrencyToken();
            proposal.Ignore(p => p.Approvers);
            proposal.HasIndex(p => new { p.Status, p.CreatedAt });
            proposal.HasIndex(p => p.AccountId);

            // One pending proposal per account, so concurrent proposals of one account (known or
            // new) create one row on every instance. Quoted identifiers are valid on SQLite and PostgreSQL.
            proposal.Property(p => p.AccountKey).HasMaxLength(300);
            proposal.HasIndex(p => p.AccountKey)
                .IsUnique()
                .HasFilter("\"Status\" = 'Pending'")
                .HasDatabaseName("IX_TargetListProposals_OnePending");
        });

        modelBuilder.Entity<TargetListAuditEntry>(entry =>
        {
            entry.ToTable("TargetListAudit");
            entry.HasKey(e => e.Id);
            entry.Property(e => e.AccountId).HasMaxLength(128);
            entry.Property(e => e.AccountName).HasMaxLength(256);
            entry.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
            entry.Property(e => e.ActorId).HasMaxLength(128);
            entry.Property(e => e.Detail).HasMaxLength(4000);
            entry.HasIndex(e => new { e.AccountId, e.At });
            entry.HasIndex(e => e.ProposalId);
        });

        modelBuilder.Entity<ProposalMessage>(message =>
        {
            message.ToTable("TargetListProposalMessages");
            message.HasKey(m => m.Id);
            message.Property(m => m.Channel).HasMaxLength(32);
            message.Property(m => m.ConversationId).HasMaxLength(512);
            message.Property(m => m.MessageId).HasMaxLength(256);
            message.HasIndex(m => m.ProposalId);
        });
    }
}
