using SteerCo.Members;

namespace SteerCo.Web.Pages.People;

/// <summary>What the person form posts.</summary>
public sealed class PersonForm
{
    public string? FullName { get; set; }
    public string? JobTitle { get; set; }
    public int AgencyId { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public int Version { get; set; }

    public PersonInput ToInput(int? userId) => new(FullName, JobTitle, AgencyId, Phone, Email, userId);

    public static PersonForm From(PersonSummary p) => new()
    {
        FullName = p.FullName,
        JobTitle = p.JobTitle,
        AgencyId = p.AgencyId,
        Phone = p.Phone,
        Email = p.Email,
        Version = p.Version,
    };
}
