using Microsoft.Extensions.Configuration;
using OnePasswordGraph.Hosting.Configuration;
using OnePasswordGraph.Rules;

namespace OnePasswordGraph.Tests.Hosting.Configuration;

/// <summary>The Users API and suspend-user response keys: off unless set, per account, validated with what to fix.</summary>
public sealed class UsersConfigurationTests
{
    private const string Secret = "users-client-secret-value";

    [Fact]
    public void Resolve_NoUsersKeys_LeavesUsersAndTheResponseOff()
    {
        var resolved = ConfigurationResolver.Resolve(Config(Base()));

        Assert.Null(Assert.Single(resolved.Accounts).Users);
        Assert.Null(resolved.SuspendUser);
    }

    [Fact]
    public void Resolve_UsersPerAccount_WithoutAccountIdUsesIntrospection_AndHidesTheSecret()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, Secret + "\n");
        try
        {
            var resolved = ConfigurationResolver.Resolve(Config(new()
            {
                ["OnePassword:Accounts:0:Name"] = "acme",
                ["OnePassword:Accounts:0:Events:BaseUrl"] = "https://events.1password.com",
                ["OnePassword:Accounts:0:Events:Token"] = "events-token",
                ["OnePassword:Accounts:0:Users:BaseUrl"] = "https://api.1password.com",
                ["OnePassword:Accounts:0:Users:ClientId"] = "client-1",
                ["OnePassword:Accounts:0:Users:ClientSecretFile"] = file,
                ["Neo4j:Url"] = "http://127.0.0.1:7474",
                ["Neo4j:Password"] = "pw",
            }));

            var users = Assert.Single(resolved.Accounts).Users!;
            Assert.Equal((new Uri("https://api.1password.com"), null, "client-1", Secret), (users.BaseUrl, users.AccountId, users.ClientId, users.ClientSecret));
            Assert.DoesNotContain(Secret, users.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Resolve_UsersHalfConfigured_ListsWhatToFix()
    {
        var values = Base();
        values["OnePassword:Users:ClientId"] = "client-1";
        values["OnePassword:Users:BaseUrl"] = "http://api.1password.com";

        var error = Assert.Throws<ConfigurationException>(() => ConfigurationResolver.Resolve(Config(values)));

        Assert.Contains(error.Problems, p => p.StartsWith("OnePassword:Users:BaseUrl 'http://api.1password.com/' uses plain http", StringComparison.Ordinal));
        Assert.Contains("OnePassword:Users:ClientSecret is missing; set OnePassword:Users:ClientSecret or OnePassword:Users:ClientSecretFile (the OAuth application's client secret).", error.Problems);
    }

    [Fact]
    public void Resolve_UsersOnlyAccountWithoutAccountId_AsksForIt()
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigurationResolver.Resolve(Config(new()
        {
            ["OnePassword:Users:BaseUrl"] = "https://api.1password.com",
            ["OnePassword:Users:ClientId"] = "client-1",
            ["OnePassword:Users:ClientSecret"] = Secret,
            ["Neo4j:Url"] = "http://127.0.0.1:7474",
            ["Neo4j:Password"] = "pw",
        })));

        Assert.Contains(error.Problems, p => p.StartsWith("OnePassword:Users:AccountId is missing", StringComparison.Ordinal));
        Assert.DoesNotContain(error.Problems, p => p.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public void Resolve_ResponseEnabled_DefaultsToADryRunWithACapOf5()
    {
        var values = WithUsers();
        values["Alerts:Response:SuspendUser:Enabled"] = "true";
        values["Alerts:Response:SuspendUser:RuleIds:0"] = "rule-a,rule-b";
        values["Alerts:Response:SuspendUser:ProtectedUsers:0"] = "Boss@Example.com";

        var settings = ConfigurationResolver.Resolve(Config(values)).SuspendUser!;

        Assert.Equal((true, 5, null), (settings.DryRun, settings.MaxPerHour, settings.MinSeverity));
        Assert.Equal(["rule-a", "rule-b"], settings.RuleIds.Order(StringComparer.Ordinal));
        Assert.True(settings.IsProtected("UUID", "boss@example.com"));
    }

    [Fact]
    public void Resolve_ResponseEnabledWithoutTrigger_OrWithoutUsersApi_IsAConfigurationError()
    {
        var values = Base();
        values["Alerts:Response:SuspendUser:Enabled"] = "true";
        values["Alerts:Response:SuspendUser:MinSeverity"] = "severe";

        var error = Assert.Throws<ConfigurationException>(() => ConfigurationResolver.Resolve(Config(values)));

        Assert.Contains("Alerts:Response:SuspendUser:MinSeverity 'severe' is not a severity; use info, low, medium, high or critical.", error.Problems);
        Assert.Contains(error.Problems, p => p.StartsWith("Alerts:Response:SuspendUser:Enabled is true but no account has the Users API configured", StringComparison.Ordinal));
        values.Remove("Alerts:Response:SuspendUser:MinSeverity");
        var noTrigger = Assert.Throws<ConfigurationException>(() => ConfigurationResolver.Resolve(Config(values)));
        Assert.Contains(noTrigger.Problems, p => p.StartsWith("Alerts:Response:SuspendUser:Enabled is true but nothing says which findings", StringComparison.Ordinal));
    }

    [Fact]
    public void Resolve_ResponseMinSeverity_TriggersAtOrAbove()
    {
        var values = WithUsers();
        values["Alerts:Response:SuspendUser:Enabled"] = "true";
        values["Alerts:Response:SuspendUser:MinSeverity"] = "high";
        values["Alerts:Response:SuspendUser:DryRun"] = "false";

        var settings = ConfigurationResolver.Resolve(Config(values)).SuspendUser!;

        Assert.False(settings.DryRun);
        Assert.Equal([false, false, false, true, true], Enum.GetValues<AlertSeverity>().Select(s => settings.Triggers("any-rule", s)));
    }

    private static Dictionary<string, string?> Base() => new()
    {
        ["OnePassword:Events:BaseUrl"] = "https://events.1password.com",
        ["OnePassword:Events:Token"] = "events-token",
        ["Neo4j:Url"] = "http://127.0.0.1:7474",
        ["Neo4j:Password"] = "pw",
    };

    private static Dictionary<string, string?> WithUsers()
    {
        var values = Base();
        values["OnePassword:Users:BaseUrl"] = "https://api.1password.com";
        values["OnePassword:Users:ClientId"] = "client-1";
        values["OnePassword:Users:ClientSecret"] = Secret;
        return values;
    }

    private static IConfiguration Config(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
