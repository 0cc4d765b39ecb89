using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SteerCo.Data;

namespace SteerCo.Web.Pages.Admin.Users;

/// <summary>Committees and agencies to choose from when assigning a user.</summary>
public sealed class UserOptions(SteerCoDbContext db)
{
    public List<SelectListItem> Committees { get; private set; } = [];
    public List<SelectListItem> Agencies { get; private set; } = [];

    /// <summary>
    /// Lists committees by name (a national data set has a few thousand; a select still copes)
    /// and the agencies of the chosen committee's unit.
    /// </summary>
    public async Task LoadAsync(int? committeeId, CancellationToken ct)
    {
        Committees = await db.Committees.AsNoTracking().Where(c => c.DissolvedOn == null).OrderBy(c => c.Path.Length).ThenBy(c => c.FoldedName)
            .Select(c => new SelectListItem(c.Name, c.Id.ToString())).ToListAsync(ct);
        var unitId = committeeId is { } id ? await db.Committees.Where(c => c.Id == id).Select(c => (int?)c.UnitId).FirstOrDefaultAsync(ct) : null;
        Agencies = unitId is null ? [] : await db.Agencies.AsNoTracking().Where(a => a.UnitId == unitId)
            .OrderBy(a => a.FoldedName).Select(a => new SelectListItem(a.Name, a.Id.ToString())).ToListAsync(ct);
    }
}
