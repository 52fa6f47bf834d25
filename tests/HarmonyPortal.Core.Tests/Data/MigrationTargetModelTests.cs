using HarmonyPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Xunit;

namespace HarmonyPortal.Core.Tests.Data;

/// <summary>
/// The initial migration's Designer files carry no target model for SQLite and PostgreSQL, and only the model-wide
/// annotations for SQL Server (docs/adr/0035): these prove that their SQL does not depend on the rest, and show why
/// SQL Server's keeps its annotations.
/// </summary>
public sealed class MigrationTargetModelTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void InitialMigration_WithoutATargetModel_GeneratesTheSameSqlAsWithTheModel(DatabaseProvider provider)
    {
        using var db = Context(provider);
        var initial = InitialMigration(db);

        Assert.Empty(initial.TargetModel!.GetEntityTypes());
        Assert.Equal(Sql(db, initial, SnapshotModel(db)), Sql(db, initial, Ready(db, initial.TargetModel)));
    }

    [Fact]
    public void SqlServerInitialMigration_KeepsOnlyTheModelWideAnnotations_AndGeneratesTheSameSqlAsWithTheModel()
    {
        using var db = Context(DatabaseProvider.SqlServer);
        var initial = InitialMigration(db);

        Assert.Empty(initial.TargetModel!.GetEntityTypes());
        var withSnapshot = Sql(db, initial, SnapshotModel(db));
        Assert.Equal(withSnapshot, Sql(db, initial, Ready(db, initial.TargetModel)));
        // The product version is why the annotations stay: with no model at all, SQL Server's generator takes the model
        // for one older than EF Core 2.0, every column of a unique index for nullable, and filters the index.
        const string index =
            "CREATE UNIQUE INDEX [IX_Coordinators_Year_IdNumberHash] ON [Coordinators] ([Year], [IdNumberHash])";
        Assert.Contains(index + ";", withSnapshot);
        Assert.Contains(index + " WHERE [Year] IS NOT NULL", Sql(db, initial, Ready(db, new ModelBuilder().Model)));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void LaterMigrations_TrimmedLikeInitial_GenerateTheSameSqlAsWithTheModel(DatabaseProvider provider)
    {
        using var db = Context(provider);
        var assembly = db.GetService<IMigrationsAssembly>();
        var later = assembly.Migrations.Skip(1)
            .Select(m => assembly.CreateMigration(m.Value, db.Database.ProviderName!)).ToList();

        Assert.NotEmpty(later);
        foreach (var migration in later)
        {
            Assert.Empty(migration.TargetModel?.GetEntityTypes() ?? []);
            var withModel = Sql(db, migration, SnapshotModel(db));
            Assert.Equal(withModel, Sql(db, migration, migration.TargetModel is { } m ? Ready(db, m) : null));
        }
    }

    private static HarmonyDbContext Context(DatabaseProvider provider) => new(HarmonyDatabase.Options(
        provider,
        provider switch
        {
            DatabaseProvider.Sqlite => "Data Source=unused.db",
            DatabaseProvider.Postgres => "Host=unused;Database=unused",
            _ => "Server=unused;Database=unused",
        }));

    private static Migration InitialMigration(HarmonyDbContext db)
    {
        var assembly = db.GetService<IMigrationsAssembly>();
        return assembly.CreateMigration(assembly.Migrations.First().Value, db.Database.ProviderName!);
    }

    private static IModel SnapshotModel(HarmonyDbContext db) =>
        Ready(db, db.GetService<IMigrationsAssembly>().ModelSnapshot!.Model);

    /// <summary>A model made ready for SQL generation as the migrator makes a migration's target model ready.</summary>
    private static IModel Ready(HarmonyDbContext db, IReadOnlyModel model)
    {
        if (model is IMutableModel mutable)
        {
            model = mutable.FinalizeModel();
        }

        return db.GetService<IModelRuntimeInitializer>()
            .Initialize((IModel)model, designTime: true, validationLogger: null);
    }

    private static string Sql(HarmonyDbContext db, Migration migration, IModel? model) => string.Join(
        "\n",
        db.GetService<IMigrationsSqlGenerator>().Generate(migration.UpOperations, model).Select(c => c.CommandText));
}
