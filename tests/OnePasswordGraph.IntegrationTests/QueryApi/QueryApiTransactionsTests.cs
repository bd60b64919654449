using Microsoft.Extensions.Time.Testing;
using OnePasswordGraph.IntegrationTests.Support.QueryApi;

namespace OnePasswordGraph.IntegrationTests.QueryApi;

/// <summary>The double's transaction expiry follows Neo4j's: idle time, counted from the end of the last request.</summary>
public sealed class QueryApiTransactionsTests
{
    [Fact]
    public void Find_AfterAStatementLongerThanTheIdleTimeout_TheTransactionIsStillLive()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-30T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var transactions = new QueryApiTransactions(clock, TimeSpan.FromSeconds(30));
        var opened = transactions.Open("/db/data/transaction/7", "member-a");

        Assert.NotNull(transactions.Find(opened.Id, "member-a").Live);
        clock.Advance(TimeSpan.FromSeconds(45));
        transactions.Touch(opened.Id);
        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.NotNull(transactions.Find(opened.Id, "member-a").Live);
    }

    [Fact]
    public void Find_IdleLongerThanTheTimeout_TheTransactionHasExpired()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-30T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var transactions = new QueryApiTransactions(clock, TimeSpan.FromSeconds(30));
        var opened = transactions.Open("/db/data/transaction/7", "member-a");

        clock.Advance(TimeSpan.FromSeconds(31));

        var (live, expired) = transactions.Find(opened.Id, "member-a");
        Assert.Null(live);
        Assert.Equal(opened.Id, expired?.Id);
    }
}
