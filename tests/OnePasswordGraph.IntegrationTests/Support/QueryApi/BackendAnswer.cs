using System.Net;
using System.Text.Json.Nodes;

namespace OnePasswordGraph.IntegrationTests.Support.QueryApi;

/// <summary>What the transactional endpoint behind the double answered: status, body, and an opened transaction's path.</summary>
internal sealed record BackendAnswer(HttpStatusCode Status, JsonObject Body, string? Location)
{
    /// <summary>Gets the first error, when Neo4j reported one (it answers 200 for a failed statement).</summary>
    public JsonObject? Error => Body["errors"] is JsonArray { Count: > 0 } errors ? errors[0]!.AsObject() : null;

    /// <summary>Gets the single statement's result, or null when none ran.</summary>
    public JsonObject? Result => Body["results"] is JsonArray { Count: > 0 } results ? results[0]!.AsObject() : null;
}
