using System.Text;
using System.Text.Json;

namespace HarmonyPortal.Core.Rules;

/// <summary>
/// Explains in Chinese why a rule file is not JSON, for people who type it in a Chinese input method: a full-width
/// comma, colon, quote or bracket outside quotes is named with its line and character and the half-width one to use.
/// No text of the parser's exception reaches the user.
/// </summary>
public static class JsonSyntaxHint
{
    /// <summary>Full-width characters that stand for JSON punctuation: the name of the character and what to type instead.</summary>
    private static readonly Dictionary<char, (string Name, string Instead)> FullWidth = new()
    {
        ['，'] = ("全角逗号", "半角逗号“,”"),
        ['、'] = ("顿号", "半角逗号“,”"),
        ['；'] = ("全角分号", "半角逗号“,”"),
        ['：'] = ("全角冒号", "半角冒号“:”"),
        ['“'] = ("中文左引号", "半角双引号“\"”"),
        ['”'] = ("中文右引号", "半角双引号“\"”"),
        ['‘'] = ("中文左单引号", "半角双引号“\"”"),
        ['’'] = ("中文右单引号", "半角双引号“\"”"),
        ['＂'] = ("全角双引号", "半角双引号“\"”"),
        ['｛'] = ("全角左花括号", "半角花括号“{”"),
        ['｝'] = ("全角右花括号", "半角花括号“}”"),
        ['［'] = ("全角左方括号", "半角方括号“[”"),
        ['］'] = ("全角右方括号", "半角方括号“]”"),
        ['【'] = ("中文左方括号", "半角方括号“[”"),
        ['】'] = ("中文右方括号", "半角方括号“]”"),
        ['（'] = ("全角左括号", "半角方括号“[”或花括号“{”"),
        ['）'] = ("全角右括号", "半角方括号“]”或花括号“}”"),
        ['　'] = ("全角空格", "半角空格"),
        ['．'] = ("全角句点", "半角小数点“.”"),
        ['－'] = ("全角减号", "半角减号“-”"),
    };

    /// <summary>The message for a document the parser refused, given the exception's line and byte position (both from 0).</summary>
    public static string Explain(string json, JsonException e)
    {
        var line = (int)(e.LineNumber ?? 0);
        var column = e.BytePositionInLine is { } bytes ? CharacterIndex(LineAt(json, line), (int)bytes) : (int?)null;
        if (FirstFullWidthOutsideStrings(json, line) is var (l, c, ch))
        {
            var (name, instead) = FullWidth[ch];
            var shown = ch is '“' or '”' or '‘' or '’' ? $"「{ch}」" : $"“{ch}”";
            return $"第 {l + 1} 行第 {c + 1} 个字符是{name}{shown}，JSON 里须用{instead}（引号里的文字不受影响）";
        }

        if (column is { } at && LineAt(json, line) is { } text && at < text.Length && IsWide(text[at]))
        {
            return $"第 {line + 1} 行第 {at + 1} 个字符“{text[at]}”是全角字符，JSON 的标点须用半角（英文）输入";
        }

        var near = column is { } col ? $"第 {line + 1} 行第 {col + 1} 个字符" : $"第 {line + 1} 行";
        return $"不是有效的 JSON：请检查{near}附近的括号、引号和逗号";
    }

    private static string LineAt(string json, int line)
    {
        var lines = json.Split('\n');
        return line < lines.Length ? lines[line].TrimEnd('\r') : "";
    }

    /// <summary>The character index in <paramref name="line"/> of the UTF-8 byte offset the parser reports.</summary>
    private static int CharacterIndex(string line, int byteOffset)
    {
        var bytes = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (bytes >= byteOffset)
            {
                return i;
            }

            bytes += char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? Encoding.UTF8.GetByteCount(line.AsSpan(i++, 2)) : Encoding.UTF8.GetByteCount(line.AsSpan(i, 1));
        }

        return line.Length;
    }

    private static bool IsWide(char c) => c is >= '\uFF01' and <= '\uFF5E' || FullWidth.ContainsKey(c);

    /// <summary>The first full-width punctuation outside strings and comments, up to the line the parser stopped at.</summary>
    private static (int Line, int Column, char Character)? FirstFullWidthOutsideStrings(string json, int lastLine)
    {
        int line = 0, column = 0;
        var inString = false;
        var escaped = false;
        var comment = ' ';
        for (var i = 0; i < json.Length && line <= lastLine; i++)
        {
            var c = json[i];
            var next = i + 1 < json.Length ? json[i + 1] : '\0';
            if (comment != ' ')
            {
                if (comment == '/' ? c == '\n' : c == '*' && next == '/')
                {
                    (i, column, comment) = comment == '*' ? (i + 1, column + 1, ' ') : (i, column, ' ');
                }
            }
            else if (inString)
            {
                inString = escaped || c != '"';
                escaped = !escaped && c == '\\';
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c == '/' && next is '/' or '*')
            {
                comment = next;
                i++;
                column++;
            }
            else if (FullWidth.ContainsKey(c))
            {
                return (line, column, c);
            }

            (line, column) = c == '\n' ? (line + 1, 0) : (line, column + 1);
        }

        return null;
    }
}
