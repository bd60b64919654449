using System.Text;
using OnePasswordGraph.Sources.Events;

namespace OnePasswordGraph.Tests.Sources.Events;

public sealed class EventsTokenClaimsTests
{
    [Fact]
    public void TryRead_EventsJwt_ReadsHostAndFeatures()
    {
        var claims = EventsTokenClaims.TryRead(Jwt("""{"aud":["events.1password.eu"],"1password.com/fts":["itemusages","auditevents"]}"""));

        Assert.Equal("events.1password.eu", claims!.EventsHost);
        Assert.Equal(["itemusages", "auditevents"], claims.Features);
    }

    [Fact]
    public void TryRead_LegacyAudience_HasNoHost() =>
        Assert.Null(EventsTokenClaims.TryRead(Jwt("""{"aud":["com.1password.streamingservice"]}"""))!.EventsHost);

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.b.c")]
    [InlineData("e30.bm90IGpzb24.x")]
    public void TryRead_NotAJwt_ReturnsNull(string token) => Assert.Null(EventsTokenClaims.TryRead(token));

    private static string Jwt(string payload) =>
        "eyJhbGciOiJFUzI1NiJ9." + Convert.ToBase64String(Encoding.UTF8.GetBytes(payload)).TrimEnd('=').Replace('+', '-').Replace('/', '_') + ".c2ln";
}
