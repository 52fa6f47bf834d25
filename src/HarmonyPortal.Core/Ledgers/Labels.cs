using System.Collections.Concurrent;
using System.Reflection;

namespace HarmonyPortal.Core.Ledgers;

/// <summary>Reads <see cref="LabelAttribute"/> once per enumeration type.</summary>
public static class Labels
{
    private static readonly ConcurrentDictionary<Type, (Dictionary<int, string> Text, Dictionary<string, int> Parse)> Cache = new();

    public static string Label<TEnum>(this TEnum value)
        where TEnum : struct, Enum =>
        For(typeof(TEnum)).Text.TryGetValue(Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture), out var text) ? text : value.ToString();

    public static IReadOnlyList<string> All<TEnum>()
        where TEnum : struct, Enum => Options(typeof(TEnum)).Select(o => o.Text).ToList();

    public static IReadOnlyList<(int Value, string Text)> Options(Type enumType) =>
        For(enumType).Text.Select(kv => (kv.Key, kv.Value)).ToList();

    public static string? Text(Type enumType, int value) => For(enumType).Text.GetValueOrDefault(value);

    /// <summary>Finds the member whose label, alias or name is <paramref name="text"/> (already normalized).</summary>
    public static bool TryParse(Type enumType, string text, out int value) => For(enumType).Parse.TryGetValue(text, out value);

    private static (Dictionary<int, string> Text, Dictionary<string, int> Parse) For(Type type) => Cache.GetOrAdd(type, static t =>
    {
        var text = new Dictionary<int, string>();
        var parse = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in t.GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var value = Convert.ToInt32(field.GetValue(null), System.Globalization.CultureInfo.InvariantCulture);
            var label = field.GetCustomAttribute<LabelAttribute>();
            text[value] = label?.Text ?? field.Name;
            parse[field.Name] = value;
            // Input is normalized before lookup (full-width brackets become half-width …), so labels are kept both ways.
            foreach (var name in (label?.Aliases ?? []).Prepend(text[value]))
            {
                parse[name] = value;
                parse[Fields.CellText.Normalize(name)!] = value;
            }
        }

        return (text, parse);
    });
}
