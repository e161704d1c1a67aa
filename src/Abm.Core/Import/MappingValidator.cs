namespace Abm.Core.Import;

/// <summary>
/// Checks a mapping against the files on disk before any row is read: files exist, every
/// column a template names is in its file's header, fields are known, required fields are
/// mapped, pipes and their tables and maps exist, and constant values parse.
/// </summary>
internal sealed class MappingValidator(ImportMapping mapping, string baseDirectory)
{
    private readonly List<ImportError> _errors = [];
    private readonly Dictionary<string, IReadOnlyList<string>?> _headers = new(StringComparer.Ordinal);

    public List<ImportError> Validate()
    {
        foreach (var (name, table) in mapping.Tables)
        {
            var header = Header(table.File, optional: false, $"tables.{name}");
            if (header is not null && !header.Contains(table.Key))
            {
                Error($"tables.{name}.key", $"column '{table.Key}' is not in {table.File}; its columns are: {string.Join(", ", header)}");
            }
        }

        Sources(mapping.People, EntityFields.Person);
        Sources(mapping.Accounts, EntityFields.Account);
        Sources(mapping.Contacts, EntityFields.Contact);
        Sources(mapping.Opportunities, EntityFields.Opportunity);
        Sources(mapping.Events, EntityFields.Event);
        if (mapping.People.Count + mapping.Accounts.Count + mapping.Contacts.Count + mapping.Opportunities.Count + mapping.Events.Count == 0)
        {
            Error("", "maps no entities; add at least one of people, accounts, contacts, opportunities or events");
        }

        return _errors;
    }

    public string Resolve(string file) => Path.GetFullPath(Path.Combine(baseDirectory, file));

    private void Sources(IReadOnlyList<EntitySourceSpec> sources, IReadOnlyDictionary<string, FieldDefinition> definitions)
    {
        foreach (var source in sources)
        {
            var header = Header(source.File, source.Optional, source.Path);
            if (header is null)
            {
                continue;
            }

            var columns = new HashSet<string>(header, StringComparer.Ordinal);
            if (source.First is not null)
            {
                columns.Add("_first");
                Template(source.First.Group, columns, source, $"{source.Path}.first.group");
                foreach (var column in source.First.OrderBy.Where(c => !columns.Contains(c)))
                {
                    Error($"{source.Path}.first.orderBy", $"column '{column}' is not in {source.File}");
                }
            }

            Template(source.Key, columns, source, $"{source.Path}.key");
            foreach (var condition in source.Where)
            {
                Template(condition.Value, columns, source, $"{source.Path}.where");
            }

            foreach (var (name, spec) in source.Fields)
            {
                if (!definitions.TryGetValue(name, out var definition))
                {
                    Error($"{source.Path}.fields.{name}", $"is not a known field; use one of: {string.Join(", ", definitions.Keys)}");
                    continue;
                }

                Template(spec.Template, columns, source, $"{source.Path}.fields.{name}");
                CheckConstants(definition, spec, $"{source.Path}.fields.{name}");
            }

            foreach (var required in definitions.Values.Where(d => d.Required && !source.Fields.ContainsKey(d.Name)))
            {
                Error($"{source.Path}.fields", $"does not map the required field '{required.Name}'");
            }

            if (source.Enrich is { } enrich && Header(enrich.File, optional: false, $"{source.Path}.enrich") is { } enrichHeader)
            {
                foreach (var missing in Enrichers.RequiredColumns(enrich.Feature).Where(c => !enrichHeader.Contains(c)))
                {
                    Error($"{source.Path}.enrich", $"column '{missing}' is not in {enrich.File}");
                }
            }
        }
    }

    /// <summary>Parses constants and map targets now, so a typo such as 'marketting' fails before any row is read.</summary>
    private void CheckConstants(FieldDefinition definition, FieldSpec spec, string path)
    {
        var candidates = new List<string>();
        if (spec.Map is not null)
        {
            candidates.AddRange(spec.Map.Values.Where(v => v.Length > 0));
        }
        else if (spec.Template.IsConstant && spec.Template.Text.Length > 0)
        {
            candidates.Add(spec.Template.Text);
        }

        if (spec.Default is not null)
        {
            candidates.Add(spec.Default);
        }

        foreach (var candidate in candidates.Distinct())
        {
            if (!FieldParser.TryParse(definition, spec, candidate, out _, out var expected))
            {
                Error(path, $"value '{candidate}' is not valid; expected {expected}");
            }
        }
    }

    private void Template(Template template, HashSet<string> columns, EntitySourceSpec source, string path)
    {
        foreach (var column in template.Columns.Where(c => !columns.Contains(c)))
        {
            Error(path, $"column '{column}' is not in {source.File}; its columns are: {string.Join(", ", columns.Where(c => c != "_first"))}");
        }

        foreach (var pipe in template.Pipes)
        {
            if (!TemplateContext.PipeArity.TryGetValue(pipe.Name, out var arity))
            {
                Error(path, $"pipe '{pipe.Name}' is not known; use one of: {string.Join(", ", TemplateContext.PipeArity.Keys)}");
                continue;
            }

            if (pipe.Arguments.Length != arity)
            {
                Error(path, $"pipe '{pipe.Name}' takes {arity} argument(s) separated by ':', not {pipe.Arguments.Length}");
                continue;
            }

            if (pipe.Name == "map" && !mapping.ValueMaps.ContainsKey(pipe.Arguments[0]))
            {
                Error(path, $"value map '{pipe.Arguments[0]}' is not defined under valueMaps");
            }

            if (pipe.Name == "lookup")
            {
                if (!mapping.Tables.TryGetValue(pipe.Arguments[0], out var table))
                {
                    Error(path, $"table '{pipe.Arguments[0]}' is not defined under tables");
                }
                else if (Header(table.File, optional: false, path) is { } header && !header.Contains(pipe.Arguments[1]))
                {
                    Error(path, $"column '{pipe.Arguments[1]}' is not in {table.File}");
                }
            }
        }
    }

    /// <summary>Returns the file's header, or null when the file is missing (an error unless optional).</summary>
    private IReadOnlyList<string>? Header(string file, bool optional, string path)
    {
        var full = Resolve(file);
        if (_headers.TryGetValue(full, out var cached))
        {
            return cached;
        }

        IReadOnlyList<string>? header = null;
        if (File.Exists(full))
        {
            header = CsvTable.ReadHeader(full);
        }
        else if (!optional)
        {
            _errors.Add(new ImportError(mapping.Name, 0, null, null, $"{path} file '{file}' was not found at {full}; check --dir or the path in the mapping"));
        }

        _headers[full] = header;
        return header;
    }

    private void Error(string path, string message) =>
        _errors.Add(new ImportError(mapping.Name, 0, null, null, path.Length == 0 ? message : $"{path} {message}"));
}
