using SteerCo.Agencies;

namespace SteerCo.Web.Pages.People;

/// <summary>The person form with the agencies it offers.</summary>
public sealed record PersonFormView(PersonForm Form, IReadOnlyList<AgencySummary> Agencies);
