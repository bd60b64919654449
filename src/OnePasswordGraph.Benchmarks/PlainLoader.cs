using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OnePasswordGraph.Benchmarks;

/// <summary>
/// The yardstick of issue #16: the simplest correct loader of the same events. Each stream is paged from the Events
/// API and each page written with one <c>UNWIND … MERGE</c> statement that also stores the cursor (so a page and its
/// cursor commit together, as in the real sync): the events with their properties, their users, <c>PERFORMED</c> and
/// <c>ACCESSED</c> edges, secret and vault placeholders, as its <see cref="LoaderShape"/> says. It uses its own labels
/// (<paramref name="labelPrefix"/>) and nothing of the project.
/// </summary>
internal sealed class PlainLoader(BenchmarkNeo4j neo4j, Uri eventsApi, string token, DateTimeOffset start, LoaderShape shape, string labelPrefix)
{
    public const string DefaultPrefix = "bench_";

    private static readonly string[] LabelNames = ["event", "user", "secret", "vault", "cursor"];

    private static readonly string[] Streams = ["itemusages", "auditevents", "signinattempts"];

    /// <summary>The labels the loader writes with <paramref name="prefix"/>.</summary>
    public static IEnumerable<string> Labels(string prefix) => LabelNames.Select(name => prefix + name);

    public static async Task InstallAsync(BenchmarkNeo4j neo4j, LoaderShape shape, string prefix, CancellationToken cancellationToken)
    {
        foreach (var label in Labels(prefix))
        {
            await neo4j.RunAsync($"CREATE CONSTRAINT ON (n:{label}) ASSERT n._key IS UNIQUE", null, cancellationToken);
        }

        foreach (var property in shape.IndexedEventProperties)
        {
            await neo4j.RunAsync($"CREATE INDEX ON :{prefix}event({property})", null, cancellationToken);
        }
    }

    /// <summary>Loads the three streams one after the other, as the sync's steps run; returns the events written.</summary>
    public async Task<long> LoadAsync(ProgressSamples progress, ProgressSamples usageProgress, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = eventsApi };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var statement = shape.StatementFor(labelPrefix);
        long written = 0;
        foreach (var stream in Streams)
        {
            var request = new JsonObject { ["limit"] = 1000, ["start_time"] = start.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) };
            while (true)
            {
                using var content = new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(new Uri($"/api/v2/{stream}", UriKind.Relative), content, cancellationToken);
                response.EnsureSuccessStatusCode();
                var page = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
                var items = page["items"]!.AsArray();
                var cursor = page["cursor"]!.GetValue<string>();
                if (items.Count > 0)
                {
                    var rows = new JsonArray([.. items.Select(item => Row(stream, item!.AsObject()))]);
                    await neo4j.RunAsync(statement, Parameters(stream, rows, cursor), cancellationToken);
                    written += items.Count;
                    progress.Add(written);
                    if (stream == "itemusages")
                    {
                        usageProgress.Add(written);
                    }
                }

                if (!page["has_more"]!.GetValue<bool>())
                {
                    break;
                }

                request = new JsonObject { ["cursor"] = cursor };
            }
        }

        return written;
    }

    private static JsonObject Parameters(string stream, JsonArray rows, string cursor)
    {
        var type = stream switch
        {
            "itemusages" => "item_usage_event",
            "signinattempts" => "signin_attempt_event",
            _ => "audit_event",
        };
        return new JsonObject
        {
            ["rows"] = rows,
            ["stream"] = stream,
            ["cursor"] = cursor,
            ["type"] = "one_password_" + type,
            ["performedType"] = "one_password_user_performed_" + type,
            ["account"] = "default",
            ["observedOn"] = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds(),
        };
    }

    private static JsonObject Row(string stream, JsonObject item)
    {
        var props = new JsonObject();
        Flatten(item, string.Empty, props);
        var (user, userObject) = stream switch
        {
            "itemusages" => (item["user"]?["uuid"], item["user"]),
            "signinattempts" => (item["target_user"]?["uuid"], item["target_user"]),
            _ => (item["actor_uuid"], item["actor_details"]),
        };
        var userProps = new JsonObject();
        if (userObject is JsonObject details)
        {
            Flatten(details, string.Empty, userProps);
        }

        var vault = stream == "itemusages" ? item["vault_uuid"] : item["object_type"]?.GetValue<string>() == "vault" ? item["object_uuid"] : null;
        return new JsonObject
        {
            ["key"] = item["uuid"]!.DeepClone(),
            ["props"] = props,
            ["user"] = user?.DeepClone(),
            ["userProps"] = userProps,
            ["item"] = stream == "itemusages" ? item["item_uuid"]?.DeepClone() : null,
            ["vault"] = vault?.DeepClone(),
        };
    }

    private static void Flatten(JsonObject source, string prefix, JsonObject target)
    {
        foreach (var (name, value) in source)
        {
            switch (value)
            {
                case JsonObject nested:
                    Flatten(nested, prefix + name + "_", target);
                    break;
                case JsonValue scalar when scalar.GetValueKind() != JsonValueKind.Null:
                    target[prefix + name] = scalar.DeepClone();
                    break;
            }
        }
    }
}
