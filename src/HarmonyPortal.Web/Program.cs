using HarmonyPortal.Web.Infrastructure;

if (HarmonyPortal.Web.Features.Rules.RulesCommand.Matches(args))
{
    // A command-line verb (rules check): runs and exits; the web host is never built.
    return await HarmonyPortal.Web.Features.Rules.RulesCommand.RunAsync(args, Console.Out);
}

if (HarmonyPortal.Web.Features.PersonalData.PersonalDataCommand.Matches(args))
{
    // personal-data status | reencrypt | rotate-key (ADR 0022): runs and exits; the web server is never started.
    return await HarmonyPortal.Web.Features.PersonalData.PersonalDataCommand.RunAsync(args, Console.Out);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddHarmonyPortal();

var app = builder.Build();
app.UseHarmonyPortal();
await app.PrepareDatabaseAsync();
await app.RunAsync();
return 0;

/// <summary>Entry point, public so that integration tests can host the portal.</summary>
public partial class Program;
