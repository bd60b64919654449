using OnePasswordGraph.Mapping.Events;

namespace OnePasswordGraph.Tests.Mapping.Events;

public sealed class AuditEventMapperTests
{
    [Fact]
    public void Map_V1UserSuspended_MapsEveryFieldAndTheObjectUser()
    {
        var changes = new AuditEventMapper("acme").Map(EventFixtures.Audits("auditevents-v1.json"), "v1");

        Assert.Equal(
            new Dictionary<string, object?>
            {
                ["name"] = "suspend user by Ada Admin", ["displayName"] = "suspend user by Ada Admin",
                ["timestamp"] = 1747171012827L, ["occurredAt"] = "2025-05-13T21:16:52.827288935Z", ["apiVersion"] = "v1",
                ["action"] = "suspend", ["actorUUID"] = "GLF6WUEKS5CSNDJ2OG6TCZD3M4", ["objectType"] = "user", ["objectUUID"] = "ZRQCUD6A65AKHFETOUFO7NL4OM",
                ["sessionUUID"] = "ODOHXUYQCJBUJKRGZNNPBJURPE", ["sessionIP"] = "203.0.113.10", ["sessionLoginOn"] = 1747170454703L,
                ["sessionDeviceUUID"] = "rqtd557fn2husnstp5nc66w2xa",
                ["country"] = "CA", ["region"] = "Ontario", ["city"] = "Toronto", ["latitude"] = 43.6532, ["longitude"] = -79.3832,
            },
            EventFixtures.PropertiesOf(changes, "one_password_audit_event", "3UQOGUC7DVOCN4OZP2MDKHFLSG"));
        Assert.Equal(
            [
                "one_password_account_has_user acme->GLF6WUEKS5CSNDJ2OG6TCZD3M4",
                "one_password_account_has_user acme->ZRQCUD6A65AKHFETOUFO7NL4OM",
                "one_password_audit_event_updated_user 3UQOGUC7DVOCN4OZP2MDKHFLSG->ZRQCUD6A65AKHFETOUFO7NL4OM",
                "one_password_user_performed_audit_event GLF6WUEKS5CSNDJ2OG6TCZD3M4->3UQOGUC7DVOCN4OZP2MDKHFLSG",
            ],
            EventFixtures.Relationships(changes));
        Assert.Equal(
            ["one_password_audit_event_actor_details", "one_password_audit_event_object_details"],
            changes.Entities.Where(e => e.Type.Type == "one_password_user").SelectMany(e => e.RoleLabels!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Map_V2VaultAccessGrant_MapsV2FieldsAuxUserAndVault()
    {
        var changes = new AuditEventMapper("acme").Map(EventFixtures.Audits("auditevents-v2.json"), "v2");

        var audit = EventFixtures.PropertiesOf(changes, "one_password_audit_event", "2RI62MWY33CWME5TF2UKM34OA4");
        Assert.Equal(("user", "K4MJ3PXQ7ZGDVJ2NL5RWT6BYHA", "K4MJ3PXQ7ZGDVJ2NL5RWT6BYHA"), (audit["actorType"], audit["actorAccountUUID"], audit["accountUUID"]));
        Assert.Equal((9277034L, "K6VFYDCJKHGGDI7QFAXX65LCDY", "A"), (audit["auxId"], audit["auxUUID"], audit["auxInfo"]));
        Assert.Equal(
            [
                "one_password_account_has_user acme->GLF6WUEKS5CSNDJ2OG6TCZD3M4",
                "one_password_account_has_user acme->K6VFYDCJKHGGDI7QFAXX65LCDY",
                "one_password_audit_event_updated_user 2RI62MWY33CWME5TF2UKM34OA4->K6VFYDCJKHGGDI7QFAXX65LCDY",
                "one_password_audit_event_updated_vault 2RI62MWY33CWME5TF2UKM34OA4->pf7soyakgngrphytsyjed4ae3u",
                "one_password_user_performed_audit_event GLF6WUEKS5CSNDJ2OG6TCZD3M4->2RI62MWY33CWME5TF2UKM34OA4",
                "one_password_user_performed_vault GLF6WUEKS5CSNDJ2OG6TCZD3M4->pf7soyakgngrphytsyjed4ae3u",
            ],
            EventFixtures.Relationships(changes));
        Assert.True(changes.Entities.Single(e => e.Type.Type == "one_password_vault").IsPlaceholder);
    }
}
