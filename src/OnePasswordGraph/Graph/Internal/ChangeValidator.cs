using OnePasswordGraph.Graph.Schema;

namespace OnePasswordGraph.Graph.Internal;

/// <summary>
/// Checks changes against the declarations before any Cypher is built: only declared types, role labels and
/// properties, values of the declared kind, and none of the properties the writer maintains itself. Undeclared
/// properties are refused rather than dropped, so a secret can never slip into the graph under a new name.
/// </summary>
internal static class ChangeValidator
{
    private static readonly HashSet<string> WriterManaged = new(StringComparer.Ordinal)
    {
        GraphProperties.Key, GraphProperties.Type, GraphProperties.Class, GraphProperties.Account, GraphProperties.FirstSeenOn,
        GraphProperties.LastSeenOn, GraphProperties.Placeholder, GraphProperties.SyncTag, GraphProperties.Active, GraphProperties.DeletedOn,
    };

    public static void Validate(GraphSchema schema, GraphChanges changes, GraphEntity? checkpoint)
    {
        var problems = new List<string>();
        foreach (var entity in checkpoint is null ? changes.Entities : changes.Entities.Append(checkpoint))
        {
            var where = $"{entity.Type.Type} '{entity.Key}'";
            if (!schema.Declares(entity.Type))
            {
                problems.Add($"{where}: the node type is not declared in the graph schema");
                continue;
            }

            if (string.IsNullOrEmpty(entity.Key))
            {
                problems.Add($"{entity.Type.Type}: a node has an empty _key");
            }

            problems.AddRange((entity.RoleLabels ?? new HashSet<string>()).Where(l => !entity.Type.RoleLabels.Contains(l))
                .Select(l => $"{where}: role label '{l}' is not declared for {entity.Type.Type}"));
            CheckProperties(where, entity.Properties, entity.Type.Property, problems);
        }

        foreach (var relationship in changes.Relationships)
        {
            var where = $"{relationship.Type.Type} '{relationship.FromKey}'->'{relationship.ToKey}'";
            if (!schema.Declares(relationship.Type))
            {
                problems.Add($"{where}: the relationship type is not declared in the graph schema");
                continue;
            }

            if (string.IsNullOrEmpty(relationship.FromKey) || string.IsNullOrEmpty(relationship.ToKey))
            {
                problems.Add($"{where}: an end key is empty");
            }

            CheckProperties(where, relationship.Properties, relationship.Type.Property, problems);
        }

        var records = changes.Entities.Select(e => (e.Type, e.Key)).ToHashSet();
        foreach (var refresh in changes.AggregateRefreshes ?? [])
        {
            var type = refresh.Aggregate.Relationship;
            if (!schema.Declares(type) || !schema.Declares(refresh.Aggregate.Inbound) || !schema.Declares(refresh.Aggregate.Outbound))
            {
                problems.Add($"aggregate {type.Type}: its relationship types are not this schema's declarations");
            }

            if (string.IsNullOrEmpty(refresh.FromKey) || string.IsNullOrEmpty(refresh.ToKey))
            {
                problems.Add($"aggregate {type.Type}: an end key is empty");
            }

            if (!records.Contains((refresh.Aggregate.Inbound.To, refresh.RecordKey)))
            {
                problems.Add($"aggregate {type.Type}: its record '{refresh.RecordKey}' is not a {refresh.Aggregate.Inbound.To.Type} of the same changes");
            }
        }

        if (problems.Count > 0)
        {
            throw new GraphValidationException(problems);
        }
    }

    private static void CheckProperties(
        string where, IReadOnlyDictionary<string, object?> properties, Func<string, PropertyDefinition?> declared, List<string> problems)
    {
        foreach (var (name, value) in properties)
        {
            if (WriterManaged.Contains(name))
            {
                problems.Add($"{where}: property '{name}' is maintained by the writer and cannot be set");
            }
            else if (declared(name) is not { } definition)
            {
                problems.Add($"{where}: property '{name}' is not declared");
            }
            else if (value is not null && !Fits(definition.Kind, value))
            {
                problems.Add($"{where}: property '{name}' must be {Describe(definition.Kind)}, not {value.GetType().Name}");
            }
        }
    }

    private static bool Fits(PropertyKind kind, object value) => kind switch
    {
        PropertyKind.String => value is string,
        PropertyKind.Integer => value is long or int,
        PropertyKind.Float => value is double or float or long or int,
        PropertyKind.Boolean => value is bool,
        PropertyKind.StringList => value is IEnumerable<string?> list && list.All(item => item is not null),
        _ => false,
    };

    private static string Describe(PropertyKind kind) => kind switch
    {
        PropertyKind.String => "a string",
        PropertyKind.Integer => "an integer",
        PropertyKind.Float => "a number",
        PropertyKind.Boolean => "a boolean",
        _ => "a list of strings",
    };
}
