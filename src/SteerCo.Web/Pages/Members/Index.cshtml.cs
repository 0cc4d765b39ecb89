using Microsoft.AspNetCore.Mvc;
using SteerCo.Access;
using SteerCo.Committees;
using SteerCo.Data;
using SteerCo.Documents;
using SteerCo.Members;
using SteerCo.Resources;
using SteerCo.Text;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Pages.Members;

/// <summary>
/// A committee's composition [thành phần]: the roster as of a chosen day, the checks, the timeline
/// of compositions and the reconstitution drafts; its secretariat starts a draft and adds posts here.
/// </summary>
public sealed class IndexModel(CommitteeService committees, RosterService roster, Reconstitutions reconstitutions, PeopleService people, DocumentRegister register) : SteerCoPageModel
{
    public const int PageSize = 50;

    /// <summary>The day, dd/MM/yyyy; today when empty.</summary>
    [BindProperty(SupportsGet = true)]
    public string? On { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public string? EffectiveOn { get; set; }

    [BindProperty]
    public string? PostName { get; set; }

    [BindProperty]
    public int PostOrder { get; set; } = 45;

    [BindProperty]
    public bool PostRequired { get; set; }

    /// <summary>A membership recorded directly: past compositions, or one appointment.</summary>
    [BindProperty]
    public MembershipForm Membership { get; set; } = new();

    /// <summary>Ending one membership: which, at which version, its last day, by which decision.</summary>
    [BindProperty]
    public EndingForm Ending { get; set; } = new();

    public CommitteeDetail Committee { get; private set; } = null!;
    public IReadOnlyList<PersonSummary> Candidates { get; private set; } = [];
    public IReadOnlyList<DocumentSummary> Decisions { get; private set; } = [];
    public DateOnly Day { get; private set; }
    public IReadOnlyList<RosterEntry> Members { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyList<RosterCheck> Checks { get; private set; } = [];
    public IReadOnlyList<CompositionPeriod> Timeline { get; private set; } = [];
    public IReadOnlyList<ReconstitutionSummary> Drafts { get; private set; } = [];
    public IReadOnlyList<PostView> Posts { get; private set; } = [];
    public bool CanManage { get; private set; }

    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        EffectiveOn = roster.Today.ToShort();
        return await LoadAsync(id, ct) ?? Page();
    }

    /// <summary>The roster of the chosen day as the XLSX table clerks print, fill in, and import into a draft.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(int id, CancellationToken ct)
    {
        DateOnly? day = null;
        if (!string.IsNullOrWhiteSpace(On))
        {
            if (!DateFormats.TryParseShort(On, out var parsed))
            {
                // The page again, with the date's error beside the date.
                return await LoadAsync(id, ct) ?? Page();
            }
            day = parsed;
        }
        var found = await roster.RosterAsync(Actor, id, day, ct);
        if (!found.IsOk)
        {
            return OutOfScope();
        }
        await FileDownloads.Generated(Response, RosterWorkbook.Write(found.Value!), RosterWorkbook.ContentType, RosterWorkbook.FileName(found.Value!)).ExecuteAsync(HttpContext);
        return new EmptyResult();
    }

    /// <summary>Starts a reconstitution draft from the current roster and opens it.</summary>
    public async Task<IActionResult> OnPostStartAsync(int id, CancellationToken ct)
    {
        var effective = ParseDate(EffectiveOn, nameof(EffectiveOn));
        if (ModelState.IsValid)
        {
            var started = await reconstitutions.StartAsync(Actor, id, effective, ct);
            switch (started.Outcome)
            {
                case Outcome.Ok:
                    return Redirect($"/Members/{id}/Reconstitution/{started.Value!.Id}");
                case Outcome.NotFound:
                    return OutOfScope();
                case Outcome.Forbidden:
                    return Forbid();
            }
            AddProblems(started.Problems.Select(p => p with { Field = p.Field == nameof(DraftInput.EffectiveOn) ? nameof(EffectiveOn) : p.Field }), "");
        }
        return await LoadAsync(id, ct) ?? Page();
    }

    /// <summary>Adds a post of the committee's own.</summary>
    public async Task<IActionResult> OnPostAddPostAsync(int id, CancellationToken ct)
    {
        var added = await roster.AddPostAsync(Actor, id, new PostInput(PostName, PostOrder, PostRequired), ct);
        switch (added.Outcome)
        {
            case Outcome.Ok:
                TempData["Flash"] = Messages.Get("Saved");
                return Redirect($"/Members/{id}#posts");
            case Outcome.NotFound:
                return OutOfScope();
            case Outcome.Forbidden:
                return Forbid();
        }
        AddProblems(added.Problems, "Post");
        return await LoadAsync(id, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAddMembershipAsync(int id, CancellationToken ct)
    {
        var start = ParseDate(Membership.StartDate, "Membership.StartDate");
        var end = ParseDate(Membership.EndDate, "Membership.EndDate");
        if (ModelState.IsValid)
        {
            var added = await roster.AddMembershipAsync(Actor, id,
                new MembershipInput(Membership.PersonId, Membership.PostId, null, start, end, Membership.AppointingDocumentId, null), ct);
            switch (added.Outcome)
            {
                case Outcome.Ok:
                    TempData["Flash"] = Messages.Get("Saved");
                    return Redirect($"/Members/{id}?on={added.Value!.StartDate.ToShort()}");
                case Outcome.NotFound:
                    return OutOfScope();
                case Outcome.Forbidden:
                    return Forbid();
            }
            AddProblems(added.Problems, "Membership");
        }
        return await LoadAsync(id, ct) ?? Page();
    }

    /// <summary>Ends one membership on its last day (a resignation, a transfer), by a decision if there is one.</summary>
    public async Task<IActionResult> OnPostEndMembershipAsync(int id, CancellationToken ct)
    {
        var end = ParseDate(Ending.EndDate, "Ending.EndDate");
        if (ModelState.IsValid)
        {
            var ended = await roster.EndMembershipAsync(Actor, id, Ending.MembershipId, end, Ending.EndingDocumentId, Ending.Version, ct);
            if (ended.IsOk)
            {
                TempData["Flash"] = Messages.Get("MembershipEnded", ended.Value!.FullName, ended.Value.EndDate!.Value.ToShort());
                return Redirect($"/Members/{id}?on={ended.Value.EndDate.Value.ToShort()}");
            }
            if (Refusal(ended) is { } refused)
            {
                return refused;
            }
            AddProblems(ended.Problems.Select(p => p with { Field = p.Field is "EndDate" or "EndingDocumentId" ? p.Field : "" }), "Ending");
        }
        return await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var committee = await committees.GetAsync(Actor, id, ct);
        if (!committee.IsOk)
        {
            return OutOfScope();
        }
        Committee = committee.Value!;
        DateOnly? day = null;
        if (!string.IsNullOrWhiteSpace(On))
        {
            day = ParseDate(On, nameof(On));
        }
        var current = (await roster.RosterAsync(Actor, id, day, ct)).Value!;
        Day = current.On;
        On = Day.ToShort();
        IEnumerable<RosterEntry> members = current.Members;
        if (VietnameseText.Fold(Q) is { Length: > 0 } folded)
        {
            members = members.Where(m => VietnameseText.Fold(m.FullName).Contains(folded, StringComparison.Ordinal)
                || VietnameseText.Fold(m.AgencyName).Contains(folded, StringComparison.Ordinal)
                || VietnameseText.Fold(m.JobTitle).Contains(folded, StringComparison.Ordinal));
        }
        members = Sort switch
        {
            "name" => members.OrderBy(m => RosterService.GivenName(m.FullName), StringComparer.Ordinal).ThenBy(m => VietnameseText.Fold(m.FullName), StringComparer.Ordinal),
            "-name" => members.OrderByDescending(m => RosterService.GivenName(m.FullName), StringComparer.Ordinal).ThenByDescending(m => VietnameseText.Fold(m.FullName), StringComparer.Ordinal),
            "agency" => members.OrderBy(m => VietnameseText.Fold(m.AgencyName), StringComparer.Ordinal).ThenBy(m => m.PostOrder),
            "-agency" => members.OrderByDescending(m => VietnameseText.Fold(m.AgencyName), StringComparer.Ordinal).ThenBy(m => m.PostOrder),
            "-post" => members.Reverse(),
            _ => members,
        };
        var list = members.ToList();
        Total = list.Count;
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Members = [.. list.Skip((PageNumber - 1) * PageSize).Take(PageSize)];
        Checks = (await roster.ChecksAsync(Actor, id, ct)).Value!;
        Timeline = (await roster.TimelineAsync(Actor, id, ct)).Value!;
        Drafts = (await reconstitutions.ListAsync(Actor, id, ct)).Value!;
        Posts = (await roster.PostsAsync(Actor, id, ct)).Value!;
        CanManage = await committees.CanManageAsync(Actor, id, ct);
        if (CanManage)
        {
            Candidates = (await people.ListAsync(Actor, null, null, new(1, PageRequest.MaxPageSize), null, ct)).Items;
            Decisions = [.. (await register.ListAsync(Actor, new DocumentQuery(UnderId: id, Type: "QĐ"), new(1, 100), ct)).Items.Where(d => d.CommitteeId == id)];
        }
        return null;
    }
}

/// <summary>What the membership form posts; dates as dd/MM/yyyy.</summary>
public sealed class MembershipForm
{
    public int PersonId { get; set; }
    public int PostId { get; set; }
    public string? StartDate { get; set; }
    public string? EndDate { get; set; }
    public int? AppointingDocumentId { get; set; }
}

/// <summary>What the form that ends a membership posts; the last day as dd/MM/yyyy.</summary>
public sealed class EndingForm
{
    public int MembershipId { get; set; }
    public int Version { get; set; }
    public string? EndDate { get; set; }
    public int? EndingDocumentId { get; set; }
}
