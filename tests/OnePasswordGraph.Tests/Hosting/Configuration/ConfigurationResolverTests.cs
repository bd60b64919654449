using Microsoft.Extensions.Configuration;
using OnePasswordGraph.Hosting.Configuration;

namespace OnePasswordGraph.Tests.Hosting.Configuration;

public sealed class ConfigurationResolverTests
{
    private const string Token = "eyJ.secret-token-value.sig";

    [Fact]
    public void Resolve_SingleAccountContractKeys_GivesTheDefaultAccount()
    {
        var resolved = ConfigurationResolver.Resolve(Config(new()
        {
            ["OnePassword:Events:BaseUrl"] = "https://events.1password.com",
            ["OnePassword:Events:Token"] = Token,
            ["OnePassword:BackfillStartTime"] = "2026-08-01T00:00:00Z",
            ["Neo4j:Url"] = "https://neo4j.example.com:7473",
            ["Neo4j:Password"] = "pw",
            ["Neo4j:Database"] = "graphs",
        }));

        var account = Assert.Single(resolved.Accounts);
        Assert.Equal("default", account.Name);
        Assert.Equal(new Uri("https://events.1password.com"), account.Events!.BaseUrl);
        Assert.Equal(Token, account.Events.Token);
        Assert.Equal(new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero), account.BackfillStartTime);
        Assert.Null(account.Connect);
        Assert.Equal("graphs", resolved.Neo4j.Database);
        Assert.DoesNotContain(Token, account.Events.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_SeveralAccountsWithTokenFiles_ReadsEachOwnToken()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "  token-from-file\n");
        try
        {
            var resolved = ConfigurationResolver.Resolve(Config(new()
            {
                ["OnePassword:Accounts:0:Name"] = "acme",
                ["OnePassword:Accounts:0:Events:BaseUrl"] = "https://events.1password.eu",
                ["OnePassword:Accounts:0:Events:TokenFile"] = file,
                ["OnePassword:Accounts:1:Name"] = "globex",
                ["OnePassword:Accounts:1:Connect:BaseUrl"] = "http://connect.internal:8080",
                ["OnePassword:Accounts:1:Connect:Token"] = Token,
                ["OnePassword:Accounts:1:Connect:AllowInsecureHttp"] = "true",
                ["Neo4j:Url"] = "http://127.0.0.1:7474",
                ["Neo4j:Password"] = "pw",
            }));

            Assert.Equal(["acme", "globex"], resolved.Accounts.Select(a => a.Name));
            Assert.Equal("token-from-file", resolved.Accounts[0].Events!.Token);
            Assert.Equal(
                ["OnePassword:Accounts:1:Connect:AllowInsecureHttp is on: the Connect token travels unencrypted to connect.internal. Prefer https."],
                resolved.Warnings);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Resolve_EverythingWrong_ReportsEveryProblemWithItsKey()
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigurationResolver.Resolve(Config(new()
        {
            ["OnePassword:Accounts:0:Name"] = "acme",
            ["OnePassword:Accounts:0:Events:BaseUrl"] = "http://events.1password.com",
            ["OnePassword:Accounts:0:Events:PageSize"] = "5000",
            ["OnePassword:Accounts:0:BackfillStartTime"] = "last tuesday",
            ["OnePassword:Accounts:1:Name"] = "acme",
            ["OnePassword:Accounts:1:Connect:BaseUrl"] = "http://connect.internal:8080",
            ["OnePassword:Accounts:1:Connect:Token"] = Token,
            ["OnePassword:Accounts:1:Connect:TokenFile"] = "/run/secrets/connect",
            ["OnePassword:Accounts:2:Events:BaseUrl"] = "https://events.1password.com",
            ["OnePassword:Accounts:2:Events:TokenFile"] = "/nonexistent/token",
            ["Neo4j:Url"] = "http://neo4j.example.com:7474",
        })));

        Assert.Equal(
            [
                "OnePassword:Accounts:0:Events:PageSize: The field PageSize must be between 1 and 1000.",
                "OnePassword:Accounts:0:Events:BaseUrl 'http://events.1password.com/' uses plain http; use https:// (plain http is accepted only for loopback hosts such as 127.0.0.1 or localhost).",
                "OnePassword:Accounts:0:Events:Token is missing; set OnePassword:Accounts:0:Events:Token or OnePassword:Accounts:0:Events:TokenFile (the Events Reporting bearer token).",
                "OnePassword:Accounts:0:BackfillStartTime 'last tuesday' is not an ISO 8601 time; use e.g. 2026-08-01T00:00:00Z.",
                "OnePassword:Accounts:1:Connect:BaseUrl 'http://connect.internal:8080/' uses plain http; use https:// (plain http is accepted only for loopback hosts such as 127.0.0.1 or localhost, or with Connect:AllowInsecureHttp=true for a Connect server on a private network).",
                "OnePassword:Accounts:1:Connect:Token and OnePassword:Accounts:1:Connect:TokenFile are both set; set only one of them (the Connect access token).",
                "OnePassword:Accounts:2:Name is missing; give each account a unique name (letters, digits, '.', '_' or '-').",
                "OnePassword:Accounts:2:Events:TokenFile: the file '/nonexistent/token' does not exist.",
                "OnePassword:Accounts: the name 'acme' is used by 2 accounts; names must be unique.",
                "Neo4j:Url 'http://neo4j.example.com:7474/' uses plain http; use https:// (plain http is accepted only for loopback hosts such as 127.0.0.1 or localhost, or with Neo4j:AllowInsecureHttp=true for a Neo4j on a private container network).",
                "Neo4j:Password is missing; set Neo4j:Password or Neo4j:PasswordFile (the Neo4j password).",
            ],
            error.Problems);
        Assert.DoesNotContain(Token, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_NothingConfigured_SaysWhatToSet()
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigurationResolver.Resolve(Config(new())));

        Assert.Equal(
            [
                "OnePassword: no account is configured. Set OnePassword:Events:BaseUrl (e.g. https://events.1password.com) and OnePassword:Events:Token or TokenFile, and/or OnePassword:Connect:BaseUrl and a Connect token; or list accounts under OnePassword:Accounts:0:… .",
                "Neo4j:Url is missing; set the HTTP URL of Neo4j, e.g. https://neo4j.example.com:7473 (http://127.0.0.1:7474 for a local server).",
                "Neo4j:Password is missing; set Neo4j:Password or Neo4j:PasswordFile (the Neo4j password).",
            ],
            error.Problems);
    }

    [Fact]
    public void Resolve_CredentialsInUrlOrUnparsableTimeout_AreRefused()
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigurationResolver.Resolve(Config(new()
        {
            ["OnePassword:Events:BaseUrl"] = "https://user:pass@events.1password.com",
            ["OnePassword:Events:Token"] = Token,
            ["OnePassword:Events:RequestTimeout"] = "soon",
            ["Neo4j:Url"] = "http://[::1]:7474",
            ["Neo4j:Password"] = "pw",
        })));

        Assert.Equal(2, error.Problems.Count);
        Assert.StartsWith("OnePassword: Failed to convert configuration value", error.Problems[0], StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_ScheduleAndTelemetryOutOfRange_NameEachKeyAndTheValidRange()
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigurationResolver.Resolve(Config(new()
        {
            ["OnePassword:Events:BaseUrl"] = "https://events.1password.com",
            ["OnePassword:Events:Token"] = Token,
            ["Neo4j:Url"] = "http://127.0.0.1:7474",
            ["Neo4j:Password"] = "pw",
            ["Sync:Interval"] = "00:00:20",
            ["Sync:Jitter"] = "00:00:30",
            ["Sync:LeaseDuration"] = "00:00:01",
            ["Sync:ShutdownTimeout"] = "02:00:00",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "collector:4317",
        })));

        Assert.Equal(
            [
                "Sync:LeaseDuration: must be between 00:00:03 and 01:00:00 (for example 00:02:00)",
                "Sync:ShutdownTimeout: must be between 00:00:01 and 00:30:00 (for example 00:01:00)",
                "Sync:Jitter (00:00:30) must be shorter than Sync:Interval (00:00:20).",
                "OTEL_EXPORTER_OTLP_ENDPOINT 'collector:4317' is not an http(s) URL; set the collector's OTLP endpoint, e.g. http://otel-collector:4317, or unset it to not export metrics.",
            ],
            error.Problems);
    }

    [Fact]
    public void Resolve_ScheduleUnset_UsesFiveMinutesWithJitterAndATwoMinuteLease()
    {
        var resolved = ConfigurationResolver.Resolve(Config(new()
        {
            ["OnePassword:Events:BaseUrl"] = "https://events.1password.com",
            ["OnePassword:Events:Token"] = Token,
            ["Neo4j:Url"] = "http://127.0.0.1:7474",
            ["Neo4j:Password"] = "pw",
        }));

        Assert.Equal(new ScheduleSettings(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(60)), resolved.Schedule);
        Assert.Null(resolved.OtlpEndpoint);
    }

    [Fact]
    public void Resolve_AlertKeys_BecomeRuleOverrides()
    {
        var resolved = ConfigurationResolver.Resolve(Config(new()
        {
            ["OnePassword:Events:BaseUrl"] = "https://events.1password.com",
            ["OnePassword:Events:Token"] = "token",
            ["Neo4j:Url"] = "http://127.0.0.1:7474",
            ["Neo4j:Password"] = "pw",
            ["Alerts:RulesPath"] = "/etc/opg/rules",
            ["Alerts:Rules:reveal-burst:Enabled"] = "false",
            ["Alerts:Rules:reveal-burst:Parameters:minBurst"] = "40",
        }));

        Assert.True(resolved.Alerts.Enabled);
        Assert.Equal("/etc/opg/rules", resolved.Alerts.RulesPath);
        var reveal = resolved.Alerts.Overrides["reveal-burst"];
        Assert.False(reveal.Enabled);
        Assert.Equal("40", reveal.Parameters["minBurst"]);
        Assert.False(resolved.Alerts.LoadRules().Find("reveal-burst")!.Enabled);
        Assert.Equal(40L, resolved.Alerts.LoadRules().Find("reveal-burst")!.ParameterValues["minBurst"]);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("30d", 30.0)]
    [InlineData("12h", 0.5)]
    public void Resolve_FirstEvaluationLookback_IsTheWholeHistoryUnlessSet(string? value, double? days)
    {
        var settings = new Dictionary<string, string?> { ["Neo4j:Url"] = "http://127.0.0.1:7474", ["Neo4j:Password"] = "pw", ["Alerts:FirstEvaluationLookback"] = value };

        var resolved = ConfigurationResolver.Resolve(Config(settings), ConfigurationScope.GraphOnly);

        Assert.Equal(days is { } d ? TimeSpan.FromDays(d) : null, resolved.Alerts.FirstEvaluationLookback);
    }

    [Theory]
    [InlineData("forever")]
    [InlineData("0d")]
    public void Resolve_FirstEvaluationLookbackNotAPositiveDuration_IsRefusedWithTheFix(string value)
    {
        var settings = new Dictionary<string, string?> { ["Neo4j:Url"] = "http://127.0.0.1:7474", ["Neo4j:Password"] = "pw", ["Alerts:FirstEvaluationLookback"] = value };

        var error = Assert.Throws<ConfigurationException>(() => ConfigurationResolver.Resolve(Config(settings), ConfigurationScope.GraphOnly));

        Assert.Contains($"Alerts:FirstEvaluationLookback '{value}' is not a duration; use hours or days such as 12h or 30d", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, 1_000_000L)]
    [InlineData("200000", 200_000L)]
    public void Resolve_MaxEventsPerEvaluation_IsAMillionUnlessSet(string? value, long expected)
    {
        var settings = new Dictionary<string, string?> { ["Neo4j:Url"] = "http://127.0.0.1:7474", ["Neo4j:Password"] = "pw", ["Alerts:MaxEventsPerEvaluation"] = value };

        Assert.Equal(expected, ConfigurationResolver.Resolve(Config(settings), ConfigurationScope.GraphOnly).Alerts.MaxEventsPerEvaluation);
    }

    [Theory]
    [InlineData("0", "Alerts:MaxEventsPerEvaluation 0 is not a positive number of events")]
    [InlineData("many", "Alerts:MaxEventsPerEvaluation")]
    public void Resolve_MaxEventsPerEvaluationNotAPositiveNumber_IsRefusedWithTheFix(string value, string expected)
    {
        var settings = new Dictionary<string, string?> { ["Neo4j:Url"] = "http://127.0.0.1:7474", ["Neo4j:Password"] = "pw", ["Alerts:MaxEventsPerEvaluation"] = value };

        var error = Assert.Throws<ConfigurationException>(() => ConfigurationResolver.Resolve(Config(settings), ConfigurationScope.GraphOnly));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_GraphOnlyWithoutAnyOnePasswordSetting_NeedsNoTokenAndNamesTheDefaultAccount()
    {
        var neo4jOnly = Config(new() { ["Neo4j:Url"] = "http://127.0.0.1:7474", ["Neo4j:Password"] = "pw", ["OnePassword:Events:TokenFile"] = "/no/such/file" });

        var resolved = ConfigurationResolver.Resolve(neo4jOnly, ConfigurationScope.GraphOnly);

        Assert.Equal(ConfigurationResolver.DefaultAccountName, Assert.Single(resolved.Accounts).Name);
        Assert.Null(resolved.Accounts[0].Events);
        Assert.Throws<ConfigurationException>(() => ConfigurationResolver.Resolve(neo4jOnly));
    }

    [Fact]
    public void Resolve_RetrySections_AreResolvedForNeo4jAnd1Password()
    {
        var resolved = ConfigurationResolver.Resolve(Config(new()
        {
            ["OnePassword:Events:BaseUrl"] = "https://events.1password.com",
            ["OnePassword:Events:Token"] = Token,
            ["OnePassword:Retry:MaxRetryAttempts"] = "2",
            ["OnePassword:Retry:Deadline"] = "00:01:00",
            ["Neo4j:Url"] = "https://neo4j.example.com:7473",
            ["Neo4j:Password"] = "pw",
            ["Neo4j:Retry:MaxRetryAttempts"] = "9",
            ["Neo4j:Retry:InitialDelay"] = "00:00:00.250",
        }));

        Assert.Equal((2, TimeSpan.FromMinutes(1)), (resolved.OnePasswordRetry.MaxRetryAttempts, resolved.OnePasswordRetry.Deadline));
        Assert.Equal((9, TimeSpan.FromMilliseconds(250)), (resolved.Neo4j.Retry.MaxRetryAttempts, resolved.Neo4j.Retry.InitialDelay));
    }

    [Fact]
    public void Resolve_InvalidRetrySettings_NameEachKey()
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigurationResolver.Resolve(Config(new()
        {
            ["OnePassword:Events:BaseUrl"] = "https://events.1password.com",
            ["OnePassword:Events:Token"] = Token,
            ["OnePassword:Retry:InitialDelay"] = "00:02:00",
            ["OnePassword:Retry:MaxDelay"] = "00:01:00",
            ["Neo4j:Url"] = "https://neo4j.example.com:7473",
            ["Neo4j:Password"] = "pw",
            ["Neo4j:Retry:MaxRetryAttempts"] = "500",
            ["Neo4j:Retry:Deadline"] = "00:00:00.500",
        })));

        Assert.Equal(
            [
                "Neo4j:Retry:MaxRetryAttempts: The field MaxRetryAttempts must be between 0 and 100.",
                "Neo4j:Retry:Deadline (00:00:00.5000000) must be longer than Neo4j:Retry:InitialDelay (00:00:01), or no retry would ever run; set Neo4j:Retry:MaxRetryAttempts=0 to turn retries off.",
                "OnePassword:Retry:InitialDelay (00:02:00) must not be longer than OnePassword:Retry:MaxDelay (00:01:00).",
            ],
            error.Problems);
    }

    private static IConfiguration Config(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
