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

    private static readonly IReadOnlySet<string> EmptyLabels = new HashSet<string>();

    public static void Validate(GraphSchema schema, GraphChanges changes, GraphEntity? checkpoint)
    {
        // Runs for every page: the problem texts are built only for the changes that have a problem.
        var problems = new List<string>();
        foreach (var entity in checkpoint is null ? changes.Entities : changes.Entities.Append(checkpoint))
        {
            if (!schema.Declares(entity.Type))
            {
                problems.Add($"{Describe(entity)}: the node type is not declared in the graph schema");
                continue;
            }

            if (string.IsNullOrEmpty(entity.Key))
            {
                problems.Add($"{entity.Type.Type}: a node has an empty _key");
            }

            foreach (var label in entity.RoleLabels ?? EmptyLabels)
            {
                if (!entity.Type.RoleLabels.Contains(label))
                {
                    problems.Add($"{Describe(entity)}: role label '{label}' is not declared for {entity.Type.Type}");
                }
            }

            foreach (var problem in PropertyProblems(entity.Properties, entity.Type.Properties))
            {
                problems.Add($"{Describe(entity)}: {problem}");
            }
        }

        foreach (var relationship in changes.Relationships)
        {
            if (!schema.Declares(relationship.Type))
            {
                problems.Add($"{Describe(relationship)}: the relationship type is not declared in the graph schema");
                continue;
            }

            if (string.IsNullOrEmpty(relationship.FromKey) || string.IsNullOrEmpty(relationship.ToKey))
            {
                problems.Add($"{Describe(relationship)}: an end key is empty");
            }

            foreach (var problem in PropertyProblems(relationship.Properties, relationship.Type.Properties))
            {
                problems.Add($"{Describe(relationship)}: {problem}");
            }
        }

        // Only item-usage pages carry aggregates; the other streams' pages need no record index.
        var refreshes = changes.AggregateRefreshes ?? [];
        var records = refreshes.Count == 0 ? [] : changes.Entities.Select(e => (e.Type.Type, e.Key)).ToHashSet();
        foreach (var refresh in refreshes)
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

            // Declared types are one per name (checked above), so the name identifies the record's type.
            if (!records.Contains((refresh.Aggregate.Inbound.To.Type, refresh.RecordKey)))
            {
                problems.Add($"aggregate {type.Type}: its record '{refresh.RecordKey}' is not a {refresh.Aggregate.Inbound.To.Type} of the same changes");
            }
        }

        if (problems.Count > 0)
        {
            throw new GraphValidationException(problems);
        }
    }

    private static string Describe(GraphEntity entity) => $"{entity.Type.Type} '{entity.Key}'";

    private static string Describe(GraphRelationship relationship) => $"{relationship.Type.Type} '{relationship.FromKey}'->'{relationship.ToKey}'";

    private static IEnumerable<string> PropertyProblems(IReadOnlyDictionary<string, object?> properties, IReadOnlyList<PropertyDefinition> declared)
    {
        foreach (var (name, value) in properties)
        {
            if (WriterManaged.Contains(name))
            {
                yield return $"property '{name}' is maintained by the writer and cannot be set";
            }
            else if (PropertyDefinition.Find(declared, name) is not { } definition)
            {
                yield return $"property '{name}' is not declared";
            }
            else if (value is not null && !Fits(definition.Kind, value))
            {
                yield return $"property '{name}' must be {Describe(definition.Kind)}, not {value.GetType().Name}";
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
