using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Offices;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Infrastructure;

/// <summary>
/// Development only: 赣州市's member units get the contacts its notice (003) prints — names and office phones (with the
/// city's area code 0797, which the notice leaves out) — so the reporting page and the reminders have someone to show.
/// The addresses are example.cn ones, not the notice's: a developer who switches email on must not write to real offices.
/// Skipped once any of the city's units has a contact, and when Demo:SampleLedgers is false (tests).
/// </summary>
public static class DemoContacts
{
    private const string RegionCode = "360700";

    private static readonly (string Unit, string Name, string Phone, string Email)[] Contacts =
    [
        ("人社局", "李蓉", "0797-8996036", "gz.rsj@example.cn"),
        ("总工会", "钟冰", "0797-8225771", "gz.zgh@example.cn"),
        ("企联/企协", "龚勋", "0797-8230269", "gz.qlqx@example.cn"),
        ("工商联", "罗豪", "0797-8991072", "gz.gsl@example.cn"),
    ];

    public static async Task EnsureAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<HarmonyDbContext>();
        var regionId = await db.Regions.Where(r => r.Code == RegionCode).Select(r => (int?)r.Id).SingleOrDefaultAsync();
        if (regionId is not { } region)
        {
            return;
        }

        await MemberUnits.EnsureAsync(db, region, default);
        var units = await db.MemberUnits.Where(u => u.RegionId == region).ToListAsync();
        if (units.Any(u => u.ContactName is not null || u.ContactPhone is not null || u.ContactEmail is not null))
        {
            return;
        }

        foreach (var (unit, name, phone, email) in Contacts)
        {
            if (MemberUnits.Named(units, unit) is { } found)
            {
                (found.ContactName, found.ContactPhone, found.ContactEmail) = (name, phone, email);
            }
        }

        await db.SaveChangesAsync();
    }
}
