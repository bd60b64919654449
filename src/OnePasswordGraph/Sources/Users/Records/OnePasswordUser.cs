namespace OnePasswordGraph.Sources.Users.Records;

/// <summary>A person of the account as the Users API describes them.</summary>
/// <param name="Id">The user's uuid: the same uuid the Events API names the user by.</param>
/// <param name="Email">The user's email.</param>
/// <param name="DisplayName">The user's name.</param>
/// <param name="State"><c>ACTIVE</c>, <c>SUSPENDED</c> or <c>STATE_UNSPECIFIED</c>; other values are kept as sent.</param>
/// <param name="CreateTime">When the user joined the account.</param>
/// <param name="Path"><c>accounts/{account_id}/users/{user_id}</c>.</param>
public sealed record OnePasswordUser(string Id, string? Email, string? DisplayName, string? State, DateTimeOffset? CreateTime, string? Path);
