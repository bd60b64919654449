namespace OnePasswordGraph.Mapping.Connect;

/// <summary>
/// Keeps the part of an item URL that identifies the site: scheme, host, port and path. User info, query strings and
/// fragments often carry credentials or tokens, so they never reach the graph; text that is not an absolute URL is
/// dropped rather than guessed at.
/// </summary>
internal static class UrlCleaner
{
    public static string? Clean(string? href) =>
        href is not null && Uri.TryCreate(href.Trim(), UriKind.Absolute, out var url) && !string.IsNullOrEmpty(url.Host)
            ? url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)
            : null;
}
