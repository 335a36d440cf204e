using System.Text.Json;

namespace EpochLens.Reports;

/// <summary>How every EpochLens JSON document writes a number and an enumeration, so that all of them read alike.</summary>
public static class JsonValues
{
    /// <summary>A number, or null when it is missing or not finite (JSON has no NaN or infinity).</summary>
    public static void Number(Utf8JsonWriter json, string name, double? value)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (value is { } v && double.IsFinite(v))
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>An array of objects named <paramref name="name"/>, one per item, each written by <paramref name="write"/>.</summary>
    public static void Objects<T>(Utf8JsonWriter json, string name, IEnumerable<T> items, Action<Utf8JsonWriter, T> write)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(write);
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStartObject();
            write(json, item);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>An enumeration value as the documents spell it: "NoStructure" to "no-structure", "LogOnly" to "log-only".</summary>
    public static string Kebab(string pascal) => Text.ReportText.Kebab(pascal);
}
