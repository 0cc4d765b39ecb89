using System.ComponentModel.DataAnnotations;
using SteerCo.Agencies;
using SteerCo.Committees;

namespace SteerCo.Web.Pages.Committees;

/// <summary>The fields of the create and edit pages, as typed (dates dd/MM/yyyy).</summary>
public sealed class CommitteeForm
{
    [Required(ErrorMessage = "Required")]
    [StringLength(300, ErrorMessage = "TooLongField")]
    [Display(Name = "CommitteeName")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Required")]
    [StringLength(30, ErrorMessage = "TooLongField")]
    [Display(Name = "Abbreviation")]
    public string Abbreviation { get; set; } = "BCĐ";

    [Display(Name = "Unit")]
    public int UnitId { get; set; }

    [Display(Name = "StandingAgency")]
    public int? StandingAgencyId { get; set; }

    [Display(Name = "DocumentSystem")]
    public DocumentSystem DocumentSystem { get; set; } = DocumentSystem.State;

    [Display(Name = "Term")]
    public string? CurrentTerm { get; set; }

    [Display(Name = "EstablishedOn")]
    public string? EstablishedOn { get; set; }

    [Display(Name = "DissolvedOn")]
    public string? DissolvedOn { get; set; }

    public int Version { get; set; }
}

/// <summary>The choices the form offers.</summary>
public sealed record CommitteeFormOptions(IReadOnlyList<UnitOption> Units, IReadOnlyList<AgencySummary> Agencies);
