using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SteerCo.Data;
using SteerCo.Resources;
using SteerCo.Units;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Pages.Units;

/// <summary>Several units become one on a date; the page lists the committees whose work may need transferring.</summary>
public sealed class MergeModel(UnitService units, SteerCoDbContext db) : SteerCoPageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public MergeResult? Result { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Required")]
        [Display(Name = "MergedCodes")]
        public string Codes { get; set; } = "";

        [Display(Name = "Level")]
        public UnitLevel Level { get; set; } = UnitLevel.Commune;

        [Required(ErrorMessage = "Required")]
        [Display(Name = "NewCode")]
        public string Code { get; set; } = "";

        [Required(ErrorMessage = "Required")]
        [Display(Name = "NewName")]
        public string Name { get; set; } = "";

        [Display(Name = "ParentCode")]
        public string? ParentCode { get; set; }

        [Required(ErrorMessage = "Required")]
        [Display(Name = "EffectiveOn")]
        public string EffectiveOn { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var effective = ParseDate(Input.EffectiveOn, "Input.EffectiveOn");
        if (!ModelState.IsValid || effective is null)
        {
            return Page();
        }
        var codes = Input.Codes.Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var found = await db.Units.Where(u => u.Level == Input.Level && codes.Contains(u.Code)).Select(u => new { u.Id, u.Code }).ToListAsync(ct);
        foreach (var missing in codes.Except(found.Select(f => f.Code)))
        {
            ModelState.AddModelError("Input.Codes", Messages.Get("UnitUnknownCode", missing));
        }
        int? parentId = null;
        if (!string.IsNullOrWhiteSpace(Input.ParentCode))
        {
            var parentLevels = UnitCodes.ParentLevelsFor(Input.Level);
            parentId = await db.Units.Where(u => parentLevels.Contains(u.Level) && u.Code == Input.ParentCode.Trim()).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
            if (parentId is null)
            {
                ModelState.AddModelError("Input.ParentCode", Messages.Get("UnitUnknownParent", Input.ParentCode));
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await units.MergeAsync(Actor, new MergeInput([.. found.Select(f => f.Id)], Input.Code, Input.Name, parentId, null, effective.Value), ct);
        if (!result.IsOk)
        {
            AddProblems(result.Problems.Select(p => p with { Field = p.Field == nameof(MergeInput.PredecessorIds) ? "Codes" : p.Field == nameof(UnitInput.ParentId) ? "ParentCode" : p.Field }));
            return Page();
        }
        Result = result.Value;
        return Page();
    }
}
