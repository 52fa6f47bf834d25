using System.Buffers;
using System.Text;
using System.Text.Json;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Ledgers.Fields;

namespace HarmonyPortal.Core.Ledgers;

/// <summary>
/// A row's field values as text, with ID numbers and phones masked: what audit entries, history and
/// the conflict page show. Personal data never goes into an audit row in the clear.
/// </summary>
public static class LedgerSnapshot
{
    public static Dictionary<string, string> Of(ILedgerDefinition definition, LedgerRow row) =>
        definition.Fields.ToDictionary(f => f.Header, f => Masked(f, FieldValues.Format(f, f.Get(row))));

    /// <summary>
    /// What a user sees of a field on any page or file: ID numbers and phones in full only to users of the row's own
    /// region (<paramref name="own"/>), everyone else gets <see cref="Masked"/>. Pages, print views and exports all ask here.
    /// </summary>
    public static string ForViewer(ILedgerField field, string text, bool own) => own ? text : Masked(field, text);

    /// <summary>The one mask of personal data: ID numbers as <see cref="IdNumber.Mask"/>, phones as <see cref="PhoneNumber.Mask"/>.</summary>
    public static string Masked(ILedgerField field, string text) => text.Length == 0 ? text : field.Kind switch
    {
        FieldKind.IdNumber => IdNumber.Mask(text),
        FieldKind.Phone => PhoneNumber.Mask(text),
        _ => text,
    };

    /// <summary>The fields that differ, as {"表头": ["before", "after"]}; a deleted row keeps every value it had.</summary>
    public static string Changes(Dictionary<string, string>? before, Dictionary<string, string> after)
    {
        if (before is null)
        {
            return Created(after);
        }

        var changes = before.Keys.Union(after.Keys)
            .Select(key => (Key: key, Old: before.GetValueOrDefault(key) ?? "",
                New: after.GetValueOrDefault(key) ?? ""))
            .Where(c => c.Old != c.New)
            .ToDictionary(c => c.Key, c => new[] { c.Old, c.New });
        return Cut(JsonSerializer.Serialize(changes, JsonOptions));
    }

    private static string Cut(string json) => json.Length <= 4000 ? json : json[..3990] + "…";

    /// <summary>
    /// A new row's line: every filled field as ["", value] (an import writes one per row), written straight to JSON
    /// with the serializer's own encoder, so the text is the serializer's, without a dictionary and an array per
    /// field.
    /// </summary>
    private static string Created(Dictionary<string, string> after)
    {
        var buffer = CreatedBuffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JsonOptions.Encoder }))
        {
            json.WriteStartObject();
            foreach (var (header, value) in after)
            {
                if (!string.IsNullOrEmpty(value))
                {
                    json.WritePropertyName(header);
                    json.WriteStartArray();
                    json.WriteStringValue("");
                    json.WriteStringValue(value);
                    json.WriteEndArray();
                }
            }

            json.WriteEndObject();
        }

        return Cut(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? CreatedBuffer;

    public static Dictionary<string, string[]> ParseChanges(string? details)
    {
        if (string.IsNullOrEmpty(details) || !details.StartsWith('{'))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string[]>>(details, JsonOptions) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };
}
