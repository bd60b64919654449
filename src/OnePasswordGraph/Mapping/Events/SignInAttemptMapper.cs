using OnePasswordGraph.Graph.Schema;
using OnePasswordGraph.Sources.Events.Records;
using static OnePasswordGraph.Graph.Schema.OnePasswordNodeTypes;
using static OnePasswordGraph.Graph.Schema.OnePasswordRelationshipTypes;

namespace OnePasswordGraph.Mapping.Events;

/// <summary>Sign-in attempts: the event and its target user (<c>PERFORMED</c>).</summary>
internal sealed class SignInAttemptMapper(string accountKey) : IEventMapper<SignInAttempt>
{
    public GraphChanges Map(IReadOnlyList<SignInAttempt> events, string apiVersion)
    {
        var graph = new EventGraphBuilder(accountKey);
        foreach (var attempt in events)
        {
            var properties = EventProperties.Common(
                $"{attempt.Category ?? "sign-in"} for {EventProperties.Who(attempt.TargetUser, attempt.TargetUser?.Uuid)}", attempt.Timestamp, apiVersion);
            properties["mspAccountUUID"] = attempt.AccountUuid;
            properties["sessionUUID"] = attempt.SessionUuid;
            properties["category"] = attempt.Category;
            properties["type"] = attempt.Type;
            properties["details"] = attempt.Details?.Value;
            properties["targetUserUUID"] = attempt.TargetUser?.Uuid;
            EventProperties.AddClient(properties, attempt.Client);
            EventProperties.AddLocation(properties, attempt.Location);

            // JupiterOne has one country on a sign-in attempt: the one 1Password attributes the attempt to, which
            // firewall rules match on; the geolocated one only when that is missing.
            properties["country"] = attempt.Country ?? attempt.Location?.Country;
            graph.Event(SignInAttemptEvent, attempt.Uuid, properties);

            if (graph.User(attempt.TargetUser, null, "one_password_signin_attempt_target_user") is { } user)
            {
                graph.Relate(UserPerformedSignInAttempt, user, attempt.Uuid);
            }
        }

        return graph.Build();
    }

    public DateTimeOffset TimestampOf(SignInAttempt item) => item.Timestamp.Value;

    public string UuidOf(SignInAttempt item) => item.Uuid;
}
