using System.Globalization;
using OnePasswordGraph.Graph.Schema;
using static OnePasswordGraph.Graph.Internal.Cypher;
using static OnePasswordGraph.Graph.Schema.OnePasswordNodeTypes;
using static OnePasswordGraph.Graph.Schema.OnePasswordRelationshipTypes;

namespace OnePasswordGraph.Graph.Response;

/// <summary>
/// The graph side of responding to findings: finding the user a finding flags, counting recent automated actions for
/// the hourly cap (in the graph, so the cap holds across restarts and workers), and recording every action with its
/// finding and user.
/// </summary>
public sealed class ResponseActions
{
    /// <summary>The <c>requestedBy</c> of actions the suspend-user response takes.</summary>
    public const string Automated = "suspend-user";

    internal static readonly string UserQuery =
        $"MATCH (u:{Name(User.Type)} {{{Property(User, GraphProperties.Key)}: $key}}) "
        + $"RETURN u.{Property(User, "userUUID")} AS uuid, u.{Property(User, "email")} AS email, u.{Property(User, GraphProperties.Account)} AS account";

    internal static readonly string AccountUuidQuery =
        $"MATCH (a:{Name(Account.Type)} {{{Property(Account, GraphProperties.Key)}: $account}}) RETURN a.{Property(Account, "accountUUID")} AS uuid";

    internal static readonly string CountQuery =
        $"MATCH (a:{Name(ResponseAction.Type)}) "
        + $"WHERE a.{Property(ResponseAction, "requestedOn")} >= $since AND a.{Property(ResponseAction, "requestedBy")} = $requestedBy "
        + $"AND a.{Property(ResponseAction, "result")} IN $results "
        + "RETURN count(a) AS actions";

    private readonly ICypherRunner _runner;
    private readonly GraphWriter _writer;

    public ResponseActions(ICypherRunner runner, GraphWriter writer)
    {
        _runner = runner;
        _writer = writer;
    }

    /// <summary>Finds the user node keyed <paramref name="key"/>; null when the key is not a user's.</summary>
    public async Task<TargetUser?> FindUserAsync(string key, CancellationToken cancellationToken)
    {
        var result = (await _runner.RunAsync([new CypherStatement(UserQuery, new Dictionary<string, object?> { ["key"] = key })], cancellationToken).ConfigureAwait(false))[0];
        return result.Rows.Count == 0 ? null : new TargetUser(result.Value(0, "uuid") as string ?? key, result.Value(0, "email") as string, result.Value(0, "account") as string);
    }

    /// <summary>Reads the 1Password account uuid the <c>account</c> step stored from the Events token's introspection.</summary>
    public async Task<string?> AccountUuidAsync(string account, CancellationToken cancellationToken)
    {
        var result = (await _runner.RunAsync([new CypherStatement(AccountUuidQuery, new Dictionary<string, object?> { ["account"] = account })], cancellationToken).ConfigureAwait(false))[0];
        return result.Rows.Count == 0 ? null : result.Value(0, "uuid") as string;
    }

    /// <summary>Counts the users the response suspended (or, in a dry run, would have) since <paramref name="since"/>, in every account.</summary>
    public async Task<long> CountAutomatedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, object?>
        {
            ["since"] = since.ToUnixTimeMilliseconds(),
            ["requestedBy"] = Automated,
            ["results"] = ResponseResults.Counted.ToList(),
        };
        return (await _runner.RunAsync([new CypherStatement(CountQuery, parameters)], cancellationToken).ConfigureAwait(false))[0].SingleLong("actions");
    }

    /// <summary>Records <paramref name="action"/>, linked to its user and, when it has one, to its finding.</summary>
    public Task RecordAsync(ResponseActionRecord action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var properties = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["name"] = string.Create(CultureInfo.InvariantCulture, $"{action.Action} {action.TargetUserUuid}: {action.Result}"),
            ["displayName"] = string.Create(CultureInfo.InvariantCulture, $"{action.Action} {action.TargetUserUuid}: {action.Result}"),
            ["action"] = action.Action,
            ["result"] = action.Result,
            ["error"] = action.Error,
            ["dryRun"] = action.DryRun,
            ["targetUserUUID"] = action.TargetUserUuid,
            ["requestedOn"] = action.RequestedOn.ToUnixTimeMilliseconds(),
            ["ruleId"] = action.RuleId,
            ["findingFingerprint"] = action.FindingFingerprint,
            ["requestedBy"] = action.RequestedBy,
        };
        var none = new Dictionary<string, object?>();
        List<GraphRelationship> relationships = [new(ResponseActionImpactsUser, action.Key, action.TargetUserUuid, none)];
        if (action.FindingFingerprint is { } fingerprint)
        {
            relationships.Add(new GraphRelationship(AlertTriggeredResponseAction, fingerprint, action.Key, none));
        }

        return _writer.WriteAsync(new GraphChanges([new GraphEntity(ResponseAction, action.Key, properties)], relationships), new GraphWriteContext(action.Account), cancellationToken);
    }
}
