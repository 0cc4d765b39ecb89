using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using SteerCo.Committees;
using SteerCo.Reporting;
using SteerCo.Resources;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Pages.Reporting;

/// <summary>
/// Creates a report template or revises one: its indicators (code, name, unit, type, aggregation,
/// optional formula) and narrative sections. Rows are added, removed and moved by buttons that post
/// the form back and save nothing, so it works without script. Saving makes a new version; requests
/// already made keep theirs, as the version history shows. "/Reporting/{id}/Templates/new" creates.
/// </summary>
public sealed class TemplateModel(CommitteeService committees, ReportTemplates templates) : SteerCoPageModel
{
    [BindProperty]
    public TemplateForm Input { get; set; } = new();

    /// <summary>A past version to show instead of the editor (?version=N).</summary>
    [BindProperty(SupportsGet = true, Name = "version")]
    public int? ShownNumber { get; set; }

    public CommitteeDetail Committee { get; private set; } = null!;

    /// <summary>Null while creating.</summary>
    public int? TemplateId { get; private set; }

    public bool CanManage { get; private set; }
    public int CurrentNumber { get; private set; }
    public IReadOnlyList<TemplateVersionSummary> History { get; private set; } = [];
    public TemplateVersionView? Shown { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string templateId, CancellationToken ct)
    {
        if (await LoadAsync(id, templateId, ct) is { } refused)
        {
            return refused;
        }
        if (TemplateId is { } tid)
        {
            var current = (await templates.GetAsync(Actor, id, tid, ct)).Value!;
            Input = TemplateForm.From(current);
            if (ShownNumber is { } number && number != current.Current.Number)
            {
                var past = await templates.VersionAsync(Actor, id, tid, number, ct);
                if (!past.IsOk)
                {
                    return OutOfScope();
                }
                Shown = past.Value;
            }
        }
        else
        {
            Input.Indicators.Add(new());
        }
        return Page();
    }

    /// <summary>
    /// Command "add-indicator", "remove-indicator:2", "up-indicator:2", "down-indicator:2" (and the
    /// same for "section") changes the rows and shows the form again; anything else saves.
    /// </summary>
    public async Task<IActionResult> OnPostAsync(int id, string templateId, string? command, CancellationToken ct)
    {
        if (await LoadAsync(id, templateId, ct) is { } refused)
        {
            return refused;
        }
        if (!CanManage)
        {
            return Forbid();
        }
        if (command is { Length: > 0 } && command != "save")
        {
            ModelState.Clear();
            Input.Apply(command);
            return Page();
        }
        Input.DropBlankRows();
        var input = Input.ToInput();
        var result = TemplateId is { } tid
            ? await templates.ReviseAsync(Actor, id, tid, input, Input.Version, ct)
            : await templates.CreateAsync(Actor, id, input, ct);
        if (result.IsOk)
        {
            TempData["Flash"] = Messages.Get(TemplateId is null ? "TemplateCreated" : "TemplateRevised", result.Value!.Name, result.Value.Current.Number);
            return Redirect($"/Reporting/{id}/Templates/{result.Value.Id}");
        }
        if (Refusal(result) is { } refusal)
        {
            return refusal;
        }
        ModelState.Clear();
        AddProblems(result.Problems);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, string templateId, CancellationToken ct)
    {
        var committee = await committees.GetAsync(Actor, id, ct);
        if (!committee.IsOk)
        {
            return OutOfScope();
        }
        Committee = committee.Value!;
        CanManage = await committees.CanManageAsync(Actor, id, ct);
        if (string.Equals(templateId, "new", StringComparison.OrdinalIgnoreCase))
        {
            return CanManage ? null : Forbid();
        }
        if (!int.TryParse(templateId, NumberStyles.None, CultureInfo.InvariantCulture, out var tid))
        {
            return OutOfScope();
        }
        var history = await templates.VersionsAsync(Actor, id, tid, ct);
        if (!history.IsOk)
        {
            return OutOfScope();
        }
        TemplateId = tid;
        History = history.Value!;
        CurrentNumber = History.FirstOrDefault(v => v.IsCurrent)?.Number ?? 0;
        return null;
    }
}

/// <summary>What the editor posts: the name, the version it was read at, and every row as typed.</summary>
public sealed class TemplateForm
{
    public string? Name { get; set; }
    public int? Version { get; set; }
    public List<IndicatorRow> Indicators { get; set; } = [];
    public List<string?> Sections { get; set; } = [];

    public static TemplateForm From(TemplateView template) => new()
    {
        Name = template.Name,
        Version = template.Version,
        Indicators = [.. template.Current.Indicators.Select(i => new IndicatorRow { Code = i.Code, Name = i.Name, Unit = i.Unit, Type = i.Type, Aggregation = i.Aggregation, Formula = i.Formula })],
        Sections = [.. template.Current.Sections.Select(s => (string?)s.Title)],
    };

    public TemplateInput ToInput() =>
        new(Name, [.. Indicators.Select(r => new IndicatorInput(r.Code, r.Name, r.Unit, r.Type, r.Aggregation, r.Formula))], [.. Sections.Select(s => s ?? "")]);

    /// <summary>Rows left wholly empty are not indicators: dropped before saving, so they cause no error.</summary>
    public void DropBlankRows()
    {
        Indicators.RemoveAll(r => string.IsNullOrWhiteSpace(r.Code) && string.IsNullOrWhiteSpace(r.Name) && string.IsNullOrWhiteSpace(r.Unit) && string.IsNullOrWhiteSpace(r.Formula));
        Sections.RemoveAll(string.IsNullOrWhiteSpace);
    }

    public void Apply(string command)
    {
        var (verb, index) = command.Split(':') is [var v, var n] && int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? (v, i) : (command, -1);
        switch (verb)
        {
            case "add-indicator":
                Indicators.Add(new());
                break;
            case "add-section":
                Sections.Add("");
                break;
            case "remove-indicator" or "up-indicator" or "down-indicator":
                Change(Indicators, verb, index);
                break;
            case "remove-section" or "up-section" or "down-section":
                Change(Sections, verb, index);
                break;
        }
    }

    private static void Change<T>(List<T> rows, string verb, int index)
    {
        if (index < 0 || index >= rows.Count)
        {
            return;
        }
        var other = verb.StartsWith("up", StringComparison.Ordinal) ? index - 1 : index + 1;
        if (verb.StartsWith("remove", StringComparison.Ordinal))
        {
            rows.RemoveAt(index);
        }
        else if (other >= 0 && other < rows.Count)
        {
            (rows[index], rows[other]) = (rows[other], rows[index]);
        }
    }
}

public sealed class IndicatorRow
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Unit { get; set; }
    public IndicatorType Type { get; set; } = IndicatorType.Number;
    public Aggregation Aggregation { get; set; } = Aggregation.Sum;
    public string? Formula { get; set; }
}
