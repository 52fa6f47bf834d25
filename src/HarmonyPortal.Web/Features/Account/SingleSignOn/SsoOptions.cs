namespace HarmonyPortal.Web.Features.Account.SingleSignOn;

/// <summary>
/// The <c>Sso</c> section: sign-in through a province's unified identity platform (统一身份认证) by OpenID Connect, beside
/// local accounts. Off unless <see cref="Enabled"/>; the provider only says who someone is, the portal user it names
/// keeps their own role, region and scope.
/// </summary>
public sealed class SsoOptions
{
    public const string Section = "Sso";

    /// <summary>The authentication scheme of the OpenID Connect handler.</summary>
    public const string Scheme = "Sso";

    /// <summary>The value of the session's authentication-method claim for a sign-in through the provider.</summary>
    public const string AuthenticationMethod = "sso";

    public const string CallbackPath = "/account/sso/callback";
    public const string SignedOutCallbackPath = "/account/sso/signed-out";

    public bool Enabled { get; set; }

    /// <summary>The provider's issuer; its discovery document is read from <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    /// <summary>The ID-token claim whose value is the portal user name.</summary>
    public string UserNameClaim { get; set; } = "preferred_username";

    public string ButtonText { get; set; } = "统一身份认证登录";

    /// <summary>Only a test or a lab provider on plain HTTP turns this off.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Scopes asked for besides <c>openid</c>.</summary>
    public string Scopes { get; set; } = "profile";

    public static SsoOptions Read(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<SsoOptions>() ?? new SsoOptions();
        if (options.Enabled)
        {
            foreach (var (name, value) in new[] { ("Authority", options.Authority), ("ClientId", options.ClientId), ("UserNameClaim", options.UserNameClaim) })
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    throw new InvalidOperationException($"Sso:{name} is required when Sso:Enabled is true.");
                }
            }
        }

        return options;
    }
}
