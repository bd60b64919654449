using OnePasswordGraph.Mapping.Events;

namespace OnePasswordGraph.Tests.Mapping.Events;

public sealed class SignInAttemptMapperTests
{
    [Fact]
    public void Map_V1FirewallBlock_MapsEveryField()
    {
        var changes = new SignInAttemptMapper("acme").Map(EventFixtures.SignIns("signinattempts-v1.json"), "v1");

        Assert.Equal(
            new Dictionary<string, object?>
            {
                ["name"] = "firewall_failed for Priya Raman", ["displayName"] = "firewall_failed for Priya Raman",
                ["timestamp"] = 1747190469000L, ["occurredAt"] = "2025-05-14T02:41:09Z", ["apiVersion"] = "v1",
                ["sessionUUID"] = "TDQ3W6OGEZBNNAYKF4YSV2J6QM", ["category"] = "firewall_failed", ["type"] = "country_blocked", ["country"] = "RU",
                ["details"] = "Russia", ["targetUserUUID"] = "DQ4ZWN5ZSJCIDGV3LRMXFYAAQE", ["appName"] = "1Password for Web", ["appVersion"] = "1895",
                ["platformName"] = "Firefox", ["platformVersion"] = "125.0", ["osName"] = "Linux", ["osVersion"] = "6.5", ["ipAddress"] = "192.0.2.200",
                ["region"] = "Moscow", ["city"] = "Moscow", ["latitude"] = 55.7558, ["longitude"] = 37.6173,
            },
            EventFixtures.PropertiesOf(changes, "one_password_signin_attempt_event", "WJ2HCV7YSVGM5LTQ3XWZK4N2RA"));
        Assert.Equal(
            ["one_password_account_has_user acme->DQ4ZWN5ZSJCIDGV3LRMXFYAAQE", "one_password_user_performed_signin_attempt_event DQ4ZWN5ZSJCIDGV3LRMXFYAAQE->WJ2HCV7YSVGM5LTQ3XWZK4N2RA"],
            EventFixtures.Relationships(changes));
    }

    [Fact]
    public void Map_V2WithNullDetailsAndTypeSpelledType_ReadsUserTypeAndAccount()
    {
        var changes = new SignInAttemptMapper("acme").Map(EventFixtures.SignIns("signinattempts-v2.json"), "v2");

        var attempt = EventFixtures.PropertiesOf(changes, "one_password_signin_attempt_event", "NAFGMYS3LZBCZLX2MVRSWNXIHI");
        Assert.False(attempt.ContainsKey("details"));
        Assert.Equal("federated", attempt["type"]);
        Assert.Equal("K4MJ3PXQ7ZGDVJ2NL5RWT6BYHA", attempt["mspAccountUUID"]);
        Assert.Equal("user", EventFixtures.PropertiesOf(changes, "one_password_user", "LJ5T2WK7U3FQGZ2DQQ4V5RLP3S")["mspUserType"]);
        Assert.Equal(["one_password_signin_attempt_target_user"], changes.Entities.Single(e => e.Type.Type == "one_password_user").RoleLabels!);
    }

    [Theory]
    [InlineData("RU", "DE", "RU")]
    [InlineData(null, "DE", "DE")]
    [InlineData(null, null, null)]
    public void Map_Country_IsTheAttributedOneElseTheGeolocatedOne(string? attributed, string? geolocated, string? expected)
    {
        var attempt = EventFixtures.SignIns("signinattempts-v1.json")[0] with
        {
            Country = attributed,
            Location = new() { Country = geolocated, City = "Somewhere" },
        };

        var changes = new SignInAttemptMapper("acme").Map([attempt], "v1");

        var properties = EventFixtures.PropertiesOf(changes, "one_password_signin_attempt_event", attempt.Uuid);
        Assert.Equal(expected, properties.GetValueOrDefault("country"));
        Assert.Equal("Somewhere", properties["city"]);
    }
}
