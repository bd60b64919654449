using System.Net.Http.Headers;
using OnePasswordGraph.Sources.Events;

namespace OnePasswordGraph.Tests.Sources.Events;

public sealed class EventsApiErrorClassifierTests
{
    [Theory]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(403, false)]
    [InlineData(404, false)]
    [InlineData(408, true)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    public void IsTransient_ByStatus(int status, bool transient) => Assert.Equal(transient, EventsApiErrorClassifier.IsTransient(status));

    [Fact]
    public void RetryAfter_DeltaSeconds_IsRead()
    {
        using var response = new HttpResponseMessage();
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(42));

        Assert.Equal(TimeSpan.FromSeconds(42), EventsApiErrorClassifier.RetryAfter(response.Headers, DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void RetryAfter_HttpDate_IsTheTimeUntilThen()
    {
        var now = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
        using var response = new HttpResponseMessage();
        response.Headers.RetryAfter = new RetryConditionHeaderValue(now.AddSeconds(90));

        Assert.Equal(TimeSpan.FromSeconds(90), EventsApiErrorClassifier.RetryAfter(response.Headers, now));
    }

    [Fact]
    public void RetryAfter_Absent_IsNull()
    {
        using var response = new HttpResponseMessage();

        Assert.Null(EventsApiErrorClassifier.RetryAfter(response.Headers, DateTimeOffset.UnixEpoch));
    }
}
