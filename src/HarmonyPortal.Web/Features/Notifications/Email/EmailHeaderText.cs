using System.Globalization;
using System.Text;

namespace HarmonyPortal.Web.Features.Notifications.Email;

/// <summary>
/// Makes text safe for one header line (a subject, a display name): line breaks and other control characters become
/// a space, invisible format characters (zero-width, bidirectional controls) are dropped, spaces are collapsed and the
/// result is capped. A reason typed over several lines thus reads as one line instead of failing the message, and no
/// text can start a header of its own.
/// </summary>
public static class EmailHeaderText
{
    public const int MaxLength = 200;

    public static string Clean(string? text, int maxLength = MaxLength)
    {
        var result = new StringBuilder(Math.Min(text?.Length ?? 0, maxLength + 1));
        var pendingSpace = false;
        foreach (var c in text ?? "")
        {
            var category = char.GetUnicodeCategory(c);
            if (category == UnicodeCategory.Format)
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || category is UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                pendingSpace = result.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                result.Append(' ');
                pendingSpace = false;
            }

            result.Append(c);
        }

        if (result.Length <= maxLength)
        {
            return result.ToString();
        }

        var cut = char.IsHighSurrogate(result[maxLength - 2]) ? maxLength - 2 : maxLength - 1;
        return result.ToString(0, cut) + "…";
    }
}
