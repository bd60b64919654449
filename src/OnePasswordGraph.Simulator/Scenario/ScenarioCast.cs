namespace OnePasswordGraph.Simulator.Scenario;

/// <summary>
/// Who plays which part in the planted anomalies: a person per pattern, so that no two patterns blur each other
/// (one person's export burst is not another's baseline). Chosen by position in the inventory, so the same inventory
/// always casts the same people. The rest of the people are <see cref="Bystanders"/>.
/// </summary>
internal sealed class ScenarioCast
{
    public ScenarioCast(ActivityContext context)
    {
        var admins = context.Admins;
        Owner = admins[0];
        SelfGranter = admins[1 % admins.Count];
        Escalator = admins[2 % admins.Count];
        var people = new Queue<ScenarioUser>(context.Inventory.Users.Where(u => !admins.Contains(u)));
        Exporter = people.Dequeue();
        Revealer = people.Dequeue();
        Copier = people.Dequeue();
        Traveller = people.Dequeue();
        NewAddress = people.Dequeue();
        Unofficial = people.Dequeue();
        Guessed = people.Dequeue();
        Sensitive = people.Dequeue();
        Explorer = people.Dequeue();
        SingleExporter = people.Dequeue();
        Joiner = people.Dequeue();
        Leaver = people.Dequeue();
        Suspended = people.Dequeue();
        Revoked = people.Dequeue();
        Dormant = people.Dequeue();
        DormantReader = people.Dequeue();
        Deleter = people.Dequeue();
        VaultGrantee = people.Dequeue();
        GroupAddee = people.Dequeue();
        MfaUser = people.Dequeue();
        Reactivated = people.Dequeue();
        Regranted = people.Dequeue();
        Bystanders = [.. people];
        Members = [.. context.Inventory.Users.Where(u => !Bystanders.Contains(u))];
    }

    /// <summary>Gets how many people the cast needs besides three admins.</summary>
    public static int Size => 22;

    /// <summary>Gets the admin who changes account settings and other people's access.</summary>
    public ScenarioUser Owner { get; }

    /// <summary>Gets the admin who grants themself a vault and joins a group on their own.</summary>
    public ScenarioUser SelfGranter { get; }

    /// <summary>Gets the admin who grants themself a vault and uses it at once.</summary>
    public ScenarioUser Escalator { get; }

    public ScenarioUser Exporter { get; }

    public ScenarioUser Revealer { get; }

    public ScenarioUser Copier { get; }

    public ScenarioUser Traveller { get; }

    public ScenarioUser NewAddress { get; }

    public ScenarioUser Unofficial { get; }

    public ScenarioUser Guessed { get; }

    public ScenarioUser Sensitive { get; }

    public ScenarioUser Explorer { get; }

    public ScenarioUser SingleExporter { get; }

    public ScenarioUser Joiner { get; }

    public ScenarioUser Leaver { get; }

    public ScenarioUser Suspended { get; }

    public ScenarioUser Revoked { get; }

    public ScenarioUser Dormant { get; }

    public ScenarioUser DormantReader { get; }

    public ScenarioUser Deleter { get; }

    public ScenarioUser VaultGrantee { get; }

    public ScenarioUser GroupAddee { get; }

    public ScenarioUser MfaUser { get; }

    public ScenarioUser Reactivated { get; }

    public ScenarioUser Regranted { get; }

    /// <summary>Gets the people with no part (they use the item Connect cannot see, and are among the sprayed).</summary>
    public IReadOnlyList<ScenarioUser> Bystanders { get; }

    /// <summary>Gets everyone with a part, admins included.</summary>
    public IReadOnlyList<ScenarioUser> Members { get; }
}
