namespace SteerCo.Web;

/// <summary>Marker for the UI strings in Resources/SharedResource(.en).resx.</summary>
public sealed class SharedResource;
