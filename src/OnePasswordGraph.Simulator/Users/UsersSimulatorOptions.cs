namespace OnePasswordGraph.Simulator.Users;

/// <summary>How the Users API half of the simulator behaves. Defaults follow the documented API.</summary>
public sealed class UsersSimulatorOptions
{
    /// <summary>Gets or sets the loopback port; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Gets or sets the simulator's clock: access tokens expire by it.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets how long an access token lives (documented: 900 s).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(900);
}
