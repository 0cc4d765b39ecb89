using System.Text;

namespace SteerCo.Cli;

// A named class rather than top-level statements: ASP.NET Core's generator makes a top-level
// Program public, which would clash with the web app's Program in the tests.
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        // Vietnamese names must reach a terminal or a pipe intact, whatever the locale says.
        Console.OutputEncoding = new UTF8Encoding(false);
        return await SteerCoCli.RunAsync(args, Console.Out, Console.Error);
    }
}
