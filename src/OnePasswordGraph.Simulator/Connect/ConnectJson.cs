using System.Globalization;
using System.Text;
using System.Text.Json;
using OnePasswordGraph.Simulator.Scenario;

namespace OnePasswordGraph.Simulator.Connect;

/// <summary>Writes vaults and items in Connect's shapes, omitting empty optional members as real servers do.</summary>
internal static class ConnectJson
{
    public static void Vault(Utf8JsonWriter writer, ScenarioVault vault, int items)
    {
        writer.WriteStartObject();
        writer.WriteString("id", vault.Id);
        writer.WriteString("name", vault.Name);
        if (vault.Description is not null)
        {
            writer.WriteString("description", vault.Description);
        }

        writer.WriteNumber("attributeVersion", vault.AttributeVersion);
        writer.WriteNumber("contentVersion", vault.ContentVersion);
        writer.WriteNumber("items", items);
        writer.WriteString("type", vault.Type);
        writer.WriteString("createdAt", Time(vault.CreatedAt));
        writer.WriteString("updatedAt", Time(vault.UpdatedAt));
        writer.WriteEndObject();
    }

    public static void Item(Utf8JsonWriter writer, ScenarioItem item, bool full)
    {
        writer.WriteStartObject();
        writer.WriteString("id", item.Id);
        writer.WriteString("title", item.Title);
        writer.WriteStartObject("vault");
        writer.WriteString("id", item.VaultId);
        writer.WriteEndObject();
        writer.WriteString("category", item.Category);
        if (item.Urls.Count > 0)
        {
            writer.WriteStartArray("urls");
            foreach (var url in item.Urls)
            {
                writer.WriteStartObject();
                if (url.Label is not null)
                {
                    writer.WriteString("label", url.Label);
                }

                if (url.Primary)
                {
                    writer.WriteBoolean("primary", true);
                }

                writer.WriteString("href", url.Href);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (item.Favorite)
        {
            writer.WriteBoolean("favorite", true);
        }

        if (item.Tags.Count > 0)
        {
            writer.WriteStartArray("tags");
            item.Tags.ToList().ForEach(writer.WriteStringValue);
            writer.WriteEndArray();
        }

        writer.WriteNumber("version", item.Version);
        if (item.State is not null)
        {
            writer.WriteString("state", item.State);
        }

        writer.WriteString("createdAt", Time(item.CreatedAt));
        writer.WriteString("updatedAt", Time(item.UpdatedAt));
        writer.WriteString("lastEditedBy", item.LastEditedBy);
        if (full)
        {
            Details(writer, item);
        }

        writer.WriteEndObject();
    }

    // A full item carries every secret value, exactly as Connect hands them out.
    private static void Details(Utf8JsonWriter writer, ScenarioItem item)
    {
        writer.WriteStartArray("sections");
        foreach (var section in item.Sections)
        {
            writer.WriteStartObject();
            writer.WriteString("id", section.Id);
            if (section.Label is not null)
            {
                writer.WriteString("label", section.Label);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("fields");
        foreach (var field in item.Fields)
        {
            writer.WriteStartObject();
            writer.WriteString("id", field.Id);
            if (field.SectionId is not null)
            {
                writer.WriteStartObject("section");
                writer.WriteString("id", field.SectionId);
                writer.WriteEndObject();
            }

            writer.WriteString("type", field.Type);
            writer.WriteString("purpose", field.Purpose);
            writer.WriteString("label", field.Label);
            writer.WriteString("value", field.Value);
            if (field.Totp is not null)
            {
                writer.WriteString("totp", field.Totp);
            }

            if (field.Entropy is { } entropy)
            {
                writer.WriteNumber("entropy", entropy);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WritePropertyName("files");
        Files(writer, item, inline: true);
    }

    /// <summary>Writes an item's files; their content only when inlined, as <c>inline_files=true</c> asks.</summary>
    public static void Files(Utf8JsonWriter writer, ScenarioItem item, bool inline)
    {
        writer.WriteStartArray();
        foreach (var file in item.Files)
        {
            writer.WriteStartObject();
            writer.WriteString("id", file.Id);
            writer.WriteString("name", file.Name);
            writer.WriteNumber("size", file.Content.Length);
            writer.WriteString("content_path", $"/v1/vaults/{item.VaultId}/items/{item.Id}/files/{file.Id}/content");
            if (file.SectionId is not null)
            {
                writer.WriteStartObject("section");
                writer.WriteString("id", file.SectionId);
                writer.WriteEndObject();
            }

            if (inline)
            {
                writer.WriteString("content", Convert.ToBase64String(file.Content));
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    public static string Time(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static byte[] Error(int status, string message)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("status", status);
            writer.WriteString("message", message);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
