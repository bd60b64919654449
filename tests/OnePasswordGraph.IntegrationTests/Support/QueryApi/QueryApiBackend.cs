using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace OnePasswordGraph.IntegrationTests.Support.QueryApi;

/// <summary>
/// The database behind <see cref="QueryApiDouble"/>: the real Neo4j 3.1.1 of the tests, reached through its
/// transactional endpoint with the caller's own <c>Authorization</c> header, so that credentials are checked by Neo4j
/// itself and the data really lands. Statements pass through <see cref="CypherDialectBridge"/> first.
/// </summary>
internal sealed class QueryApiBackend
{
    private readonly HttpClient _http;

    public QueryApiBackend(Uri neo4jUrl) => _http = new HttpClient { BaseAddress = neo4jUrl, Timeout = TimeSpan.FromMinutes(2) };

    /// <summary>Runs a statement in a new transaction and commits it (<c>transaction/commit</c>).</summary>
    public Task<BackendAnswer> CommitAsync(string? authorization, JsonObject? statement, CancellationToken cancellationToken) =>
        PostAsync("/db/data/transaction/commit", authorization, statement, cancellationToken);

    /// <summary>Opens a transaction, with its first statement when there is one; the answer's location names it.</summary>
    public Task<BackendAnswer> OpenAsync(string? authorization, JsonObject? statement, CancellationToken cancellationToken) =>
        PostAsync("/db/data/transaction", authorization, statement, cancellationToken);

    public Task<BackendAnswer> RunAsync(string location, string? authorization, JsonObject? statement, CancellationToken cancellationToken) =>
        PostAsync(location, authorization, statement, cancellationToken);

    public Task<BackendAnswer> CommitOpenAsync(string location, string? authorization, JsonObject? statement, CancellationToken cancellationToken) =>
        PostAsync(location + "/commit", authorization, statement, cancellationToken);

    public async Task RollBackAsync(string location, string? authorization, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, location);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await _http.SendAsync(request, cancellationToken);
    }

    private async Task<BackendAnswer> PostAsync(string path, string? authorization, JsonObject? statement, CancellationToken cancellationToken)
    {
        var statements = new JsonArray();
        if (statement is not null)
        {
            statements.Add(CypherDialectBridge.Translate(statement));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(new JsonObject { ["statements"] = statements }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await _http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var body = text.Length > 0 && text.TrimStart().StartsWith('{') ? JsonNode.Parse(text)!.AsObject() : new JsonObject();
        var location = response.StatusCode == HttpStatusCode.Created ? response.Headers.Location?.AbsolutePath : null;
        return new BackendAnswer(response.StatusCode, body, location);
    }
}
