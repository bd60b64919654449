using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace OnePasswordGraph.IntegrationTests.Support.QueryApi;

/// <summary>Reading Query API requests and writing its answers and error bodies.</summary>
internal sealed partial class QueryApiDouble
{
    private async Task<(JsonObject? Statement, IResult? Refusal)> ReadRequestAsync(HttpContext context, string database, bool statementRequired)
    {
        if (Authorization(context) is null)
        {
            return (null, Refuse(context, HttpStatusCode.Unauthorized, "Neo.ClientError.Security.Unauthorized", "No authentication header supplied."));
        }

        if (!string.Equals(database, Database, StringComparison.Ordinal))
        {
            return (null, DatabaseNotFound(context, database));
        }

        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        if (string.IsNullOrWhiteSpace(text) && !statementRequired)
        {
            return (null, null);
        }

        var media = context.Request.ContentType ?? string.Empty;
        var typed = media.StartsWith(TypedJson, StringComparison.OrdinalIgnoreCase);
        if (!typed && !media.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Refuse(context, HttpStatusCode.UnsupportedMediaType, "Neo.ClientError.Request.Invalid", $"Unsupported Content-Type '{media}'."));
        }

        JsonObject body;
        try
        {
            body = JsonNode.Parse(text)?.AsObject() ?? new JsonObject();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return (null, Refuse(context, HttpStatusCode.BadRequest, "Neo.ClientError.Request.InvalidFormat", "Request body is not a JSON object."));
        }

        if (body["bookmarks"] is JsonArray bookmarks)
        {
            foreach (var bookmark in bookmarks.Select(b => b?.GetValue<string>() ?? string.Empty))
            {
                ReceivedBookmarks.Enqueue(bookmark);
                if (!_issuedBookmarks.ContainsKey(bookmark))
                {
                    return (null, Refuse(context, HttpStatusCode.BadRequest, "Neo.ClientError.Transaction.InvalidBookmark", $"Supplied bookmark '{bookmark}' does not conform to pattern."));
                }
            }
        }

        if (body["statement"] is not JsonValue statement)
        {
            return statementRequired
                ? (null, Refuse(context, HttpStatusCode.BadRequest, "Neo.ClientError.Request.Invalid", "No statement provided."))
                : (null, null);
        }

        if (_failures.TryDequeue(out var code))
        {
            return (null, Refuse(context, StatusFor(code), code, "Failure injected by the test."));
        }

        var parameters = body["parameters"] is JsonObject given ? (typed ? QueryApiValues.FromTyped(given) : given.DeepClone()) : new JsonObject();
        return (new JsonObject { ["statement"] = statement.GetValue<string>(), ["parameters"] = parameters }, null);
    }

    private static IResult Success(HttpContext context, JsonObject? result, string? bookmarks, OpenTransaction? transaction)
    {
        var typed = Accepts(context, TypedJson);
        var values = new JsonArray();
        foreach (var row in (result?["data"] as JsonArray ?? []).Select(r => r?["row"] as JsonArray ?? []))
        {
            values.Add(new JsonArray([.. row.Select(v => typed ? QueryApiValues.ToTyped(v) : v?.DeepClone())]));
        }

        var body = new JsonObject
        {
            ["data"] = new JsonObject { ["fields"] = result?["columns"]?.DeepClone() ?? new JsonArray(), ["values"] = values },
        };
        if (bookmarks is not null)
        {
            body["bookmarks"] = new JsonArray(bookmarks);
        }

        if (transaction is not null)
        {
            body["transaction"] = new JsonObject { ["id"] = transaction.Id, ["expires"] = transaction.Expires.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture) };
        }

        return Json(context, HttpStatusCode.Accepted, body);
    }

    private static IResult Error(HttpContext context, JsonObject error)
    {
        var code = error["code"]?.GetValue<string>() ?? "Neo.DatabaseError.General.UnknownError";
        return Refuse(context, StatusFor(code), code, error["message"]?.GetValue<string>() ?? string.Empty);
    }

    private static IResult DatabaseNotFound(HttpContext context, string database) =>
        Refuse(context, HttpStatusCode.NotFound, "Neo.ClientError.Database.DatabaseNotFound", $"Database does not exist. Database name: '{database}'.");

    private static IResult Refuse(HttpContext context, HttpStatusCode status, string code, string message) =>
        Json(context, status, new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["code"] = code, ["message"] = message }) });

    private static HttpStatusCode StatusFor(string code) => code switch
    {
        "Neo.ClientError.Security.Unauthorized" => HttpStatusCode.Unauthorized,
        "Neo.ClientError.Security.AuthenticationRateLimit" => HttpStatusCode.TooManyRequests,
        "Neo.ClientError.Security.Forbidden" => HttpStatusCode.Forbidden,
        "Neo.ClientError.Database.DatabaseNotFound" or "Neo.ClientError.Transaction.TransactionNotFound" => HttpStatusCode.NotFound,
        _ when code.StartsWith("Neo.DatabaseError.", StringComparison.Ordinal) => HttpStatusCode.InternalServerError,
        _ => HttpStatusCode.BadRequest,
    };

    private static bool Accepts(HttpContext context, string media) =>
        context.Request.Headers.Accept.Any(a => a is not null && a.Contains(media, StringComparison.OrdinalIgnoreCase));

    private static IResult Json(HttpContext context, HttpStatusCode status, JsonObject body) =>
        Results.Text(body.ToJsonString(), Accepts(context, TypedJson) ? TypedJson : "application/json", Encoding.UTF8, (int)status);
}
