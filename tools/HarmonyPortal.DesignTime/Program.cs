Console.WriteLine("Design-time start-up project for `dotnet ef`; run tools/add-migration.sh NAME instead.");
