using OnePasswordGraph.Sources.Users.Records;

namespace OnePasswordGraph.Sources.Users;

/// <summary>The result of a suspend or reactivate: the user as the API returned it, or why it refused.</summary>
public sealed record UserChangeResult(UserChangeOutcome Outcome, OnePasswordUser? User, string? Refusal)
{
    public static UserChangeResult Applied(OnePasswordUser user) => new(UserChangeOutcome.Applied, user, null);

    public static UserChangeResult Refused(string reason) => new(UserChangeOutcome.Refused, null, reason);
}
