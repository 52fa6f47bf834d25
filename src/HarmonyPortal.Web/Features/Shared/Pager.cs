namespace HarmonyPortal.Web.Features.Shared;

/// <summary>
/// The one pager of every paged list (rendered by _Pager.cshtml): links to the first, previous and next page, each
/// shown only when the list has it (the first page from the third on). Numbered lists (users, audit log) pass all
/// three; keyset lists (ledgers, notifications), which cannot step back, pass the first and next only.
/// </summary>
public sealed record Pager(string? FirstUrl, string? PreviousUrl, string? NextUrl)
{
    public const string FirstText = "第一页";
    public const string PreviousText = "上一页";
    public const string NextText = "下一页";

    public bool IsEmpty => FirstUrl is null && PreviousUrl is null && NextUrl is null;

    /// <summary>
    /// A numbered list on page <paramref name="page"/> of <paramref name="pages"/>; urlOf(n) is page n's URL.
    /// </summary>
    public static Pager Numbered(int page, int pages, Func<int, string?> urlOf)
    {
        ArgumentNullException.ThrowIfNull(urlOf);
        return new Pager(
            page > 2 ? urlOf(1) : null,
            page > 1 ? urlOf(Math.Min(page, pages) - 1) : null,
            page < pages ? urlOf(page + 1) : null);
    }
}
