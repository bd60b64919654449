namespace OnePasswordGraph.IntegrationTests.Support.QueryApi;

/// <summary>An explicit Query API transaction the double holds open.</summary>
internal sealed record OpenTransaction(string Id, string Member, string BackendLocation, DateTimeOffset Expires);
