using System.Globalization;
using OnePasswordGraph.Graph.Schema;
using static OnePasswordGraph.Graph.Internal.Cypher;
using static OnePasswordGraph.Graph.Schema.OnePasswordNodeTypes;
using static OnePasswordGraph.Graph.Schema.OnePasswordRelationshipTypes;

namespace OnePasswordGraph.Graph.Response;

/// <summary>
/// The graph side of responding to findings: finding the user a finding flags, reserving a place under the hourly cap
/// before an automated action (in the graph, so the cap holds across restarts, workers and accounts synced at once),
/// and recording every action with its finding and user.
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

    // The sync-state node that holds the cap's reservations belongs to no account: the cap is shared by all of them.
    private const string CapStream = "suspend-user-cap";
    private const string CapKey = "*:" + CapStream;

    // Writing the node first takes its write lock until commit, so reservations are decided one at a time and each sees
    // the ones before it (the lease's pattern). Reservations are "<epoch ms> <id>" strings; those older than $since
    // drop out. The actions recorded in the window count too, so the cap holds over actions recorded before
    // reservations existed.
    internal static readonly string ReserveQuery =
        $"MERGE (c:{Name(SyncState.Type)} {{{Property(SyncState, GraphProperties.Key)}: $key}})\n"
        + $"ON CREATE SET c.{Property(SyncState, GraphProperties.Type)} = $type, c.{Property(SyncState, "stream")} = $stream, c.{Property(SyncState, GraphProperties.FirstSeenOn)} = $now\n"
        + $"SET c.{Property(SyncState, "updatedOn")} = $now\n"
        + $"WITH c, [r IN coalesce(c.{Property(SyncState, "reservations")}, []) WHERE toInteger(split(r, ' ')[0]) >= $since] AS reserved\n"
        + $"OPTIONAL MATCH (a:{Name(ResponseAction.Type)})\n"
        + $"WHERE a.{Property(ResponseAction, "requestedOn")} >= $since AND a.{Property(ResponseAction, "requestedBy")} = $requestedBy "
        + $"AND a.{Property(ResponseAction, "result")} IN $results\n"
        + "WITH c, reserved, count(a) AS recorded\n"
        + "WITH c, reserved, CASE WHEN size(reserved) > recorded THEN size(reserved) ELSE recorded END AS taken\n"
        + $"SET c.{Property(SyncState, "reservations")} = CASE WHEN taken < $cap THEN reserved + $reservation ELSE reserved END\n"
        + "RETURN taken < $cap AS granted, taken";

    internal static readonly string ReleaseQuery =
        $"MATCH (c:{Name(SyncState.Type)} {{{Property(SyncState, GraphProperties.Key)}: $key}})\n"
        + $"SET c.{Property(SyncState, "reservations")} = [r IN coalesce(c.{Property(SyncState, "reservations")}, []) WHERE r <> $reservation]\n"
        + "RETURN count(c) AS released";

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

    /// <summary>
    /// Takes one of the <paramref name="cap"/> places of the hour before <paramref name="now"/>, in every account,
    /// unless they are all taken by earlier reservations or by users the response suspended (or, in a dry run, would
    /// have). A granted reservation counts until it is an hour old or <see cref="ReleaseAsync"/> gives it back.
    /// </summary>
    public async Task<CapReservation> ReserveAsync(int cap, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reservation = string.Create(CultureInfo.InvariantCulture, $"{now.ToUnixTimeMilliseconds()} {Guid.NewGuid():N}");
        var parameters = new Dictionary<string, object?>
        {
            ["key"] = CapKey,
            ["type"] = SyncState.Type,
            ["stream"] = CapStream,
            ["now"] = now.ToUnixTimeMilliseconds(),
            ["since"] = now.AddHours(-1).ToUnixTimeMilliseconds(),
            ["requestedBy"] = Automated,
            ["results"] = ResponseResults.Counted.ToList(),
            ["cap"] = cap,
            ["reservation"] = reservation,
        };
        var result = (await _runner.RunAsync([new CypherStatement(ReserveQuery, parameters)], cancellationToken).ConfigureAwait(false))[0];
        return new CapReservation(result.Value(0, "granted") is true, result.SingleLong("taken"), reservation);
    }

    /// <summary>Gives a reservation back: the action it was taken for suspended nobody (refused, failed, not possible).</summary>
    public Task ReleaseAsync(CapReservation reservation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        var parameters = new Dictionary<string, object?> { ["key"] = CapKey, ["reservation"] = reservation.Id };
        return _runner.RunAsync([new CypherStatement(ReleaseQuery, parameters)], cancellationToken);
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
