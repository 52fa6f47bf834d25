using HarmonyPortal.Core.Users;
using Microsoft.AspNetCore.Identity;

namespace HarmonyPortal.Web.Infrastructure.Demo;

/// <summary>
/// Runs a piece of demo seeding as one demo login, through the portal's own services: a fresh DI scope whose
/// <see cref="Core.Scope.UserScope"/> comes from that user's sign-in claims, so every write passes the same rules,
/// scope checks and audit as the user's own click would.
/// </summary>
public static class DemoActor
{
    public static async Task<T> AsAsync<T>(IServiceProvider root, string userName, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = root.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"Demo login {userName} does not exist.");
        var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        var accessor = services.GetRequiredService<IHttpContextAccessor>();
        var previous = accessor.HttpContext;
        accessor.HttpContext = new DefaultHttpContext { User = principal, RequestServices = services };
        try
        {
            return await work(services);
        }
        finally
        {
            accessor.HttpContext = previous;
        }
    }

    public static Task AsAsync(IServiceProvider root, string userName, Func<IServiceProvider, Task> work) =>
        AsAsync(root, userName, async services =>
        {
            await work(services);
            return true;
        });
}
