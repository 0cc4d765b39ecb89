using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using SteerCo.Access;
using SteerCo.Accounts;
using SteerCo.Data;
using SteerCo.Resources;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Pages.Admin.Users;

public sealed class EditModel(UserAdministration users, SteerCoDbContext db) : SteerCoPageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    [DataType(DataType.Password)]
    public string? NewPassword { get; set; }

    public UserSummary Account { get; private set; } = null!;
    public UserOptions Options { get; } = new(db);

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Required")]
        [Display(Name = "FullName")]
        public string FullName { get; set; } = "";

        [EmailAddress(ErrorMessage = "EmailShape")]
        [Display(Name = "Email")]
        public string? Email { get; set; }

        public Role Role { get; set; }
        public int? CommitteeId { get; set; }
        public int? AgencyId { get; set; }
        public bool IsActive { get; set; }
        public string ConcurrencyStamp { get; set; } = "";

        public static InputModel From(UserSummary account) => new()
        {
            FullName = account.FullName,
            Email = account.Email,
            Role = account.Role,
            CommitteeId = account.CommitteeId,
            AgencyId = account.AgencyId,
            IsActive = account.IsActive,
            ConcurrencyStamp = account.ConcurrencyStamp,
        };
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Input = InputModel.From(Account);
        await Options.LoadAsync(Account.CommitteeId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        await Options.LoadAsync(Input.CommitteeId, ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await users.UpdateAsync(Actor, id, new UserUpdate(Input.FullName, Input.Email, Input.Role, Input.CommitteeId, Input.AgencyId, Input.IsActive), Input.ConcurrencyStamp, ct);
        if (!result.IsOk)
        {
            return Refused(result);
        }
        TempData["Flash"] = Messages.Get("Saved");
        return RedirectToPage("Index");
    }

    public async Task<IActionResult> OnPostPasswordAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var result = await users.ResetPasswordAsync(Actor, id, NewPassword ?? "", ct);
        if (!result.IsOk)
        {
            Input = InputModel.From(Account);
            await Options.LoadAsync(Account.CommitteeId, ct);
            ModelState.Clear();
            foreach (var problem in result.Problems)
            {
                ModelState.AddModelError(nameof(NewPassword), problem.Message);
            }
            return Page();
        }
        TempData["Flash"] = Messages.Get("PasswordReset", Account.UserName);
        return RedirectToPage("Edit", new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var account = await users.GetAsync(Actor, id, ct);
        Account = account.Value!;
        return account.IsOk;
    }
}
