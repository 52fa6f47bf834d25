using System.Security.Cryptography;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Infrastructure;

/// <summary>
/// Keeps sign-in tickets in the database (<see cref="AuthSession"/>) so that the cookie is only a key:
/// signing out removes the session everywhere at once, every portal instance sharing the database sees
/// the same sessions, and no session outlives its absolute lifetime.
/// </summary>
public sealed class DatabaseTicketStore(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider clock) : ITicketStore
{
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(12);

    private readonly IDataProtector protector = protection.CreateProtector("HarmonyPortal.AuthSession.v1");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var session = new AuthSession
        {
            Id = Base64Url(RandomNumberGenerator.GetBytes(32)),
            UserId = ticket.Principal.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "",
            Ticket = protector.Protect(TicketSerializer.Default.Serialize(ticket)),
            CreatedAtUtc = now,
            ExpiresAtUtc = ticket.Properties.ExpiresUtc?.UtcDateTime ?? now.Add(SecuritySetup.IdleTimeout),
            AbsoluteExpiresAtUtc = now.Add(AbsoluteLifetime),
        };
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HarmonyDbContext>();
        db.AuthSessions.Add(session);
        await db.SaveChangesAsync();
        // Housekeeping on sign-in: sessions past their absolute end can never be used again.
        await db.AuthSessions.Where(s => s.AbsoluteExpiresAtUtc < now).ExecuteDeleteAsync();
        return session.Id;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HarmonyDbContext>();
        var expires = ticket.Properties.ExpiresUtc?.UtcDateTime ?? clock.GetUtcNow().UtcDateTime.Add(SecuritySetup.IdleTimeout);
        var bytes = protector.Protect(TicketSerializer.Default.Serialize(ticket));
        await db.AuthSessions.Where(s => s.Id == key)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Ticket, bytes).SetProperty(s => s.ExpiresAtUtc, expires));
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HarmonyDbContext>();
        var session = await db.AuthSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == key);
        var now = clock.GetUtcNow().UtcDateTime;
        if (session is null || session.AbsoluteExpiresAtUtc <= now || session.ExpiresAtUtc <= now)
        {
            if (session is not null)
            {
                await db.AuthSessions.Where(s => s.Id == key).ExecuteDeleteAsync();
            }

            return null;
        }

        try
        {
            return TicketSerializer.Default.Deserialize(protector.Unprotect(session.Ticket));
        }
        catch (CryptographicException)
        {
            return null; // keys rotated away or the row tampered with: the user signs in again
        }
    }

    public async Task RemoveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HarmonyDbContext>();
        await db.AuthSessions.Where(s => s.Id == key).ExecuteDeleteAsync();
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
