using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;

namespace OnePasswordGraph.Simulator.Events;

/// <summary>
/// The 1Password Events API on loopback, following the documented protocol: bearer tokens with features, opaque
/// HMAC-protected cursors, <c>has_more</c>, late arrivals seen only by continuing cursors, 120-day retention, rate
/// windows with 429, injectable faults, v1 and v2 shapes. Tests drive it in-process through its admin members.
/// </summary>
public sealed class EventsSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EventsRequestHandler _handler;

    private EventsSimulator(WebApplication app, EventsRequestHandler handler)
    {
        _app = app;
        _handler = handler;
    }

    /// <summary>Gets the base URL clients use (<c>http://127.0.0.1:port</c>).</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Gets every request answered so far, in order.</summary>
    public IReadOnlyList<RequestRecord> Requests => _handler.Requests;

    public static async Task<EventsSimulator> StartAsync(EventsSimulatorOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var app = SimulatorApp.Build(options.Port);
        var handler = new EventsRequestHandler(options, new CursorCodec(RandomNumberGenerator.GetBytes(32)));
        app.Run(handler.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var simulator = new EventsSimulator(app, handler) { BaseUrl = new Uri(app.Urls.First()) };
        return simulator;
    }

    /// <summary>Issues a token for <paramref name="features"/> (all three when omitted) and returns it.</summary>
    public SimulatedToken AddToken(IReadOnlyList<string>? features = null, string accountUuid = "K4MJ3PXQ7ZGDVJ2NL5RWT6BYHA", string? audienceHost = null)
    {
        features ??= ["auditevents", "itemusages", "signinattempts"];
        var issuedAt = _handler.Options.TimeProvider.GetUtcNow();
        var token = new SimulatedToken(
            SimulatedTokens.Mint(audienceHost ?? BaseUrl.Host, features, accountUuid, issuedAt), features, accountUuid, "OY3SBJ6HNVFUZB7XOYUVZ4KNXE", issuedAt);
        _handler.Tokens[token.Token] = token;
        return token;
    }

    /// <summary>Accepts an existing token string (for a configured demo token).</summary>
    public void AddToken(SimulatedToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        _handler.Tokens[token.Token] = token;
    }

    /// <summary>Revokes a token: later requests with it get 401.</summary>
    public void RevokeToken(string token) => _handler.Tokens.AddOrUpdate(token, _ => throw new KeyNotFoundException(), (_, t) => t with { Revoked = true });

    /// <summary>Appends events to their streams, in order. Timestamps older than earlier entries model late arrivals.</summary>
    public void Append(IEnumerable<SimulatedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var group in events.GroupBy(e => e.Feature))
        {
            _handler.Log(group.Key).Append(group);
        }
    }

    /// <summary>Makes the next requests fail, one fault each, in order.</summary>
    public void InjectFaults(params Fault[] faults)
    {
        foreach (var fault in faults)
        {
            _handler.Faults.Enqueue(fault);
        }
    }

    /// <summary>Gets how many events a stream holds.</summary>
    public long Count(string feature) => _handler.Log(feature).HighestSequence + 1;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
