using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using OnePasswordGraph.Simulator.Events;
using OnePasswordGraph.Simulator.Scenario;

namespace OnePasswordGraph.Simulator.Users;

/// <summary>
/// The 1Password Users API (v1beta1) on loopback for a scenario's people, following the documented protocol: OAuth 2.0
/// client credentials (HTTP Basic client authentication, form bodies, opaque tokens living 900 s by the simulator's
/// clock, revocation), bearer checks and a <c>User-Agent</c> on resource calls, <c>ListUsers</c> paging with
/// <c>max_page_size</c> (default 25, at most 1000) and <c>page_token</c>, the two documented filters, get, suspend and
/// reactivate, and the refusals to suspend an externally managed admin or the last owner. Where the documentation is
/// silent (token response, error bodies) it answers the standard way: RFC 6749 on the OAuth endpoints, Google API
/// style <c>{"code","message","details"}</c> elsewhere, with the gRPC-to-HTTP status mapping.
/// </summary>
public sealed partial class UsersSimulator : IAsyncDisposable
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 1000;
    private const string Prefix = "/v1beta1/";

    private readonly WebApplication _app;
    private readonly UsersSimulatorOptions _options;
    private readonly object _gate = new();
    private readonly Dictionary<string, string> _clients = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RequestRecord> _requests = new();
    private readonly ConcurrentQueue<string> _revoked = new();
    private List<SimulatedUser> _users;
    private bool _failFollowingPages;

    private UsersSimulator(WebApplication app, string accountId, IEnumerable<SimulatedUser> users, UsersSimulatorOptions options)
    {
        _app = app;
        AccountId = accountId;
        _users = [.. users];
        _options = options;
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Gets the account id the API paths must name (the scenario's account uuid).</summary>
    public string AccountId { get; }

    public IReadOnlyList<RequestRecord> Requests => [.. _requests];

    /// <summary>Gets how many access tokens were issued.</summary>
    public int TokensIssued { get; private set; }

    /// <summary>Gets the access tokens revoked through the revoke endpoint (simulated tokens, never 1Password ones).</summary>
    public IReadOnlyList<string> Revoked => [.. _revoked];

    public IReadOnlyList<SimulatedUser> Users
    {
        get
        {
            lock (_gate)
            {
                return [.. _users];
            }
        }
    }

    /// <summary>
    /// Serves <paramref name="inventory"/>'s people: the first is the account's only owner, the second an externally
    /// managed admin, and the last is suspended; the rest are active members.
    /// </summary>
    public static Task<UsersSimulator> StartAsync(ScenarioInventory inventory, UsersSimulatorOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(options);
        var joined = options.TimeProvider.GetUtcNow().AddDays(-400);
        var users = inventory.Users.Select((user, i) => new SimulatedUser(
            user.Uuid,
            user.Email,
            user.Name,
            i == inventory.Users.Count - 1 && i > 1 ? "SUSPENDED" : "ACTIVE",
            new DateTimeOffset(joined.Year, joined.Month, joined.Day, 9, 0, 0, TimeSpan.Zero).AddDays(i),
            IsOwner: i == 0,
            IsExternallyManagedAdmin: i == 1));
        return StartAsync(inventory.AccountUuid, users, options, cancellationToken);
    }

    public static async Task<UsersSimulator> StartAsync(string accountId, IEnumerable<SimulatedUser> users, UsersSimulatorOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var app = SimulatorApp.Build(options.Port);
        var simulator = new UsersSimulator(app, accountId, users, options);
        app.Run(simulator.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        simulator.BaseUrl = new Uri(app.Urls.First());
        return simulator;
    }

    /// <summary>Registers an OAuth application (with the given id and secret, or new ones) and returns its client id and secret (simulated, not 1Password credentials).</summary>
    public (string ClientId, string ClientSecret) AddClient(string? clientId = null, string? clientSecret = null)
    {
        var id = clientId ?? "sim-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();
        var secret = clientSecret ?? "users-secret-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        lock (_gate)
        {
            _clients[id] = secret;
        }

        return (id, secret);
    }

    /// <summary>Revokes every issued access token, as if the OAuth application's tokens were invalidated server-side.</summary>
    public void RevokeAllTokens() => _tokens.Clear();

    /// <summary>Removes a person from the account.</summary>
    public void RemoveUser(string userId)
    {
        lock (_gate)
        {
            _users = [.. _users.Where(u => u.Id != userId)];
        }
    }

    public void SetState(string userId, string state)
    {
        lock (_gate)
        {
            _users = [.. _users.Select(u => u.Id == userId ? u with { State = state } : u)];
        }
    }

    /// <summary>Makes every <c>ListUsers</c> request that carries a page token fail with 503 until <see cref="HealPages"/>.</summary>
    public void FailFollowingPages() => _failFollowingPages = true;

    public void HealPages() => _failFollowingPages = false;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var (status, body) = await AnswerAsync(context.Request).ConfigureAwait(false);
        context.Response.StatusCode = status;
        if (body.Length > 0)
        {
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        }

        _requests.Enqueue(new RequestRecord(context.Request.Method, context.Request.Path.Value ?? "/", status));
    }

    private async Task<(int Status, byte[] Body)> AnswerAsync(HttpRequest request)
    {
        var path = request.Path.Value ?? "/";
        return path switch
        {
            "/v1beta1/users/oauth2/token" => await TokenAsync(request).ConfigureAwait(false),
            "/v1beta1/users/oauth2/revoke" => await RevokeAsync(request).ConfigureAwait(false),
            _ when path.StartsWith(Prefix + "accounts/", StringComparison.Ordinal) => Resource(request, path[Prefix.Length..].Split('/')),
            _ => (404, UsersJson.Error("NotFound", $"no such method: {path}")),
        };
    }

    private (int, byte[]) Resource(HttpRequest request, string[] parts)
    {
        if (!request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal)
            || !_tokens.TryGetValue(request.Headers.Authorization.ToString()["Bearer ".Length..], out var expires)
            || _options.TimeProvider.GetUtcNow() >= expires)
        {
            return (401, UsersJson.Error("Unauthenticated", "the access token is missing, invalid or expired"));
        }

        if (!ProductInfoHeaderValue.TryParse(request.Headers.UserAgent.ToString().Split(' ')[0], out var agent) || agent.Product?.Version is null)
        {
            return (400, UsersJson.Error("InvalidArgument", "a User-Agent header of the form <CompanyOrProductName>/<version> is required"));
        }

        if (parts is not ["accounts", var account, "users", ..] || parts.Length > 4)
        {
            return (404, UsersJson.Error("NotFound", "no such method"));
        }

        if (account != AccountId)
        {
            return (404, UsersJson.Error("NotFound", $"account {account} not found"));
        }

        if (parts.Length == 3)
        {
            return HttpMethods.IsGet(request.Method) ? List(request) : (405, UsersJson.Error("Unimplemented", "use GET"));
        }

        var (userId, verb) = parts[3].Split(':', 2) is [var id, var v] ? (id, v) : (parts[3], null);
        return verb switch
        {
            null when HttpMethods.IsGet(request.Method) => WithUser(userId, user => (200, UsersJson.Write(w => UsersJson.User(w, AccountId, user)))),
            "suspend" when HttpMethods.IsPost(request.Method) => Change(userId, "SUSPENDED"),
            "reactivate" when HttpMethods.IsPost(request.Method) => Change(userId, "ACTIVE"),
            null or "suspend" or "reactivate" => (405, UsersJson.Error("Unimplemented", $"{request.Method} is not allowed here")),
            _ => (404, UsersJson.Error("NotFound", $"no such method: {verb}")),
        };
    }

    private (int, byte[]) List(HttpRequest request)
    {
        var filter = request.Query["filter"].ToString();
        if (filter.Length > 0 && filter is not ("user.isActive()" or "user.isSuspended()"))
        {
            return (400, UsersJson.Error("InvalidArgument", $"invalid filter '{filter}': use user.isActive() or user.isSuspended()"));
        }

        var size = DefaultPageSize;
        if (request.Query["max_page_size"].ToString() is { Length: > 0 } sizeText)
        {
            if (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out size))
            {
                return (400, UsersJson.Error("InvalidArgument", "max_page_size must be a non-negative integer"));
            }

            // AIP-158: zero means the default, and larger values are coerced to the maximum.
            size = size == 0 ? DefaultPageSize : Math.Min(size, MaxPageSize);
        }

        var offset = 0;
        if (request.Query["page_token"].ToString() is { Length: > 0 } pageToken)
        {
            if (_failFollowingPages)
            {
                return (503, UsersJson.Error("Unavailable", "the service is temporarily unavailable"));
            }

            if (ReadPageToken(pageToken, filter) is not { } start)
            {
                return (400, UsersJson.Error("InvalidArgument", "invalid page_token"));
            }

            offset = start;
        }

        var matching = Users.Where(u => filter switch
        {
            "user.isActive()" => u.State == "ACTIVE",
            "user.isSuspended()" => u.State == "SUSPENDED",
            _ => true,
        }).ToList();
        var page = matching.Skip(offset).Take(size).ToList();
        var next = offset + page.Count < matching.Count ? PageToken(offset + page.Count, filter) : null;
        return (200, UsersJson.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("results");
            page.ForEach(u => UsersJson.User(writer, AccountId, u));
            writer.WriteEndArray();
            if (next is not null)
            {
                writer.WriteString("next_page_token", next);
            }

            writer.WriteEndObject();
        }));
    }

    private (int, byte[]) Change(string userId, string state) => WithUser(userId, user =>
    {
        if (state == "SUSPENDED" && user.State != "SUSPENDED")
        {
            if (user.IsExternallyManagedAdmin)
            {
                return (400, UsersJson.Error("FailedPrecondition", "cannot suspend an externally managed admin"));
            }

            if (user.IsOwner && Users.Count(u => u.IsOwner && u.State == "ACTIVE") == 1)
            {
                return (400, UsersJson.Error("FailedPrecondition", "cannot suspend the last owner of the account"));
            }
        }

        SetState(userId, state);
        return (200, UsersJson.Write(w => UsersJson.User(w, AccountId, user with { State = state })));
    });

    private (int, byte[]) WithUser(string userId, Func<SimulatedUser, (int, byte[])> answer) =>
        Users.FirstOrDefault(u => u.Id == userId) is { } user ? answer(user) : (404, UsersJson.Error("NotFound", $"user {userId} not found"));
}
