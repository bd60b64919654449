using OnePasswordGraph.Graph.Schema;
using OnePasswordGraph.Sources.Users.Records;
using static OnePasswordGraph.Graph.Schema.OnePasswordNodeTypes;
using static OnePasswordGraph.Graph.Schema.OnePasswordRelationshipTypes;

namespace OnePasswordGraph.Mapping.Users;

/// <summary>
/// People from the Users API onto the same <c>one_password_user</c> nodes the events create (keyed by the user
/// uuid), with <c>(account)-[:HAS]->(user)</c>. Pure: users in, graph records out.
/// </summary>
public static class UserMapper
{
    private static readonly IReadOnlyDictionary<string, object?> NoProperties = new Dictionary<string, object?>();

    public static GraphChanges Users(string accountKey, IReadOnlyList<OnePasswordUser> users)
    {
        ArgumentNullException.ThrowIfNull(users);
        var listed = users.Where(u => !string.IsNullOrEmpty(u.Id)).ToList();
        return new GraphChanges(
            [.. listed.Select(user => new GraphEntity(User, user.Id, new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["userUUID"] = user.Id,
                ["email"] = user.Email,
                ["name"] = user.DisplayName,
                ["displayName"] = user.DisplayName,
                ["state"] = State(user.State),
                ["createdOn"] = user.CreateTime?.ToUnixTimeMilliseconds(),
            }))],
            [.. listed.Select(user => new GraphRelationship(AccountHasUser, accountKey, user.Id, NoProperties))]);
    }

    /// <summary>Gets the graph's word for a Users API state: <c>active</c> or <c>suspended</c>, anything else as sent.</summary>
    public static string? State(string? state) => state switch
    {
        "ACTIVE" => "active",
        "SUSPENDED" => "suspended",
        _ => state,
    };
}
