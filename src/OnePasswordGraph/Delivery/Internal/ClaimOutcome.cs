namespace OnePasswordGraph.Delivery.Internal;

/// <summary>Whether a delivery was claimed, and otherwise who holds it and in what status it is.</summary>
internal sealed record ClaimOutcome(bool Claimed, string? Holder, string? Status);
