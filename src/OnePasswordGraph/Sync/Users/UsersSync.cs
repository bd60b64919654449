using Microsoft.Extensions.Logging;
using OnePasswordGraph.Graph;
using OnePasswordGraph.Graph.Jobs;
using OnePasswordGraph.Graph.Schema;
using OnePasswordGraph.Mapping.Users;
using OnePasswordGraph.Resilience;
using OnePasswordGraph.Sources.Events;
using OnePasswordGraph.Sources.Users;
using OnePasswordGraph.Sync.Internal;
using OnePasswordGraph.Sync.Steps;

namespace OnePasswordGraph.Sync.Users;

/// <summary>
/// The people of one account from the Users API: every page of <c>ListUsers</c> is written onto the user nodes, stamped
/// with the run id, as is the account's membership of each (<c>(account)-[:HAS]->(user)</c>); only after the last page
/// arrived do memberships the listing did not renew end, and a person no account lists any more is marked inactive
/// (<c>active = false</c>, <c>deletedOn</c>), never deleted. A page that fails (after the retry policy) ends the step
/// with nobody marked.
/// </summary>
internal sealed class UsersSync(IUsersClient client, UsersSettings settings, GraphWriter writer, StaleInventoryCleaner cleaner, TransientRetry retry, ILogger logger)
{
    public async Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var account = context.Account.Name;
        var accountId = AccountId(settings, context.Get<EventsIntrospection>());
        var write = new GraphWriteContext(account, context.RunId);
        long listed = 0;
        string? pageToken = null;
        do
        {
            var token = pageToken;
            var page = await retry.ExecuteAsync(t => client.ListUsersAsync(accountId, token, settings.PageSize, null, t), cancellationToken).ConfigureAwait(false);
            var users = page.Results ?? [];
            await writer.WriteAsync(UserMapper.Users(account, users), write, cancellationToken).ConfigureAwait(false);
            listed += users.Count;
            pageToken = string.IsNullOrEmpty(page.NextPageToken) ? null : page.NextPageToken;
        }
        while (pageToken is not null);

        var gone = await cleaner.EndStaleMembershipsAsync(OnePasswordRelationshipTypes.AccountHasUser, account, context.RunId, cancellationToken).ConfigureAwait(false);
        SyncLog.InventoryCleaned(logger, account, OnePasswordNodeTypes.User.Type, gone, 0);
        return new StepOutcome(new Dictionary<string, long>
        {
            [OnePasswordNodeTypes.User.Type] = listed,
            ["no longer listed " + OnePasswordNodeTypes.User.Type] = gone,
        });
    }

    /// <summary>Gets the account id the Users API paths name: configured, or the Events token's account.</summary>
    public static string AccountId(UsersSettings settings, EventsIntrospection? introspection) =>
        settings.AccountId ?? introspection?.AccountUuid
        ?? throw new InvalidOperationException("The Users API needs the 1Password account id, and the Events token's introspection did not give one (it failed, or the Events API is older than 1.4.1); set OnePassword:Users:AccountId.");
}
