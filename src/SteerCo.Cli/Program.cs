using System.Text;
using SteerCo.Cli;

// Vietnamese names must reach a terminal or a pipe intact, whatever the locale says.
Console.OutputEncoding = new UTF8Encoding(false);
return await SteerCoCli.RunAsync(args, Console.Out, Console.Error);
