namespace OnePasswordGraph.Sources.Events.Records;

/// <summary>Extra information of a sign-in attempt, such as the value a firewall rule matched; often null.</summary>
internal sealed record SignInDetails(string? Value);
