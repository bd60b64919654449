using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OnePasswordGraph.Benchmarks;

/// <summary>
/// The benchmark's own minimal client of Neo4j 3.x's transactional HTTP endpoint: the plain loader and the graph
/// figures must not depend on the project's writer they are measuring.
/// </summary>
internal sealed class BenchmarkNeo4j : IDisposable
{
    private readonly HttpClient _http;

    public BenchmarkNeo4j(Uri url, string user, string password)
    {
        _http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromMinutes(10) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Runs one statement in its own transaction and returns its rows.</summary>
    public async Task<JsonArray> RunAsync(string statement, JsonObject? parameters, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["statements"] = new JsonArray(new JsonObject { ["statement"] = statement, ["parameters"] = parameters ?? [] }),
        };
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri("/db/data/transaction/commit", UriKind.Relative), content, cancellationToken);
        response.EnsureSuccessStatusCode();
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
        if (answer["errors"] is JsonArray { Count: > 0 } errors)
        {
            throw new InvalidOperationException($"Neo4j refused a benchmark statement: {errors[0]!.ToJsonString()}");
        }

        return answer["results"]![0]!["data"]!.AsArray();
    }

    public async Task<long> ScalarAsync(string statement, CancellationToken cancellationToken)
    {
        var rows = await RunAsync(statement, null, cancellationToken);
        return rows.Count == 0 || rows[0]!["row"]![0] is not JsonValue value ? 0 : value.GetValue<JsonElement>().GetInt64();
    }
}
