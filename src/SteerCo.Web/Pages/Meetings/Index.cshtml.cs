using Microsoft.AspNetCore.Mvc;
using SteerCo.Access;
using SteerCo.Committees;
using SteerCo.Data;
using SteerCo.Meetings;
using SteerCo.Members;
using SteerCo.Resources;
using SteerCo.Text;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Pages.Meetings;

/// <summary>A committee's meetings, newest first, and scheduling the next one with the roster invited.</summary>
public sealed class IndexModel(MeetingService meetings, CommitteeService committees, RosterService roster, TimeProvider clock) : SteerCoPageModel
{
    [BindProperty(SupportsGet = true)]
    public int? CommitteeId { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public ScheduleForm Input { get; set; } = new();

    public CommitteeDetail Committee { get; private set; } = null!;
    public Paged<MeetingSummary> List { get; private set; } = new([], 0, 1, 25);
    public bool CanManage { get; private set; }
    public IReadOnlyList<RosterEntry> Roster { get; private set; } = [];

    public sealed class ScheduleForm
    {
        public MeetingKind Kind { get; set; } = MeetingKind.QuarterlyBriefing;
        public string? Period { get; set; }
        public string? Date { get; set; }
        public string? Time { get; set; }
        public string? Place { get; set; }
        public int? ChairPersonId { get; set; }
        public string? RecorderName { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = clock.Today();
        Input.Date = today.ToShort();
        Input.Period = $"Quý {Roman((today.Month + 2) / 3)}/{today.Year}";
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var date = ParseDate(Input.Date, "Input.Date");
        var input = new MeetingInput(Input.Kind, Input.Period, date, Input.Time, Input.Place, Input.ChairPersonId, Input.RecorderName);
        if (!ModelState.IsValid)
        {
            if (AddOtherProblems(await meetings.CheckScheduleAsync(Actor, CommitteeId ?? 0, input, ct)) is { } refused)
            {
                return refused;
            }
        }
        else
        {
            var result = await meetings.ScheduleAsync(Actor, CommitteeId ?? 0, input, ct);
            switch (result.Outcome)
            {
                case Outcome.Ok:
                    TempData["Flash"] = Messages.Get("MeetingScheduled");
                    return RedirectToPage("Details", new { id = result.Value!.Id });
                case Outcome.NotFound:
                    return OutOfScope();
                case Outcome.Forbidden:
                    return Forbid();
            }
            AddProblems(result.Problems);
        }
        return await LoadAsync(ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var committee = await committees.GetAsync(Actor, CommitteeId ?? Actor.CommitteeId ?? 0, ct);
        if (!committee.IsOk)
        {
            return OutOfScope();
        }
        Committee = committee.Value!;
        CommitteeId = Committee.Id;
        List = (await meetings.ListAsync(Actor, Committee.Id, ListPage(PageNumber, 25), ct)).Value!;
        CanManage = await committees.CanManageAsync(Actor, Committee.Id, ct);
        Roster = CanManage ? (await roster.RosterAsync(Actor, Committee.Id, null, ct)).Value?.Members ?? [] : [];
        return null;
    }

    private static string Roman(int quarter) => quarter switch { 1 => "I", 2 => "II", 3 => "III", _ => "IV" };
}
