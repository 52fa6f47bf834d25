namespace HarmonyPortal.Bench.Http;

/// <summary>
/// One page a browser journey (tests/HarmonyPortal.Browser.Tests) opens, as the demo user who opens it there.
/// <see cref="Route"/> is the page's route with <c>{id}</c> for a number; <see cref="Address"/> the address requested,
/// whose <c>{code:NNNNNN}</c> names a region by its code. A page reached by a link (a sheet, a nominee, a row) has
/// <see cref="LinkFrom"/>: the page whose first link matching the route is followed.
/// </summary>
internal sealed record JourneyPage(string Route, string User, string Address, string? LinkFrom = null);

/// <summary>
/// Every page the browser journeys open (issue 21: server time ≤ 100 ms at p95 on the demo data). Kept in step with the
/// journeys by <c>JourneyPagesTests</c>, which fails when a journey opens an address whose route is not listed here.
/// </summary>
internal static class JourneyPages
{
    /// <summary>Signs in no one: the login page.</summary>
    public const string Anonymous = "";

    public static readonly IReadOnlyList<JourneyPage> All =
    [
        new("/account/login", Anonymous, "/account/login"),
        new("/", "xzxf.clerk", "/"),
        new("/notifications", "xzxf.clerk", "/notifications"),
        new("/ledgers/coordinators", "xzxf.clerk", "/ledgers/coordinators"),
        new("/ledgers/coordinators/create", "xzxf.clerk", "/ledgers/coordinators/create"),
        new("/ledgers/coordinators/import", "xzxf.clerk", "/ledgers/coordinators/import?year=2026"),
        new("/ledgers/coordinators/template", "xzxf.clerk", "/ledgers/coordinators/template?year=2026"),
        new("/ledgers/harmonious-enterprises", "xzxf.clerk", "/ledgers/harmonious-enterprises?year=2026"),
        new("/ledgers/key-enterprises/create", "yylq.clerk", "/ledgers/key-enterprises/create?year=2026"),
        new("/ledgers/key-enterprises/import", "yylq.clerk", "/ledgers/key-enterprises/import?year=2026"),
        new("/ledgers/new-enterprise-services", "yy.reviewer", "/ledgers/new-enterprise-services?year=2026&sort=EmployeeCount"),
        new("/ledgers/coordinators/{id}", "yy.reviewer", "/ledgers/coordinators/{id}", LinkFrom: "/ledgers/coordinators?year=2026"),
        new("/nominations", "xzxf.clerk", "/nominations?category=Coordinator"),
        new("/nominations/{id}", "xzxf.clerk", "/nominations/{id}", LinkFrom: "/nominations?category=Coordinator"),
        new("/nominations/sheets/{id}", "xz.reviewer", "/nominations/sheets/{id}", LinkFrom: "/nominations?category=Coordinator"),
        new("/reporting", "xz.reviewer", "/reporting?year=2026"),
        new("/reporting", "xz.reviewer", "/reporting?year=2022"),
        new("/dashboard", "sx.reviewer", "/dashboard?year=2023"),
        new("/dashboard", "yy.reviewer", "/dashboard?year=2026"),
        new("/materials", "xz.clerk", "/materials?year=2023"),
        new("/materials/{id}", "xz.clerk", "/materials/{id}", LinkFrom: "/materials?year=2023"),
        new("/materials/review", "sx.reviewer", "/materials/review?year=2023"),
        new("/materials/rollup", "sx.reviewer", "/materials/rollup?year=2023"),
        new("/indicators", "jy.clerk", "/indicators?year=2023"),
        new("/indicators/review", "ha.reviewer", "/indicators/review?year=2023"),
        new("/indicators/rollup", "ha.reviewer", "/indicators/rollup?year=2023"),
        new("/admin/regions", "hn.admin", "/admin/regions"),
        new("/admin/regions/create", "hn.admin", "/admin/regions/create?parentId={code:430000}"),
        new("/admin/units", "hn.admin", "/admin/units?regionId={code:430600}"),
        new("/admin/users/create", "yy.admin", "/admin/users/create"),
        new("/rules/drafts/new", "yy.admin", "/rules/drafts/new?regionId={code:430600}&fromYear=2021&toYear=2023"),
        new("/rules/drafts/{id}/grid", "yy.admin", "/rules/drafts/{id}/grid", LinkFrom: "/rules/drafts"),
    ];

    /// <summary>
    /// Addresses a journey opens that the benchmark does not time, each with the reason: the single sign-on journey's hops
    /// need an OpenID Connect provider, which the demo portal has none of.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> NotTimed = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["/connect/authorize"] = "the test OpenID Connect provider's page, not the portal's",
        ["/connect/endsession"] = "the test OpenID Connect provider's page, not the portal's",
        ["/login"] = "the test OpenID Connect provider's sign-in page, not the portal's",
        ["/account/sso/callback"] = "single sign-on hand-over: needs a provider's response",
        ["/account/sso/complete"] = "single sign-on hand-over: needs a provider's response",
        ["/account/sso/signed-out"] = "single sign-on sign-out: reached only from the provider",
        ["/account/logout"] = "sign-out: a POST that ends the session the benchmark times with",
    };
}
