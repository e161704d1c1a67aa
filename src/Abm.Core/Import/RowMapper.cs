using System.Globalization;
using Abm.Core.Domain;

namespace Abm.Core.Import;

/// <summary>A mapped entity and the row it came from, for error messages about references.</summary>
internal sealed record Mapped<T>(T Entity, CsvRow Row, EntitySourceSpec Source);

/// <summary>Everything one import read, before it is written.</summary>
internal sealed class ImportBatch
{
    public List<Mapped<Person>> People { get; } = [];

    public List<Mapped<Account>> Accounts { get; } = [];

    public List<Mapped<Contact>> Contacts { get; } = [];

    public List<Mapped<Opportunity>> Opportunities { get; } = [];

    public List<Mapped<EngagementEvent>> Events { get; } = [];
}

/// <summary>Turns CSV rows into entities through the mapping's templates, collecting every bad value as an error.</summary>
internal sealed class RowMapper(ImportMapping mapping, TemplateContext context, List<ImportError> errors)
{
    public void MapPeople(EntitySourceSpec source, CsvTable table, List<Mapped<Person>> into) =>
        Map(source, table, EntityFields.Person, into, (key, f) => new Person
        {
            Id = key,
            Name = (string)f["name"]!,
            Email = f.GetValueOrDefault("email") as string,
            Role = (PersonRole)f["role"]!,
            ManagerId = f.GetValueOrDefault("manager") as string,
            Team = f.GetValueOrDefault("team") as string,
            TimeZone = f.GetValueOrDefault("timeZone") as string ?? "UTC",
        });

    public void MapAccounts(EntitySourceSpec source, CsvTable table, List<Mapped<Account>> into) =>
        Map(source, table, EntityFields.Account, into, (key, f) => new Account
        {
            Id = key,
            Name = (string)f["name"]!,
            Domain = f.GetValueOrDefault("domain") as string,
            Industry = f.GetValueOrDefault("industry") as string,
            Employees = f.GetValueOrDefault("employees") as int?,
            AnnualRevenueUsd = f.GetValueOrDefault("annualRevenue") as decimal?,
            Country = f.GetValueOrDefault("country") as string,
            Region = f.GetValueOrDefault("region") as string,
            ParentAccountId = f.GetValueOrDefault("parent") as string,
            OwnerId = f.GetValueOrDefault("owner") as string,
            Source = mapping.Source,
        });

    public void MapContacts(EntitySourceSpec source, CsvTable table, List<Mapped<Contact>> into) =>
        Map(source, table, EntityFields.Contact, into, (key, f) => new Contact
        {
            Id = key,
            AccountId = (string)f["account"]!,
            Name = (string)f["name"]!,
            Email = f.GetValueOrDefault("email") as string,
            Title = f.GetValueOrDefault("title") as string,
            Seniority = f.GetValueOrDefault("seniority") as Seniority? ?? Seniority.Other,
            BuyingRole = f.GetValueOrDefault("buyingRole") as BuyingRole? ?? BuyingRole.Unknown,
        });

    public void MapOpportunities(EntitySourceSpec source, CsvTable table, List<Mapped<Opportunity>> into) =>
        Map(source, table, EntityFields.Opportunity, into, (key, f) => new Opportunity
        {
            Id = key,
            AccountId = (string)f["account"]!,
            Name = f.GetValueOrDefault("name") as string,
            Stage = (OpportunityStage)f["stage"]!,
            Amount = f.GetValueOrDefault("amount") as decimal? ?? 0m,
            CreatedAt = (DateTimeOffset)f["createdAt"]!,
            ClosedAt = f.GetValueOrDefault("closedAt") as DateTimeOffset?,
            OwnerId = f.GetValueOrDefault("owner") as string,
            IsExpansion = f.GetValueOrDefault("isExpansion") as bool? ?? false,
            Source = mapping.Source,
        });

    public void MapEvents(EntitySourceSpec source, CsvTable table, List<Mapped<EngagementEvent>> into) =>
        Map(source, table, EntityFields.Event, into, (key, f) => new EngagementEvent
        {
            AccountId = (string)f["account"]!,
            Type = (string)f["type"]!,
            Function = (BusinessFunction)f["function"]!,
            OccurredAt = (DateTimeOffset)f["occurredAt"]!,
            ContactId = f.GetValueOrDefault("contact") as string,
            ActorId = f.GetValueOrDefault("actor") as string,
            Source = mapping.Source,
            SourceId = key,
            Quantity = f.GetValueOrDefault("quantity") as decimal?,
            Detail = f.GetValueOrDefault("detail") as string,
        });

    private void Map<T>(
        EntitySourceSpec source,
        CsvTable table,
        IReadOnlyDictionary<string, FieldDefinition> definitions,
        List<Mapped<T>> into,
        Func<string, Dictionary<string, object?>, T> create)
    {
        if (source.First is { } first)
        {
            MarkFirstInGroup(table, first);
        }

        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            if (!source.Where.All(condition => Holds(condition, row)))
            {
                continue;
            }

            var key = source.Key.Evaluate(row, context);
            if (key is null)
            {
                Error(row, source.Key, null, $"the key ({source.Key}) is empty; every row needs one");
                continue;
            }

            values.Clear();
            var valid = true;
            foreach (var (name, spec) in source.Fields)
            {
                valid &= TryField(row, definitions[name], spec, values);
            }

            if (valid)
            {
                into.Add(new Mapped<T>(create(key, values), row, source));
            }
        }
    }

    private bool TryField(CsvRow row, FieldDefinition definition, FieldSpec spec, Dictionary<string, object?> values)
    {
        var text = spec.Template.Evaluate(row, context);
        if (text is not null && spec.Map is not null)
        {
            if (spec.Map.TryGetValue(text, out var mapped))
            {
                text = mapped.Length == 0 ? null : mapped;
            }
            else if (spec.Unmapped == UnmappedValues.Error)
            {
                Error(row, spec.Template, text, $"field '{definition.Name}' has no mapping for this value; expected one of: {string.Join(", ", spec.Map.Keys)}");
                return false;
            }
            else if (spec.Unmapped == UnmappedValues.Empty)
            {
                text = null;
            }
        }

        text ??= spec.Default;
        if (text is null)
        {
            if (definition.Required)
            {
                Error(row, spec.Template, "", $"field '{definition.Name}' is required but the value is empty");
                return false;
            }

            values[definition.Name] = null;
            return true;
        }

        if (!FieldParser.TryParse(definition, spec, text, out var value, out var expected))
        {
            Error(row, spec.Template, text, $"field '{definition.Name}' expects {expected}");
            return false;
        }

        values[definition.Name] = value;
        return true;
    }

    private bool Holds(RowCondition condition, CsvRow row)
    {
        var value = condition.Value.Evaluate(row, context);
        return (condition.EqualsValue is null || string.Equals(value, condition.EqualsValue, StringComparison.Ordinal))
            && (condition.In is null || (value is not null && condition.In.Contains(value)))
            && (condition.NotIn is null || value is null || !condition.NotIn.Contains(value))
            && (condition.IsEmpty is null || condition.IsEmpty == (value is null));
    }

    private void MarkFirstInGroup(CsvTable table, FirstInGroupSpec first)
    {
        var groups = table.Rows.GroupBy(row => first.Group.Evaluate(row, context) ?? "", StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var ordered = group.Order(Comparer<CsvRow>.Create((a, b) => CompareRows(a, b, first.OrderBy))).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                ordered[i].SetVirtual("_first", i == 0 ? "true" : "false");
            }
        }
    }

    /// <summary>Compares rows column by column: numbers as numbers, anything else (such as ISO dates) as ordinal text.</summary>
    private static int CompareRows(CsvRow a, CsvRow b, IReadOnlyList<string> columns)
    {
        foreach (var column in columns)
        {
            var left = a.Get(column) ?? "";
            var right = b.Get(column) ?? "";
            var order = decimal.TryParse(left, NumberStyles.Number, CultureInfo.InvariantCulture, out var x)
                && decimal.TryParse(right, NumberStyles.Number, CultureInfo.InvariantCulture, out var y)
                ? x.CompareTo(y)
                : string.CompareOrdinal(left, right);
            if (order != 0)
            {
                return order;
            }
        }

        return a.Line.CompareTo(b.Line);
    }

    private void Error(CsvRow row, Template template, string? value, string message)
    {
        var column = template.Columns.FirstOrDefault();
        value ??= column is null ? null : row.Get(column);
        errors.Add(new ImportError(row.Table.Name, row.Line, column, value, message));
    }
}
