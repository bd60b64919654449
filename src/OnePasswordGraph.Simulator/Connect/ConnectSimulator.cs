using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using OnePasswordGraph.Simulator.Events;
using OnePasswordGraph.Simulator.Scenario;

namespace OnePasswordGraph.Simulator.Connect;

/// <summary>
/// A 1Password Connect server on loopback serving a scenario's vaults and items, following the documented API: bearer
/// tokens scoped to vaults (401 for a bad token, 403 for a vault out of scope, 404 for an unknown one), the
/// <c>1Password-Connect-Version</c> header, <c>name eq</c>, <c>title eq</c> and <c>tag eq</c> filters, and full items
/// with their secret values, as a real server hands them out. Admin members change the inventory between syncs.
/// </summary>
public sealed partial class ConnectSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly object _gate = new();
    private readonly ConcurrentDictionary<string, IReadOnlySet<string>> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RequestRecord> _requests = new();
    private readonly HashSet<string> _failingVaults = new(StringComparer.Ordinal);
    private List<ScenarioVault> _vaults;
    private List<ScenarioItem> _items;

    private ConnectSimulator(WebApplication app, ScenarioInventory inventory)
    {
        _app = app;
        _vaults = [.. inventory.Vaults];
        _items = [.. inventory.Items];
    }

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<RequestRecord> Requests => [.. _requests];

    public static async Task<ConnectSimulator> StartAsync(ScenarioInventory inventory, int port, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        var app = SimulatorApp.Build(port);
        var simulator = new ConnectSimulator(app, inventory);
        app.Run(simulator.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        simulator.BaseUrl = new Uri(app.Urls.First());
        return simulator;
    }

    /// <summary>Issues a token granted the given vaults (all of the scenario's when omitted).</summary>
    public string AddToken(IEnumerable<string>? vaultIds = null)
    {
        var token = "connect-" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        lock (_gate)
        {
            _tokens[token] = (vaultIds ?? _vaults.Select(v => v.Id)).ToHashSet(StringComparer.Ordinal);
        }

        return token;
    }

    /// <summary>Accepts a token chosen by the caller (a fixed one, so a restarted simulator keeps its settings), granted every vault.</summary>
    public void AcceptToken(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        lock (_gate)
        {
            _tokens[token] = _vaults.Select(v => v.Id).ToHashSet(StringComparer.Ordinal);
        }
    }

    public void RevokeToken(string token) => _tokens.TryRemove(token, out _);

    public void RemoveVault(string vaultId)
    {
        lock (_gate)
        {
            _vaults = [.. _vaults.Where(v => v.Id != vaultId)];
            _items = [.. _items.Where(i => i.VaultId != vaultId)];
        }
    }

    public void RemoveItem(string itemId)
    {
        lock (_gate)
        {
            _items = [.. _items.Where(i => i.Id != itemId)];
        }
    }

    public void MoveItem(string itemId, string toVaultId)
    {
        lock (_gate)
        {
            _items = [.. _items.Select(i => i.Id == itemId ? i with { VaultId = toVaultId } : i)];
        }
    }

    /// <summary>Records an edit of an item in 1Password: its version goes up by one.</summary>
    public void EditItem(string itemId)
    {
        lock (_gate)
        {
            _items = [.. _items.Select(i => i.Id == itemId ? i with { Version = i.Version + 1, UpdatedAt = i.UpdatedAt.AddMinutes(1) } : i)];
        }
    }

    /// <summary>Makes listing the items of a vault fail with 500 until <see cref="HealVault"/>.</summary>
    public void FailVault(string vaultId)
    {
        lock (_gate)
        {
            _failingVaults.Add(vaultId);
        }
    }

    public void HealVault(string vaultId)
    {
        lock (_gate)
        {
            _failingVaults.Remove(vaultId);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var (status, body, contentType) = Answer(context.Request);
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.Headers["1Password-Connect-Version"] = "1.8.1";
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        _requests.Enqueue(new RequestRecord(context.Request.Method, context.Request.Path.Value ?? "/", status));
    }

    private (int Status, byte[] Body, string ContentType) Answer(HttpRequest request)
    {
        var path = request.Path.Value ?? "/";
        if (path == "/heartbeat")
        {
            return (200, "."u8.ToArray(), "text/plain");
        }

        if (path == "/health")
        {
            return (200, """{"name":"1Password Connect API","version":"1.8.1","dependencies":[{"service":"sync","status":"ACTIVE"},{"service":"sqlite","status":"ACTIVE","message":"Connected to ./1password.sqlite"}]}"""u8.ToArray(), "application/json");
        }

        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts is not ["v1", "vaults", ..] || parts.Length > 6 || (parts.Length >= 4 && parts[3] != "items") || (parts.Length == 6 && parts[5] != "files"))
        {
            return Error(404, "Not found");
        }

        if (!HttpMethods.IsGet(request.Method))
        {
            return Error(405, "Method not allowed");
        }

        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || !_tokens.TryGetValue(header[7..].Trim(), out var scope))
        {
            return Error(401, "Invalid token signature");
        }

        lock (_gate)
        {
            return parts.Length switch
            {
                2 => ListVaults(scope, request.Query["filter"].ToString()),
                3 => Vault(scope, parts[2]),
                4 => ListItems(scope, parts[2], request.Query["filter"].ToString()),
                5 => Item(scope, parts[2], parts[4]),
                _ => Files(scope, parts[2], parts[4], request.Query["inline_files"] == "true"),
            };
        }
    }

    private (int, byte[], string) ListVaults(IReadOnlySet<string> scope, string filter)
    {
        if (!TryFilter(filter, ["name", "title"], out var filterValue))
        {
            return Error(400, "Invalid filter");
        }

        var vaults = _vaults.Where(v => scope.Contains(v.Id) && (filterValue is null || v.Name == filterValue.Value.Value)).ToList();
        return Json(writer =>
        {
            writer.WriteStartArray();
            vaults.ForEach(v => ConnectJson.Vault(writer, v, _items.Count(i => i.VaultId == v.Id && i.State is null)));
            writer.WriteEndArray();
        });
    }

    private (int, byte[], string) Vault(IReadOnlySet<string> scope, string vaultId) =>
        Scoped(scope, vaultId) ?? Json(writer => ConnectJson.Vault(writer, _vaults.First(v => v.Id == vaultId), _items.Count(i => i.VaultId == vaultId && i.State is null)));

    private (int, byte[], string) ListItems(IReadOnlySet<string> scope, string vaultId, string filter)
    {
        if (Scoped(scope, vaultId) is { } refused)
        {
            return refused;
        }

        if (_failingVaults.Contains(vaultId))
        {
            return Error(500, "database is locked");
        }

        if (!TryFilter(filter, ["title", "tag"], out var condition))
        {
            return Error(400, "Invalid filter");
        }

        var items = _items.Where(i => i.VaultId == vaultId && condition switch
        {
            null => true,
            { Field: "title" } c => i.Title == c.Value,
            { } c => i.Tags.Contains(c.Value),
        }).ToList();
        return Json(writer =>
        {
            writer.WriteStartArray();
            items.ForEach(i => ConnectJson.Item(writer, i, full: false));
            writer.WriteEndArray();
        });
    }

    private (int, byte[], string) Item(IReadOnlySet<string> scope, string vaultId, string itemId)
    {
        if (Scoped(scope, vaultId) is { } refused)
        {
            return refused;
        }

        var item = _items.FirstOrDefault(i => i.Id == itemId && i.VaultId == vaultId);
        return item is null ? Error(404, $"item {itemId} not found") : Json(writer => ConnectJson.Item(writer, item, full: true));
    }

    private (int, byte[], string) Files(IReadOnlySet<string> scope, string vaultId, string itemId, bool inline)
    {
        if (Scoped(scope, vaultId) is { } refused)
        {
            return refused;
        }

        var item = _items.FirstOrDefault(i => i.Id == itemId && i.VaultId == vaultId);
        return item is null ? Error(404, $"item {itemId} not found") : Json(writer => ConnectJson.Files(writer, item, inline));
    }

    // Unknown vault → 404; known but not granted to the token → 403 (the reference's recommendation).
    private (int, byte[], string)? Scoped(IReadOnlySet<string> scope, string vaultId) =>
        _vaults.All(v => v.Id != vaultId) ? Error(404, $"vault {vaultId} not found")
        : !scope.Contains(vaultId) ? Error(403, $"vault {vaultId} is not in scope")
        : null;

    private static bool TryFilter(string filter, string[] fields, out (string Field, string Value)? condition)
    {
        condition = null;
        if (string.IsNullOrEmpty(filter))
        {
            return true;
        }

        var match = FilterPattern().Match(filter);
        if (!match.Success || !fields.Contains(match.Groups[1].Value))
        {
            return false;
        }

        condition = (match.Groups[1].Value, match.Groups[2].Value);
        return true;
    }

    private static (int, byte[], string) Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return (200, buffer.ToArray(), "application/json");
    }

    private static (int, byte[], string) Error(int status, string message) => (status, ConnectJson.Error(status, message), "application/json");

    [GeneratedRegex("""^(\w+) eq "([^"']*)"$""")]
    private static partial Regex FilterPattern();
}
