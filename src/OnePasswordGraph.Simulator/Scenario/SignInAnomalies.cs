using System.Globalization;

namespace OnePasswordGraph.Simulator.Scenario;

/// <summary>Sign-in patterns: a new country, a new address with a new client, an unofficial client, guessing one user's password, spraying many users.</summary>
internal static class SignInAnomalies
{
    /// <summary>How many different people the spray tries, one guess each.</summary>
    public const int SprayedUsers = 15;

    public static void Plant(ActivityContext context, ScenarioCast cast, PlantingPlan plan)
    {
        // Sign-in baselines: weeks of successful sign-ins from home with the person's own clients.
        foreach (var user in new[] { cast.Traveller, cast.NewAddress })
        {
            plan.Support(AnomalyPlanter.Ordinary(context, user, usages: 5, signIns: 15, AnomalyPlanter.HistoryStart(context), AnomalyPlanter.At(context, 4)));
        }

        // Only the country (and so the address) is new: the client is one the traveller always uses.
        var abroad = ScenarioCatalog.UnusualPlaces[0];
        plan.Anomaly(
            "signin-new-country",
            $"{cast.Traveller.Name} (usually in {cast.Traveller.HomePlace.Country}) signs in from {abroad.City}, {abroad.Country} ({abroad.IpAddress}) with their own {cast.Traveller.Clients[0].AppName}",
            [ActivityGenerator.SignIn(context, cast.Traveller, "success", "credentials_ok", abroad, cast.Traveller.Clients[0], AnomalyPlanter.At(context, 3, 1))]);

        // Same city and country, but an address and an official client app the person never used.
        var home = cast.NewAddress.HomePlace;
        var newAddress = home with { IpAddress = string.Concat(home.IpAddress.AsSpan(0, home.IpAddress.LastIndexOf('.') + 1), ScenarioCatalog.NewAddressOctet.ToString(CultureInfo.InvariantCulture)) };
        var newClient = ScenarioCatalog.Clients.First(c => !cast.NewAddress.Clients.Contains(c));
        plan.Anomaly(
            "signin-new-ip-and-client",
            $"{cast.NewAddress.Name} signs in from {newAddress.IpAddress} in their home city {home.City} with {newClient.AppName}, both new for them",
            [ActivityGenerator.SignIn(context, cast.NewAddress, "success", "mfa_ok", newAddress, newClient, AnomalyPlanter.At(context, 3, 2))]);

        var unofficial = ScenarioCatalog.UnusualClient;
        plan.Anomaly(
            "signin-unofficial-client",
            $"{cast.Unofficial.Name} signs in from home with '{unofficial.AppName}' {unofficial.AppVersion}, not a 1Password client",
            [ActivityGenerator.SignIn(context, cast.Unofficial, "success", "credentials_ok", client: unofficial, at: AnomalyPlanter.At(context, 3, 3))]);

        var guesser = ScenarioCatalog.UnusualPlaces[1];
        var guessing = AnomalyPlanter.At(context, 3, 4);
        plan.Anomaly(
            "failed-signin-burst-user",
            $"25 failed sign-ins for {cast.Guessed.Name} from {guesser.IpAddress} ({guesser.Country}) within 13 minutes",
            Enumerable.Range(0, 25).Select(i =>
                ActivityGenerator.SignIn(context, cast.Guessed, "credentials_failed", "password_secret_bad", guesser, null, guessing.AddSeconds(i * 30))));

        // One guess per person, so no person's own failures stand out: only the shared address does. The people
        // whose planted pattern is a quiet period (dormant, suspended, not yet joined) are left out of it.
        var sprayer = ScenarioCatalog.UnusualPlaces[2];
        var quietParts = new[] { cast.Guessed, cast.Joiner, cast.Leaver, cast.Suspended, cast.Dormant, cast.DormantReader, cast.Reactivated, cast.Regranted };
        var targets = context.Inventory.Users.Where(u => !quietParts.Contains(u)).Reverse().Take(SprayedUsers).ToList();
        var spraying = AnomalyPlanter.At(context, 3, 6);
        var web = ScenarioCatalog.Clients.First(c => c.AppName == "1Password for Web");
        plan.Anomaly(
            "failed-signin-spray-ip",
            $"{sprayer.IpAddress} ({sprayer.City}, {sprayer.Country}) fails to sign in as {targets.Count} different people within 5 minutes: {string.Join(", ", targets.Select(u => u.Name))}",
            targets.Select((user, i) => ActivityGenerator.SignIn(context, user, "credentials_failed", "password_secret_bad", sprayer, web, spraying.AddSeconds(i * 20))));
    }
}
