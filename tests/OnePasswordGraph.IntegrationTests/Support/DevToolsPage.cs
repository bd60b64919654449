using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OnePasswordGraph.IntegrationTests.Support;

/// <summary>
/// One page of Debian's headless Chromium driven over the DevTools protocol, for tests that must act in a page as a
/// person would (log in, run a query) rather than only load it. Uncaught errors and console errors of the page are
/// collected in <see cref="Errors"/>.
/// </summary>
internal sealed partial class DevToolsPage : IAsyncDisposable
{
    private const string Executable = "/usr/bin/chromium";

    private readonly Process chromium;
    private readonly DirectoryInfo profile;
    private readonly ClientWebSocket socket;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> pending = new();
    private readonly ConcurrentQueue<string> errors = new();
    private readonly CancellationTokenSource closing = new();
    private readonly Task receiving;
    private int lastId;

    private DevToolsPage(Process chromium, DirectoryInfo profile, ClientWebSocket socket)
    {
        this.chromium = chromium;
        this.profile = profile;
        this.socket = socket;
        receiving = ReceiveAsync(closing.Token);
    }

    /// <summary>Uncaught exceptions and console errors the page reported so far.</summary>
    public IReadOnlyCollection<string> Errors => [.. errors];

    /// <summary>Starts Chromium with a profile of its own and attaches to its blank first page.</summary>
    public static async Task<DevToolsPage> OpenAsync(CancellationToken cancellationToken)
    {
        Assert.True(File.Exists(Executable), $"{Executable} is missing: run scripts/test.sh, which installs Debian's chromium package.");
        var profile = Directory.CreateTempSubdirectory("opg-devtools-");
        var start = new ProcessStartInfo(Executable) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync",
            "--disable-component-update", "--remote-debugging-port=0", $"--user-data-dir={profile.FullName}", "about:blank",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var chromium = Process.Start(start)!;
        _ = chromium.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var browserEndpoint = await ReadDevToolsEndpointAsync(chromium, cancellationToken);
        _ = chromium.StandardError.ReadToEndAsync(CancellationToken.None);

        using var http = new HttpClient { BaseAddress = new Uri($"http://{browserEndpoint.Authority}") };
        var targets = await http.GetFromJsonAsync<JsonArray>(new Uri("/json/list", UriKind.Relative), cancellationToken);
        var page = targets!.First(target => (string?)target!["type"] == "page")!;
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri((string)page["webSocketDebuggerUrl"]!), cancellationToken);
        var devTools = new DevToolsPage(chromium, profile, socket);
        await devTools.SendAsync("Runtime.enable", new JsonObject(), cancellationToken);
        await devTools.SendAsync("Page.enable", new JsonObject(), cancellationToken);
        return devTools;
    }

    public Task NavigateAsync(Uri address, CancellationToken cancellationToken) =>
        SendAsync("Page.navigate", new JsonObject { ["url"] = address.AbsoluteUri }, cancellationToken);

    /// <summary>Evaluates <paramref name="expression"/> in the page and returns its value as JSON.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression, CancellationToken cancellationToken)
    {
        var reply = await SendAsync(
            "Runtime.evaluate",
            new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true },
            cancellationToken);

        // The expression itself is left out of the failure: tests pass credentials through it.
        Assert.True(reply?["exceptionDetails"] is null, $"the page threw: {reply?["exceptionDetails"]?["exception"]?["description"]}");
        return reply?["result"]?["value"];
    }

    /// <summary>Waits in the page until <paramref name="condition"/>, a JavaScript expression, is true; fails after <paramref name="limit"/>.</summary>
    public async Task WaitUntilAsync(string condition, TimeSpan limit, CancellationToken cancellationToken)
    {
        // The page re-checks on its own timer, so the test waits on one promise instead of polling from here.
        var wait = $$"""
            new Promise(resolve => {
              const until = Date.now() + {{(long)limit.TotalMilliseconds}};
              const check = () => {
                let reached = false;
                try { reached = !!({{condition}}); } catch (e) { }
                if (reached || Date.now() > until) resolve(reached); else setTimeout(check, 100);
              };
              check();
            })
            """;
        var reached = (bool?)await EvaluateAsync(wait, cancellationToken);
        Assert.True(reached == true, $"the page did not reach `{condition}` within {limit.TotalSeconds} s; its errors: {string.Join("; ", errors)}");
    }

    public async ValueTask DisposeAsync()
    {
        await closing.CancelAsync();
        chromium.Kill(entireProcessTree: true);
        await chromium.WaitForExitAsync(CancellationToken.None);
        await receiving.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        socket.Dispose();
        chromium.Dispose();
        closing.Dispose();
        profile.Delete(recursive: true);
    }

    private static async Task<Uri> ReadDevToolsEndpointAsync(Process chromium, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromMinutes(1));
        while (await chromium.StandardError.ReadLineAsync(limit.Token) is { } line)
        {
            if (DevToolsListening().Match(line) is { Success: true } match)
            {
                return new Uri(match.Groups[1].Value);
            }
        }

        throw new InvalidOperationException($"chromium exited ({chromium.ExitCode}) without announcing its DevTools endpoint");
    }

    private async Task<JsonNode?> SendAsync(string method, JsonObject parameters, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref lastId);
        var reply = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = reply;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        return await reply.Task.WaitAsync(cancellationToken);
    }

    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (socket.State == WebSocketState.Open)
        {
            var received = await socket.ReceiveAsync(buffer, cancellationToken);
            message.Write(buffer, 0, received.Count);
            if (!received.EndOfMessage)
            {
                continue;
            }

            Dispatch(JsonNode.Parse(message.ToArray())!);
            message.SetLength(0);
        }
    }

    private void Dispatch(JsonNode message)
    {
        if (message["id"] is { } id && pending.TryRemove((int)id, out var reply))
        {
            reply.SetResult(message["result"]);
            return;
        }

        var method = (string?)message["method"];
        var parameters = message["params"];
        if (method == "Runtime.exceptionThrown")
        {
            var details = parameters?["exceptionDetails"];
            errors.Enqueue("uncaught: " + (details?["exception"]?["description"] ?? details?["text"]));
        }
        else if (method == "Runtime.consoleAPICalled" && (string?)parameters?["type"] == "error")
        {
            errors.Enqueue("console error: " + parameters?["args"]?.ToJsonString());
        }
    }

    [GeneratedRegex(@"DevTools listening on (ws://\S+)")]
    private static partial Regex DevToolsListening();
}
