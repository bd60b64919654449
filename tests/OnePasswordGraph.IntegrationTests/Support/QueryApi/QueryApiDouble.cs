using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OnePasswordGraph.IntegrationTests.Support.QueryApi;

/// <summary>
/// A test double of Neo4j's HTTP Query API as Neo4j's Query API manual documents it, standing for an Aura database on
/// loopback: an Aura-like discovery document (<c>query</c> only, version <c>5.27-aura</c>), <c>POST
/// /db/{database}/query/v2</c> (202 with <c>data.fields</c>/<c>data.values</c> and <c>bookmarks</c>; plain or typed JSON
/// by <c>Accept</c>), explicit transactions under <c>/tx</c> with an id, an expiry and the
/// <c>neo4j-cluster-affinity</c> header that must come back, and error bodies <c>{"errors":[{code, message}]}</c> with
/// the statuses of the server (400 client and transient errors, 401 authentication, 404 unknown database or
/// transaction, 500 database errors). Statements are evaluated by the real Neo4j behind it (<see cref="QueryApiBackend"/>).
/// </summary>
internal sealed partial class QueryApiDouble : IAsyncDisposable
{
    public const string Version = "5.27-aura";
    public const string Database = "neo4j";
    private const string AffinityHeader = "neo4j-cluster-affinity";
    private const string TypedJson = "application/vnd.neo4j.query";

    // The member that answers requests without an affinity header, and the one that holds transactions: a request on a
    // transaction that does not say which member holds it reaches another member, as behind a load balancer.
    private static readonly string HoldingMember = Convert.ToBase64String(Encoding.UTF8.GetBytes("127.0.0.1:17474"));

    private readonly WebApplication _app;
    private readonly QueryApiBackend _backend;
    private readonly QueryApiTransactions _transactions;
    private readonly ConcurrentQueue<string> _failures = new();
    private readonly ConcurrentDictionary<string, bool> _issuedBookmarks = new(StringComparer.Ordinal);
    private long _commits;

    private QueryApiDouble(WebApplication app, QueryApiBackend backend, QueryApiTransactions transactions)
    {
        _app = app;
        _backend = backend;
        _transactions = transactions;
    }

    public Uri Url { get; private set; } = null!;

    /// <summary>Gets every request, as "METHOD path", in arrival order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Gets the bookmarks requests carried, in arrival order.</summary>
    public ConcurrentQueue<string> ReceivedBookmarks { get; } = new();

    /// <summary>Gets how many explicit transactions are open.</summary>
    public int OpenTransactions => _transactions.OpenCount;

    public static async Task<QueryApiDouble> StartAsync(Uri neo4jUrl, TimeProvider? clock = null, TimeSpan? idleTimeout = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new QueryApiDouble(app, new QueryApiBackend(neo4jUrl), new QueryApiTransactions(clock ?? TimeProvider.System, idleTimeout ?? TimeSpan.FromSeconds(30)));
        server.Map(app);
        await app.StartAsync();
        server.Url = new Uri(app.Urls.First());
        return server;
    }

    /// <summary>Makes the next statement fail with <paramref name="code"/> before it reaches Neo4j (as a deadlock or an unavailable database would).</summary>
    public void FailNextStatement(string code) => _failures.Enqueue(code);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            Requests.Enqueue($"{context.Request.Method} {context.Request.Path}");
            await next(context);
        });
        app.MapGet("/", (HttpContext context) => Json(context, HttpStatusCode.OK, Discovery(context)));
        app.MapPost("/db/{database}/query/v2", (HttpContext context, string database) => ImplicitAsync(context, database));
        app.MapPost("/db/{database}/query/v2/tx", (HttpContext context, string database) => OpenAsync(context, database));
        app.MapPost("/db/{database}/query/v2/tx/{id}", (HttpContext context, string database, string id) => RunInAsync(context, database, id, commit: false));
        app.MapPost("/db/{database}/query/v2/tx/{id}/commit", (HttpContext context, string database, string id) => RunInAsync(context, database, id, commit: true));
        app.MapDelete("/db/{database}/query/v2/tx/{id}", (HttpContext context, string database, string id) => RollBackAsync(context, database, id));
    }

    private static JsonObject Discovery(HttpContext context)
    {
        var origin = $"{context.Request.Scheme}://{context.Request.Host}";
        return new JsonObject
        {
            ["bolt_routing"] = $"neo4j+s://{context.Request.Host.Host}",
            ["query"] = $"{origin}/db/{{databaseName}}/query/v2",
            ["neo4j_version"] = Version,
            ["neo4j_edition"] = "enterprise",
            ["auth_config"] = new JsonObject { ["oidc_providers"] = new JsonArray() },
        };
    }

    private async Task<IResult> ImplicitAsync(HttpContext context, string database)
    {
        var (request, refusal) = await ReadRequestAsync(context, database, statementRequired: true);
        if (refusal is not null)
        {
            return refusal;
        }

        var answer = await _backend.CommitAsync(Authorization(context), request, context.RequestAborted);
        return answer.Error is { } error ? Error(context, error) : Success(context, answer.Result, Bookmark(), transaction: null);
    }

    private async Task<IResult> OpenAsync(HttpContext context, string database)
    {
        var (request, refusal) = await ReadRequestAsync(context, database, statementRequired: false);
        if (refusal is not null)
        {
            return refusal;
        }

        var answer = await _backend.OpenAsync(Authorization(context), request, context.RequestAborted);
        if (answer.Error is { } error)
        {
            return Error(context, error);
        }

        var transaction = _transactions.Open(answer.Location ?? throw new InvalidOperationException("Neo4j opened no transaction."), HoldingMember);
        context.Response.Headers[AffinityHeader] = HoldingMember;
        return Success(context, answer.Result, bookmarks: null, transaction);
    }

    private async Task<IResult> RunInAsync(HttpContext context, string database, string id, bool commit)
    {
        var (transaction, refusal) = await FindAsync(context, id);
        if (transaction is null)
        {
            return refusal!;
        }

        var (request, invalid) = await ReadRequestAsync(context, database, statementRequired: false);
        if (invalid is not null)
        {
            // Any failure inside an explicit transaction ends it, as on the server.
            await EndAsync(context, transaction);
            return invalid;
        }

        var answer = commit
            ? await _backend.CommitOpenAsync(transaction.BackendLocation, Authorization(context), request, context.RequestAborted)
            : await _backend.RunAsync(transaction.BackendLocation, Authorization(context), request, context.RequestAborted);
        if (answer.Error is { } error)
        {
            _transactions.Close(transaction.Id);
            return Error(context, error);
        }

        if (commit)
        {
            _transactions.Close(transaction.Id);
            return Success(context, answer.Result, Bookmark(), transaction: null);
        }

        context.Response.Headers[AffinityHeader] = transaction.Member;
        return Success(context, answer.Result, bookmarks: null, _transactions.Touch(transaction.Id) ?? transaction);
    }

    private async Task<IResult> RollBackAsync(HttpContext context, string database, string id)
    {
        if (!string.Equals(database, Database, StringComparison.Ordinal))
        {
            return DatabaseNotFound(context, database);
        }

        var (transaction, refusal) = await FindAsync(context, id);
        if (transaction is null)
        {
            return refusal!;
        }

        await EndAsync(context, transaction);
        return Json(context, HttpStatusCode.Accepted, new JsonObject { ["data"] = new JsonObject { ["fields"] = new JsonArray(), ["values"] = new JsonArray() } });
    }

    private async Task<(OpenTransaction? Transaction, IResult? Refusal)> FindAsync(HttpContext context, string id)
    {
        var member = context.Request.Headers[AffinityHeader].FirstOrDefault();
        var (live, expired) = _transactions.Find(id, member);
        if (expired is not null)
        {
            await _backend.RollBackAsync(expired.BackendLocation, Authorization(context), context.RequestAborted);
        }

        return live is not null
            ? (live, null)
            : (null, Refuse(context, HttpStatusCode.NotFound, "Neo.ClientError.Transaction.TransactionNotFound", $"Transaction with Id: \"{id}\" was not found. It may have timed out and therefore rolled back or the routing header '{AffinityHeader}' was not provided."));
    }

    private async Task EndAsync(HttpContext context, OpenTransaction transaction)
    {
        _transactions.Close(transaction.Id);
        await _backend.RollBackAsync(transaction.BackendLocation, Authorization(context), CancellationToken.None);
    }

    private static string? Authorization(HttpContext context) => context.Request.Headers.Authorization.FirstOrDefault();

    private string Bookmark()
    {
        var bookmark = $"FB:double-{Interlocked.Increment(ref _commits)}";
        _issuedBookmarks[bookmark] = true;
        return bookmark;
    }
}
