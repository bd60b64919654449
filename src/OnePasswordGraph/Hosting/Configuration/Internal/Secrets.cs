namespace OnePasswordGraph.Hosting.Configuration.Internal;

/// <summary>Reads a secret from its value key or its file key (exactly one of them), never echoing it.</summary>
internal static class Secrets
{
    public static string? Read(string valueKey, string? value, string fileKey, string? file, string what, List<string> problems)
    {
        var hasValue = !string.IsNullOrEmpty(value);
        var hasFile = !string.IsNullOrEmpty(file);
        if (hasValue && hasFile)
        {
            problems.Add($"{valueKey} and {fileKey} are both set; set only one of them ({what}).");
            return null;
        }

        if (hasValue)
        {
            return value!.Trim();
        }

        if (!hasFile)
        {
            problems.Add($"{valueKey} is missing; set {valueKey} or {fileKey} ({what}).");
            return null;
        }

        if (!File.Exists(file))
        {
            problems.Add($"{fileKey}: the file '{file}' does not exist.");
            return null;
        }

        var content = File.ReadAllText(file!).Trim();
        if (content.Length == 0)
        {
            problems.Add($"{fileKey}: the file '{file}' is empty; it must hold {what}.");
            return null;
        }

        return content;
    }
}
