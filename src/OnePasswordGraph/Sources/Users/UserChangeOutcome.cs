namespace OnePasswordGraph.Sources.Users;

/// <summary>How a suspend or reactivate call ended when it did not fail.</summary>
public enum UserChangeOutcome
{
    /// <summary>The API applied it (also when the user already was in that state: the calls are idempotent).</summary>
    Applied,

    /// <summary>
    /// The API refused it for a documented reason it will keep giving: the user is an externally managed admin, or
    /// the account's last owner. Retrying cannot help.
    /// </summary>
    Refused,
}
