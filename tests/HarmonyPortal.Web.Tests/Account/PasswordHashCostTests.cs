using HarmonyPortal.Web.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace HarmonyPortal.Web.Tests.Account;

/// <summary>
/// The PBKDF2 cost: 210,000 iterations unless configured, and a production portal refuses to start with less; only the
/// Development environment (the test suite's portals) may lower it (ADR 0032).
/// </summary>
public sealed class PasswordHashCostTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("Development")]
    public void WithoutTheSetting_TheCostIsTheProductDefault_AtLeast210000(string environment)
    {
        var cost = SecuritySetup.PasswordHashCost(Configuration(null), new Environment(environment));

        Assert.Equal(SecuritySetup.PasswordHashIterations, cost);
        Assert.True(cost >= 210_000);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void OutsideDevelopment_ALowerCost_RefusesToStart_NamingTheSetting(string environment)
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => SecuritySetup.PasswordHashCost(Configuration("1000"), new Environment(environment)));

        Assert.Contains(SecuritySetup.PasswordHashIterationsSetting, error.Message);
        Assert.Contains("210,000", error.Message);
    }

    [Fact]
    public void InDevelopment_ALowerCost_IsUsed_ButNeverZero()
    {
        Assert.Equal(1000, SecuritySetup.PasswordHashCost(Configuration("1000"), new Environment("Development")));
        Assert.Throws<InvalidOperationException>(
            () => SecuritySetup.PasswordHashCost(Configuration("0"), new Environment("Development")));
    }

    [Fact]
    public void AHigherCost_IsUsedAnywhere()
    {
        Assert.Equal(600_000, SecuritySetup.PasswordHashCost(Configuration("600000"), new Environment("Production")));
    }

    private static IConfiguration Configuration(string? iterations) => new ConfigurationBuilder()
        .AddInMemoryCollection(iterations is null ? [] : [new(SecuritySetup.PasswordHashIterationsSetting, iterations)])
        .Build();

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "HarmonyPortal.Web";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
