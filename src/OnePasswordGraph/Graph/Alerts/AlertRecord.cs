namespace OnePasswordGraph.Graph.Alerts;

/// <summary>
/// A finding as the graph stores it: a <c>one_password_alert</c> node keyed by its fingerprint, and
/// <c>(alert)-[:FLAGS]-&gt;(node)</c> to each existing node whose <c>_key</c> is in <see cref="Targets"/>.
/// </summary>
/// <param name="Key">The fingerprint (the node's <c>_key</c>).</param>
/// <param name="Account">The configured account name.</param>
/// <param name="Properties">
/// Declared properties of <see cref="Schema.OnePasswordNodeTypes.Alert"/>, written when the node is created; it must
/// hold <c>occurredOn</c>. When found again with a newer <c>occurredOn</c>, the summary, occurredOn, flagged, evidence
/// and evidenceCount are refreshed; the status and createdOn never change.
/// </param>
/// <param name="Targets">Keys of the flagged entities and evidence events; keys with no node are skipped, never created.</param>
public sealed record AlertRecord(string Key, string Account, IReadOnlyDictionary<string, object?> Properties, IReadOnlyList<string> Targets);
