using OnePasswordGraph.Sources.Events.Records;

namespace OnePasswordGraph.IntegrationTests.Rules.Support;

/// <summary>Events API records. Users are named by uuid; their name is the uuid and their email uuid@example.com.</summary>
internal sealed partial class RuleTestGraph
{
    /// <summary>Adds an item usage of <paramref name="item"/> in <paramref name="vault"/> by <paramref name="user"/>; returns the event's uuid (its <c>_key</c>).</summary>
    /// <remarks><c>action</c> is fill, reveal, secure-copy, export, server-fetch, ...</remarks>
    public string Usage(
        string user, string item, string vault, string action, DateTimeOffset at,
        string? ip = null, string? country = null, string? appName = null, string? osName = null, string? uuid = null)
    {
        var key = uuid ?? NextUuid("usage");
        _usages.Add(new ItemUsage
        {
            Uuid = key,
            Timestamp = at,
            UsedVersion = 1,
            VaultUuid = vault,
            ItemUuid = item,
            Action = action,
            User = Person(user),
            Client = Client(ip, appName, osName),
            Location = country is null ? null : new EventLocation { Country = country },
        });
        return key;
    }

    /// <summary>Adds a sign-in attempt for <paramref name="user"/>; returns the event's uuid.</summary>
    /// <remarks><c>category</c> is success, credentials_failed, mfa_failed, firewall_failed, ...; <c>type</c> is credentials_ok, mfa_ok, password_secret_bad, ...</remarks>
    public string SignIn(
        string user, string category, string type, DateTimeOffset at,
        string? ip = null, string? country = null, string? appName = null, string? osName = null, string? details = null, string? uuid = null)
    {
        var key = uuid ?? NextUuid("signin");
        _signIns.Add(new SignInAttempt
        {
            Uuid = key,
            SessionUuid = "session-" + key,
            Timestamp = at,
            Category = category,
            Type = type,
            Country = country,
            Details = details is null ? null : new SignInDetails(details),
            TargetUser = Person(user),
            Client = Client(ip, appName, osName),
            Location = country is null ? null : new EventLocation { Country = country },
        });
        return key;
    }

    /// <summary>Adds an audit event by <paramref name="actor"/>; returns the event's uuid.</summary>
    /// <remarks>
    /// <c>action</c> is the audit action code (grant, revoke, join, leave, disblmfa, suspend, ...); <c>objectType</c> is
    /// vault, uva, gva, gm, user, item, sso, ...; <c>objectUuid</c> is the object (for a user object, the user's uuid);
    /// <c>auxUser</c> is the aux user (for example the user granted access, or added to a group); <c>objectUser</c> makes
    /// the object a user with details (and its uuid the object uuid when <c>objectUuid</c> is null).
    /// </remarks>
    public string Audit(
        string actor, string action, string objectType, string? objectUuid, DateTimeOffset at,
        string? auxUser = null, string? auxInfo = null, string? objectUser = null, string? ip = null, string? country = null, string? uuid = null)
    {
        var key = uuid ?? NextUuid("audit");
        _audits.Add(new AuditEvent
        {
            Uuid = key,
            Timestamp = at,
            ActorUuid = actor,
            ActorDetails = Person(actor),
            ActorType = "user",
            Action = action,
            ObjectType = objectType,
            ObjectUuid = objectUuid ?? objectUser,
            ObjectDetails = objectUser is null ? null : Person(objectUser),
            AuxUuid = auxUser,
            AuxDetails = auxUser is null ? null : Person(auxUser),
            AuxInfo = auxInfo,
            Session = new EventSession { Uuid = "session-" + key, Ip = ip },
            Location = country is null ? null : new EventLocation { Country = country },
        });
        return key;
    }

    private static EventClient Client(string? ip, string? appName, string? osName) =>
        new() { IpAddress = ip, AppName = appName ?? "1Password Browser Extension", AppVersion = "81000", OsName = osName ?? "MacOSX" };
}
