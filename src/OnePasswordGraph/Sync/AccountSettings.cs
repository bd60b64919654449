using OnePasswordGraph.Sources.Connect;
using OnePasswordGraph.Sources.Events;
using OnePasswordGraph.Sources.Users;

namespace OnePasswordGraph.Sync;

/// <summary>
/// One account's resolved, validated settings: tokens already read from their files, URLs already checked.
/// <see cref="Connect"/> is null when inventory sync is off, <see cref="Users"/> when the Users API is not configured.
/// </summary>
public sealed record AccountSettings(
    string Name,
    EventsSettings? Events,
    ConnectSettings? Connect,
    DateTimeOffset? BackfillStartTime,
    UsersSettings? Users = null);
