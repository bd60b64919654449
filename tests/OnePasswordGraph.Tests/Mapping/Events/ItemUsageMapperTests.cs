using OnePasswordGraph.Graph.Schema;
using OnePasswordGraph.Mapping.Events;

namespace OnePasswordGraph.Tests.Mapping.Events;

public sealed class ItemUsageMapperTests
{
    [Fact]
    public void Map_V1Sample_MapsEveryField()
    {
        var changes = new ItemUsageMapper("acme").Map(EventFixtures.ItemUsages("itemusages-v1.json"), "v1");

        Assert.Equal(
            new Dictionary<string, object?>
            {
                ["name"] = "secure-copy by Priya Raman", ["displayName"] = "secure-copy by Priya Raman",
                ["timestamp"] = 1747227768118L, ["occurredAt"] = "2025-05-14T13:02:48.118403922Z", ["apiVersion"] = "v1",
                ["action"] = "secure-copy", ["usedVersion"] = 7L, ["vaultUUID"] = "r2cpw3wdkzh5qmo4lwq6bb4mye", ["itemUUID"] = "t5c7akj3v6hzbqk7uhn2xw4kfa",
                ["userUUID"] = "DQ4ZWN5ZSJCIDGV3LRMXFYAAQE", ["appName"] = "1Password for Mac", ["appVersion"] = "81017041", ["platformName"] = "Apple Inc.",
                ["platformVersion"] = "MacBookPro18,3", ["osName"] = "MacOSX", ["osVersion"] = "14.4.1", ["ipAddress"] = "203.0.113.24",
                ["country"] = "US", ["region"] = "Oregon", ["city"] = "Portland", ["latitude"] = 45.5152, ["longitude"] = -122.6784,
            },
            EventFixtures.PropertiesOf(changes, "one_password_item_usage_event", "SUX5AI3LJVBWNBKF6XMEPQNCCE"));
        Assert.Equal(
            new Dictionary<string, object?> { ["userUUID"] = "DQ4ZWN5ZSJCIDGV3LRMXFYAAQE", ["name"] = "Priya Raman", ["displayName"] = "Priya Raman", ["email"] = "priya.raman@example.com" },
            EventFixtures.PropertiesOf(changes, "one_password_user", "DQ4ZWN5ZSJCIDGV3LRMXFYAAQE"));
        Assert.Equal(
            [
                "one_password_account_has_user acme->DQ4ZWN5ZSJCIDGV3LRMXFYAAQE",
                "one_password_item_usage_event_accessed_secret SUX5AI3LJVBWNBKF6XMEPQNCCE->t5c7akj3v6hzbqk7uhn2xw4kfa",
                "one_password_user_performed_item_usage_event DQ4ZWN5ZSJCIDGV3LRMXFYAAQE->SUX5AI3LJVBWNBKF6XMEPQNCCE",
            ],
            EventFixtures.Relationships(changes));
        Assert.Equal([new AggregateRefresh(OnePasswordRelationshipTypes.UsageAggregate, "DQ4ZWN5ZSJCIDGV3LRMXFYAAQE", "t5c7akj3v6hzbqk7uhn2xw4kfa", "SUX5AI3LJVBWNBKF6XMEPQNCCE")], changes.AggregateRefreshes);
    }

    [Fact]
    public void Map_V2SampleWithUnknownActionAndFields_KeepsTheActionAndMspFields()
    {
        var changes = new ItemUsageMapper("acme").Map(EventFixtures.ItemUsages("itemusages-v2.json"), "v2");

        var usage = EventFixtures.PropertiesOf(changes, "one_password_item_usage_event", "HB6ZP3RKCRE2FCXTSL7V3QMJ4U");
        Assert.Equal("teleport", usage["action"]);
        Assert.Equal("K4MJ3PXQ7ZGDVJ2NL5RWT6BYHA", usage["mspAccountUUID"]);
        var user = EventFixtures.PropertiesOf(changes, "one_password_user", "GZ7W2BVQKFDWHMBUXQ5RJN3C5I");
        Assert.Equal("external_user", user["mspUserType"]);
        Assert.Equal("P2SFL6KXE5CJ7HTNQ4MWVZBR3U", user["mspUserAccountId"]);
        var secret = changes.Entities.Single(e => e.Type.Type == "one_password_secret");
        Assert.True(secret.IsPlaceholder);
        Assert.Equal(("m4q2vyd7oqexzd3tnb5kri6s4i", "m4q2vyd7oqexzd3tnb5kri6s4i"), (secret.Properties["vaultUUID"], secret.Properties["vaultId"]));
        Assert.Equal(["one_password_item_usage_user"], changes.Entities.Single(e => e.Type.Type == "one_password_user").RoleLabels!);
    }

    [Fact]
    public void Map_EmptyPage_ChangesNothing()
    {
        var changes = new ItemUsageMapper("acme").Map([], "v2");

        Assert.Equal(0, changes.RowCount);
    }
}
