using System.Globalization;
using System.Resources;

namespace SteerCo.Resources;

/// <summary>
/// Messages the features return to users, in the current UI culture (Vietnamese by default,
/// English from Messages.en.resx). The web host sets the culture per request, the CLI per run.
/// </summary>
public static class Messages
{
    private static readonly ResourceManager Resources = new("SteerCo.Resources.Messages", typeof(Messages).Assembly);

    public static string Get(string key, params object?[] args)
    {
        var format = Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
        return args.Length == 0 ? format : string.Format(CultureInfo.CurrentCulture, format, args);
    }

    internal static ResourceManager Manager => Resources;
}
