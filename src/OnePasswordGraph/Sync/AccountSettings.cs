using OnePasswordGraph.Sources.Connect;
using OnePasswordGraph.Sources.Events;

namespace OnePasswordGraph.Sync;

/// <summary>
/// One account's resolved, validated settings: tokens already read from their files, URLs already checked.
/// <see cref="Connect"/> is null when inventory sync is off.
/// </summary>
public sealed record AccountSettings(
    string Name,
    EventsSettings? Events,
    ConnectSettings? Connect,
    DateTimeOffset? BackfillStartTime);
