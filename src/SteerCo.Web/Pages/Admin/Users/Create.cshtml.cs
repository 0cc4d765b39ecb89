using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using SteerCo.Access;
using SteerCo.Accounts;
using SteerCo.Data;
using SteerCo.Resources;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Pages.Admin.Users;

public sealed class CreateModel(UserAdministration users, SteerCoDbContext db) : SteerCoPageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public UserOptions Options { get; } = new(db);

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Required")]
        [Display(Name = "UserName")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Required")]
        [Display(Name = "FullName")]
        public string FullName { get; set; } = "";

        [EmailAddress(ErrorMessage = "EmailShape")]
        [Display(Name = "Email")]
        public string? Email { get; set; }

        [Display(Name = "Role")]
        public Role Role { get; set; } = Role.Secretariat;

        [Display(Name = "Committee")]
        public int? CommitteeId { get; set; }

        [Display(Name = "Agency")]
        public int? AgencyId { get; set; }

        [Required(ErrorMessage = "Required")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";
    }

    public async Task OnGetAsync(int? committeeId, CancellationToken ct)
    {
        Input.CommitteeId = committeeId;
        await Options.LoadAsync(committeeId, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await Options.LoadAsync(Input.CommitteeId, ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await users.CreateAsync(Actor, new UserInput(Input.UserName, Input.FullName, Input.Email, Input.Role, Input.CommitteeId, Input.AgencyId, Input.Password), ct);
        if (!result.IsOk)
        {
            AddProblems(result.Problems);
            return Page();
        }
        TempData["Flash"] = Messages.Get("UserCreated", result.Value!.UserName);
        return RedirectToPage("Index");
    }
}
