using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OnePasswordGraph.Graph.Schema;
using OnePasswordGraph.Sources.Events.Internal.Protocol;
using OnePasswordGraph.Sources.Events.Records;

namespace OnePasswordGraph.Tests.Mapping.Events;

/// <summary>Reads recorded Events API pages (the reference's sample records) and inspects mapped graph changes.</summary>
internal static class EventFixtures
{
    public static IReadOnlyList<T> Items<T>(string file, JsonTypeInfo<EventEnvelope<T>> typeInfo) =>
        JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Events", file)), typeInfo)!.Items!;

    public static IReadOnlyList<ItemUsage> ItemUsages(string file) => Items(file, EventsApiJsonContext.Default.EventEnvelopeItemUsage);

    public static IReadOnlyList<SignInAttempt> SignIns(string file) => Items(file, EventsApiJsonContext.Default.EventEnvelopeSignInAttempt);

    public static IReadOnlyList<AuditEvent> Audits(string file) => Items(file, EventsApiJsonContext.Default.EventEnvelopeAuditEvent);

    public static Dictionary<string, object?> PropertiesOf(GraphChanges changes, string type, string key) =>
        changes.Entities.Single(e => e.Type.Type == type && e.Key == key && !e.IsPlaceholder).Properties
            .Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    public static List<string> Relationships(GraphChanges changes) =>
        changes.Relationships.Select(r => $"{r.Type.Type} {r.FromKey}->{r.ToKey}").Order(StringComparer.Ordinal).ToList();
}
