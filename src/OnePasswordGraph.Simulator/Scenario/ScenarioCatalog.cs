namespace OnePasswordGraph.Simulator.Scenario;

/// <summary>The realistic raw material scenarios are drawn from: names, places, clients, categories.</summary>
internal static class ScenarioCatalog
{
    public static readonly string[] FirstNames = ["Priya", "Marco", "Jenny", "Ada", "Chen", "Bob", "Fatima", "Lars", "Aiko", "Diego", "Nora", "Samir", "Olga", "Kwame", "Lucia", "Tom", "Mei", "Ravi", "Ingrid", "Yusuf"];

    public static readonly string[] LastNames = ["Raman", "Ruiz", "Bee", "Adams", "Li", "Lee", "Haddad", "Nilsen", "Tanaka", "Alvarez", "Walsh", "Khan", "Petrova", "Mensah", "Rossi", "Baker", "Wong", "Iyer", "Berg", "Demir"];

    public static readonly ScenarioPlace[] HomePlaces =
    [
        new("US", "Oregon", "Portland", 45.5152, -122.6784, "203.0.113.24"),
        new("US", "New York", "New York", 40.7128, -74.0060, "198.51.100.17"),
        new("CA", "Ontario", "Toronto", 43.6532, -79.3832, "203.0.113.10"),
        new("GB", "Scotland", "Glasgow", 55.8642, -4.2518, "198.51.100.9"),
        new("DE", "Berlin", "Berlin", 52.5200, 13.4050, "192.0.2.44"),
        new("ES", "Madrid", "Madrid", 40.4168, -3.7038, "198.51.100.77"),
        new("IN", "Karnataka", "Bengaluru", 12.9716, 77.5946, "203.0.113.88"),
        new("JP", "Tokyo", "Tokyo", 35.6762, 139.6503, "192.0.2.120"),
    ];

    public static readonly ScenarioPlace[] UnusualPlaces =
    [
        new("RU", "Moscow", "Moscow", 55.7558, 37.6173, "192.0.2.200"),
        new("BR", "Sao Paulo", "Sao Paulo", -23.5505, -46.6333, "198.51.100.201"),
        new("NG", "Lagos", "Lagos", 6.5244, 3.3792, "203.0.113.202"),
    ];

    public static readonly ScenarioClient[] Clients =
    [
        new("1Password for Mac", "81017041", "Apple Inc.", "MacBookPro18,3", "MacOSX", "14.4.1"),
        new("1Password for Windows", "81017041", "Microsoft", "Surface Laptop 5", "Windows", "10.0.22631"),
        new("1Password for Linux", "81017041", "Dell", "XPS 13", "Linux", "6.5"),
        new("1Password for iOS", "81017041", "Apple Inc.", "iPhone15,2", "iOS", "17.4"),
        new("1Password for Android", "81017041", "Google", "Pixel 8", "Android", "14"),
        new("1Password Browser Extension", "20262", "Chrome", "124.0.6367.207", "MacOSX", "14.4.1"),
        new("1Password for Web", "1895", "Firefox", "125.0", "Linux", "6.5"),
        new("1Password CLI", "2240001", "x86_64", "amd64", "Linux", "6.5"),
    ];

    public static readonly ScenarioClient UnusualClient = new("opscripts-unofficial", "0.1.0", "Go-http-client", "1.1", "Linux", "5.4");

    public static readonly string[] Categories = ["LOGIN", "PASSWORD", "API_CREDENTIAL", "SERVER", "DATABASE", "SECURE_NOTE", "SSH_KEY", "CREDIT_CARD", "SOFTWARE_LICENSE", "DOCUMENT"];

    public static readonly string[] VaultNames = ["Production Infra", "Engineering", "Finance", "Marketing", "Security Team", "Break Glass", "Customer Support", "Data Platform", "Legal", "HR", "Design", "Sales Ops"];

    public static readonly string[] ItemWords = ["Postgres primary", "Deploy bot login", "Stripe API key", "AWS root", "Grafana admin", "VPN shared", "Jira service", "Kafka SASL", "Snowflake reader", "SFTP partner", "Redis cache", "Okta break-glass", "GitHub token", "Datadog API", "Office Wi-Fi"];

    public static readonly string[] Tags = ["prod", "staging", "database", "ci", "sensitive", "finance", "shared", "legacy"];

    /// <summary>The tag of the one item a sensitive-item watch-list names (never among <see cref="Tags"/>).</summary>
    public const string CrownJewelTag = "crown-jewel";

    /// <summary>
    /// The last octet of the address a planted sign-in comes from when it is new for the user but in their own city:
    /// people's own addresses end in 1 to 150 and the unusual places' in 200 to 202.
    /// </summary>
    public const int NewAddressOctet = 250;
}
