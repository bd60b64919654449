using OnePasswordGraph.Graph.Alerts;
using OnePasswordGraph.Graph.Schema;
using OnePasswordGraph.Tests.Support;

namespace OnePasswordGraph.Tests.Graph.Alerts;

public sealed class DeliveryStatementsTests
{
    private const string Folder = "tests/OnePasswordGraph.Tests/Graph/Snapshots/";
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Statements_Text_MatchSnapshot() =>
        Snapshot.Match(
            string.Join(
                "\n;\n",
                DeliveryStatements.Pending("acme", "webhook", Now, 10).Text,
                DeliveryStatements.Claim("acme", "ab12", "webhook", "h1", null, Now, Now).Text,
                DeliveryStatements.Complete("ab12", "webhook", Now).Text,
                DeliveryStatements.Release("ab12", "webhook", "h1", "down", Now).Text,
                DeliveryStatements.Skip("acme", "ab12", "webhook", Now).Text,
                DeliveryStatements.Backlog("acme", ["webhook"], Now).Text,
                DeliveryStatements.BrowserQuery("ab12")),
            Folder + "alert-delivery.cypher");

    [Fact]
    public void Claim_NewDeliveryNode_IsScopedToTheAccountAndNamedByFingerprintAndChannel()
    {
        var statement = DeliveryStatements.Claim("acme", "ab12", "slack", "host:1:deliver:x", null, Now, Now.AddMinutes(10));

        var create = (Dictionary<string, object?>)statement.Parameters["create"]!;
        var relationship = (Dictionary<string, object?>)statement.Parameters["relationship"]!;
        Assert.Equal(("ab12|delivery|slack", "one_password_alert_delivery", "acme", "slack"), (create["_key"], create["_type"], create["account"], create["channel"]));
        Assert.Equal((OnePasswordRelationshipTypes.AlertHasDelivery.Type, "acme"), (relationship["_type"], relationship["account"]));
        Assert.All(create.Keys, key => Assert.NotNull(OnePasswordNodeTypes.AlertDelivery.Property(key)));
        Assert.Equal(Now.AddMinutes(10).ToUnixTimeMilliseconds(), statement.Parameters["until"]);
    }

    [Theory]
    [InlineData("ab12' OR 1=1 //")]
    [InlineData("AB 12")]
    public void BrowserQuery_NotAFingerprint_IsRefused(string text) =>
        Assert.Throws<ArgumentException>(() => DeliveryStatements.BrowserQuery(text));
}
