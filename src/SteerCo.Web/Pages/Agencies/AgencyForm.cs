using System.ComponentModel.DataAnnotations;

namespace SteerCo.Web.Pages.Agencies;

public sealed class AgencyForm
{
    [Required(ErrorMessage = "Required")]
    [StringLength(300, ErrorMessage = "TooLongField")]
    [Display(Name = "AgencyName")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Required")]
    [StringLength(30, ErrorMessage = "TooLongField")]
    [Display(Name = "Abbreviation")]
    public string Abbreviation { get; set; } = "";

    [Display(Name = "DissolvedOn")]
    public string? DissolvedOn { get; set; }

    public int Version { get; set; }
}
