using HarmonyPortal.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddHarmonyPortal();

var app = builder.Build();
app.UseHarmonyPortal();
await app.PrepareDatabaseAsync();
await app.RunAsync();

/// <summary>Entry point, public so that integration tests can host the portal.</summary>
public partial class Program;
