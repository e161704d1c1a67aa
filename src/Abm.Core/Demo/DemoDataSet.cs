using Abm.Core.Domain;

namespace Abm.Core.Demo;

/// <summary>Everything the demo generator creates, in insertion order.</summary>
public sealed record DemoDataSet(
    IReadOnlyList<Account> Accounts,
    IReadOnlyList<Person> People,
    IReadOnlyList<Contact> Contacts,
    IReadOnlyList<EngagementEvent> Events,
    IReadOnlyList<Opportunity> Opportunities,
    IReadOnlyList<TargetListEntry> TargetList);
