// The namespaces nearly every file of this Spectre.Console tool uses: settings with their descriptions, the consoles,
// invariant formatting for what scripts read, ConsoleText for anything from a log, and the diagnosis model.
global using System.ComponentModel;
global using System.Globalization;
global using EpochLens.Diagnosis;
global using EpochLens.Reports.Text;
global using Spectre.Console;
global using Spectre.Console.Cli;
