using OnePasswordGraph.Simulator.Connect;
using OnePasswordGraph.Simulator.Events;
using OnePasswordGraph.Simulator.Scenario;
using OnePasswordGraph.Simulator.Users;

namespace OnePasswordGraph.Simulator;

/// <summary>
/// One simulated 1Password account on loopback: the Events API, a Connect server and the Users API describing the same
/// seeded scenario, each with a token (or OAuth client) that sees everything. What <c>simulator</c> serves and <c>demo</c> syncs.
/// </summary>
public sealed class SimulatedAccount : IAsyncDisposable
{
    private SimulatedAccount(ScenarioInventory inventory, ScenarioActivity activity, EventsSimulator events, ConnectSimulator connect, UsersSimulator users, SimulatorTokens? tokens, DateTimeOffset now)
    {
        Users = users;
        (UsersClientId, UsersClientSecret) = users.AddClient(tokens?.UsersClientId, tokens?.UsersClientSecret);
        Inventory = inventory;
        Activity = activity;
        Events = events;
        Connect = connect;
        if (tokens?.Events is { } eventsToken)
        {
            events.AddToken(new SimulatedToken(eventsToken, ["auditevents", "itemusages", "signinattempts"], inventory.AccountUuid, "OY3SBJ6HNVFUZB7XOYUVZ4KNXE", now));
            EventsToken = eventsToken;
        }
        else
        {
            EventsToken = events.AddToken(accountUuid: inventory.AccountUuid).Token;
        }

        if (tokens?.Connect is { } connectToken)
        {
            connect.AcceptToken(connectToken);
            ConnectToken = connectToken;
        }
        else
        {
            ConnectToken = connect.AddToken();
        }
    }

    public ScenarioInventory Inventory { get; }

    public ScenarioActivity Activity { get; }

    public EventsSimulator Events { get; }

    public ConnectSimulator Connect { get; }

    public UsersSimulator Users { get; }

    /// <summary>Gets the client id of a simulated Users API OAuth application.</summary>
    public string UsersClientId { get; }

    /// <summary>Gets that application's client secret (simulated, not a 1Password secret).</summary>
    public string UsersClientSecret { get; }

    /// <summary>Gets a simulated Events API token (not a 1Password token).</summary>
    public string EventsToken { get; }

    /// <summary>Gets a simulated Connect token granted every vault (not a 1Password token).</summary>
    public string ConnectToken { get; }

    /// <summary>
    /// Generates the scenario for <paramref name="seed"/> and <paramref name="purpose"/> (see <see cref="ScenarioPurpose"/>:
    /// two purposes never share an identifier) with <paramref name="eventCount"/> events over <paramref name="span"/>
    /// ending at <paramref name="now"/>, and serves it.
    /// </summary>
    public static Task<SimulatedAccount> StartAsync(
        int seed, string purpose, int eventCount, TimeSpan span, DateTimeOffset now, int eventsPort, int connectPort, CancellationToken cancellationToken) =>
        StartAsync(seed, purpose, eventCount, span, now, eventsPort, connectPort, usersPort: 0, tokens: null, cancellationToken);

    /// <summary>Starts the account as above, with the Users API on <paramref name="usersPort"/>, accepting the given <paramref name="tokens"/> instead of minting new ones.</summary>
    public static async Task<SimulatedAccount> StartAsync(
        int seed, string purpose, int eventCount, TimeSpan span, DateTimeOffset now, int eventsPort, int connectPort, int usersPort, SimulatorTokens? tokens, CancellationToken cancellationToken)
    {
        var inventory = InventoryGenerator.Generate(seed, now: now, purpose: purpose);
        var activity = ActivityGenerator.Generate(inventory, seed, eventCount, span, now, purpose);
        var events = await EventsSimulator.StartAsync(new EventsSimulatorOptions { Port = eventsPort }, cancellationToken).ConfigureAwait(false);
        try
        {
            events.Append(activity.Events);
            var connect = await ConnectSimulator.StartAsync(inventory, connectPort, cancellationToken).ConfigureAwait(false);
            try
            {
                var users = await UsersSimulator.StartAsync(inventory, new UsersSimulatorOptions { Port = usersPort }, cancellationToken).ConfigureAwait(false);
                return new SimulatedAccount(inventory, activity, events, connect, users, tokens, now);
            }
            catch
            {
                await connect.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
        catch
        {
            await events.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Users.DisposeAsync().ConfigureAwait(false);
        await Connect.DisposeAsync().ConfigureAwait(false);
        await Events.DisposeAsync().ConfigureAwait(false);
    }
}
