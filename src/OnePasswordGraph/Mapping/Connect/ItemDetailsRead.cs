using OnePasswordGraph.Sources.Connect.Records;

namespace OnePasswordGraph.Mapping.Connect;

/// <summary>An item's details as the integration read them: which version, and when (1Password logs that read as item usage).</summary>
internal sealed record ItemDetailsRead(ConnectItemDetails Details, long? Version, DateTimeOffset ReadOn);
