using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using OnePasswordGraph.Graph.Internal;
using OnePasswordGraph.Graph.Neo4j.Internal;
using OnePasswordGraph.Graph.Neo4j.Internal.Protocol;

namespace OnePasswordGraph.Graph.Neo4j;

/// <summary>
/// <see cref="ICypherRunner"/> over Neo4j's HTTP Query API (<c>/db/{database}/query/v2</c>, 5.19 and later, and Aura,
/// which has no transactional endpoint). The Query API takes one statement per request: a single statement is one
/// implicit transaction; several run in an explicit transaction (<c>…/query/v2/tx</c>) that is committed when all
/// succeed and rolled back when any fails, so a call still commits all of its statements or none of them.
/// </summary>
/// <remarks>
/// Results are asked for in the typed JSON format (<c>application/vnd.neo4j.query</c>) because plain JSON cannot tell
/// an INTEGER from a FLOAT that prints without a fraction, nor a node from a map; see <see cref="QueryApiValues"/>.
/// </remarks>
internal sealed class Neo4jQueryApiCypherRunner : ICypherRunner, IDisposable
{
    /// <summary>The response header that pins an explicit transaction to the cluster member that opened it.</summary>
    public const string AffinityHeader = "neo4j-cluster-affinity";

    /// <summary>Reads the version where discovery names none; every Neo4j has <c>dbms.components()</c>.</summary>
    internal const string ComponentsQuery = "CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition";

    private static readonly Neo4jVersion FirstWithQueryApi = new(5, 19, 0);
    private static readonly MediaTypeWithQualityHeaderValue AcceptTyped = new("application/vnd.neo4j.query");

    private readonly Neo4jHttpChannel _channel;
    private readonly DiscoveryCache _discovery = new();
    private readonly PooledRequestBodies _bodies = new();
    private volatile IReadOnlyList<string> _bookmarks = [];

    public Neo4jQueryApiCypherRunner(HttpClient httpClient, Neo4jSettings settings, ILogger<Neo4jQueryApiCypherRunner> logger)
    {
        _channel = new Neo4jHttpChannel(httpClient, settings, logger);
    }

    public Task<Neo4jServerInfo> GetServerInfoAsync(CancellationToken cancellationToken) => _discovery.GetAsync(DiscoverAsync, cancellationToken);

    public void Dispose() => _discovery.Dispose();

    public async Task<IReadOnlyList<CypherResult>> RunAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statements);
        var server = await GetServerInfoAsync(cancellationToken).ConfigureAwait(false);
        return statements.Count switch
        {
            0 => [],
            1 => [await RunImplicitAsync(server.CommitEndpoint, statements[0], cancellationToken).ConfigureAwait(false)],
            _ => await RunExplicitAsync(server.CommitEndpoint, statements, cancellationToken).ConfigureAwait(false),
        };
    }

    private async Task<Neo4jServerInfo> DiscoverAsync(CancellationToken cancellationToken)
    {
        var root = await _channel.GetDocumentAsync(new Uri("/", UriKind.Relative), authenticate: false, cancellationToken).ConfigureAwait(false);
        var endpoint = _channel.ForDatabase(root.Query ?? "/db/{databaseName}/query/v2");

        // The probe proves the credentials and the database, and that the Query API answers at all.
        await RunImplicitAsync(endpoint, CypherStatement.Probe, cancellationToken).ConfigureAwait(false);
        var (versionText, edition) = root.Neo4jVersion is { } reported
            ? (reported, root.Neo4jEdition)
            : await ComponentsAsync(endpoint, cancellationToken).ConfigureAwait(false);
        var version = _channel.ParseSupportedVersion(versionText);
        if (version < FirstWithQueryApi)
        {
            throw new Neo4jException(
                Neo4jErrorKind.UnsupportedVersion,
                $"Neo4j {version} at {_channel.Settings.DisplayUrl} has no Query API (5.19 and later have it). Set Neo4j__Protocol to auto or transactional.");
        }

        var info = new Neo4jServerInfo(version, edition, endpoint) { Protocol = Neo4jProtocol.Query };
        Neo4jLog.Discovered(_channel.Logger, _channel.Settings.DisplayUrl, info.Version, info.Edition ?? "unknown");
        return info;
    }

    // A server whose discovery names no version still answers dbms.components(), as every Neo4j does.
    private async Task<(string Version, string? Edition)> ComponentsAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        var result = await RunImplicitAsync(endpoint, new CypherStatement(ComponentsQuery), cancellationToken).ConfigureAwait(false);
        return result.Rows is [[string version, var edition, ..], ..]
            ? (version, edition as string)
            : throw _channel.NotNeo4j("its discovery document names no version, and dbms.components() returned none");
    }

    private async Task<CypherResult> RunImplicitAsync(Uri endpoint, CypherStatement statement, CancellationToken cancellationToken)
    {
        var (body, _) = await PostAsync(endpoint, statement, affinity: null, inTransaction: false, cancellationToken).ConfigureAwait(false);
        Remember(body.Bookmarks);
        return QueryApiValues.ToResult(body.Data);
    }

    private async Task<IReadOnlyList<CypherResult>> RunExplicitAsync(Uri endpoint, IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken)
    {
        var transactions = endpoint.ToString().TrimEnd('/') + "/tx";
        var (opened, affinity) = await PostAsync(new Uri(transactions, UriKind.Relative), statements[0], affinity: null, inTransaction: false, cancellationToken).ConfigureAwait(false);
        var id = opened.Transaction?.Id ?? throw _channel.NotNeo4j("its answer to opening a transaction names no transaction id");
        var transaction = new Uri($"{transactions}/{Uri.EscapeDataString(id)}", UriKind.Relative);
        var results = new List<CypherResult> { QueryApiValues.ToResult(opened.Data) };
        try
        {
            foreach (var statement in statements.Skip(1))
            {
                var (body, _) = await PostAsync(transaction, statement, affinity, inTransaction: true, cancellationToken).ConfigureAwait(false);
                results.Add(QueryApiValues.ToResult(body.Data));
            }

            var (committed, _) = await PostAsync(new Uri($"{transaction}/commit", UriKind.Relative), statement: null, affinity, inTransaction: true, cancellationToken).ConfigureAwait(false);
            Remember(committed.Bookmarks);
            return results;
        }
        catch (Exception ex) when (ex is Neo4jException or OperationCanceledException)
        {
            await RollBackAsync(transaction, affinity).ConfigureAwait(false);
            throw;
        }
    }

    // A failed statement has already ended the transaction on the server, and an abandoned one expires on its own;
    // the rollback only frees its locks sooner, so it is sent even when the caller cancelled, and its failure is not
    // the caller's failure.
    private async Task RollBackAsync(Uri transaction, string? affinity)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, transaction);
        Prepare(request, affinity);
        try
        {
            using var response = await _channel.SendAsync(request, CancellationToken.None).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                Neo4jLog.RollbackRefused(_channel.Logger, (int)response.StatusCode);
            }
        }
        catch (Neo4jException ex)
        {
            Neo4jLog.RollbackFailed(_channel.Logger, ex.Message);
        }
    }

    // Bookmarks go with the request that starts a transaction (an implicit one, or opening an explicit one); the
    // statements inside an open transaction already run after them.
    private async Task<(QueryResponse Body, string? Affinity)> PostAsync(
        Uri uri, CypherStatement? statement, string? affinity, bool inTransaction, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri);
        if (statement is not null)
        {
            IReadOnlyList<string> since = inTransaction ? [] : _bookmarks;
            request.Content = _bodies.Create(body => QueryRequestWriter.Write(statement, since, body));
        }

        Prepare(request, affinity);
        using var response = await _channel.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await _channel.ReadBodyAsync(response, Neo4jJsonContext.Default.QueryResponse, "Query API response", cancellationToken).ConfigureAwait(false);
        if (body?.Errors is [var first, ..])
        {
            throw _channel.ServerError(first);
        }

        _channel.ThrowOnFailureStatus(response);
        var returnedAffinity = response.Headers.TryGetValues(AffinityHeader, out var values) ? values.FirstOrDefault() : null;
        return (body ?? throw _channel.NotNeo4j("its Query API response has no body"), returnedAffinity ?? affinity);
    }

    private void Prepare(HttpRequestMessage request, string? affinity)
    {
        request.Headers.Accept.Add(AcceptTyped);
        request.Headers.Authorization = _channel.Authorization;
        if (affinity is not null)
        {
            request.Headers.TryAddWithoutValidation(AffinityHeader, affinity);
        }
    }

    private void Remember(IReadOnlyList<string>? bookmarks)
    {
        if (bookmarks is { Count: > 0 })
        {
            _bookmarks = bookmarks;
        }
    }
}
