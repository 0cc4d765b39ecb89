// Only `dotnet ef` runs this project: it finds the design-time factories in this assembly.
Console.WriteLine("SteerCo.Design is the startup project for `dotnet ef`; use scripts/add-migration.sh NAME.");
