using System.Net;

namespace HarmonyPortal.Reliability;

/// <summary>Creates users the way an administrator does: through the admin form of the running portal.</summary>
public static class Accounts
{
    public const string Password = "Clerk#2026rel";

    /// <summary>Signs in the bootstrap administrator.</summary>
    public static async Task<PortalUser> AdminAsync(string baseUrl)
    {
        var admin = new PortalUser(baseUrl, PortalProcess.AdminUserName, PortalProcess.AdminPassword);
        await admin.LoginAsync();
        return admin;
    }

    /// <summary>Creates <paramref name="names"/> as users of <paramref name="role"/> spread round-robin over <paramref name="regionIds"/>.</summary>
    public static async Task CreateAsync(PortalUser admin, IReadOnlyList<string> names, IReadOnlyList<int> regionIds, string role = "Clerk")
    {
        var token = await admin.TokenFromAsync("/admin/users/create");
        for (var i = 0; i < names.Count; i++)
        {
            var response = await admin.PostAsync("/admin/users/create", token,
                ("Input.UserName", names[i]), ("Input.DisplayName", "压测用户" + i), ("Input.RegionId", regionIds[i % regionIds.Count].ToString()),
                ("Input.Role", role), ("Input.Password", Password));
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                var body = await response.Content.ReadAsStringAsync();
                throw new InvalidOperationException($"Creating {names[i]} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}");
            }
        }
    }

    /// <summary>Signs each user in, a few at a time (every sign-in costs a PBKDF2 hash).</summary>
    public static async Task<List<PortalUser>> SignInAsync(string baseUrl, IEnumerable<string> names)
    {
        var users = names.Select(n => new PortalUser(baseUrl, n, Password)).ToList();
        await Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (user, _) => await user.LoginAsync());
        return users;
    }
}
