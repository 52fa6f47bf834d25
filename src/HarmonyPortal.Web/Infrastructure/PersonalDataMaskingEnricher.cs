using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace HarmonyPortal.Web.Infrastructure;

/// <summary>
/// Last line of defence for "no personal data in logs": any string property that looks like a
/// resident ID number or a mobile number is masked before a sink sees it.
/// </summary>
public sealed partial class PersonalDataMaskingEnricher : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            if (value is ScalarValue { Value: string text } && Mask(text) is var masked && !ReferenceEquals(masked, text))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(masked)));
            }
        }
    }

    public static string Mask(string text)
    {
        if (text.Length < 11)
        {
            return text;
        }

        // The same masks as every page: one function each for ID numbers and phones.
        var result = IdNumber().Replace(text, m => Core.Ledgers.Fields.IdNumber.Mask(m.Value));
        result = Mobile().Replace(result, m => Core.Ledgers.Fields.PhoneNumber.Mask(m.Value));
        return result == text ? text : result;
    }

    [GeneratedRegex(@"(?<!\d)\d{17}[\dXx](?!\d)")]
    private static partial Regex IdNumber();

    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex Mobile();
}
