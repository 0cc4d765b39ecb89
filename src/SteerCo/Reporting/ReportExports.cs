using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Data;
using SteerCo.Members;
using SteerCo.Text;

namespace SteerCo.Reporting;

/// <summary>A generated file: its bytes and the name to save it under.</summary>
public sealed record GeneratedFile(byte[] Content, string FileName);

/// <summary>The consolidated table as XLSX and the report as DOCX, for whoever reads the request.</summary>
public sealed class ReportExports(SteerCoDbContext db, ReportRequests requests, TimeProvider clock)
{
    public async Task<Result<GeneratedFile>> ConsolidatedXlsxAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        var view = await requests.ConsolidatedAsync(actor, id, cancellationToken);
        if (!view.IsOk)
        {
            return view.As<GeneratedFile>();
        }
        var accepted = view.Value!.Counted.Select(s => s.Id).ToList();
        var values = await (from s in db.Submissions.AsNoTracking()
                            where accepted.Contains(s.Id)
                            join v in db.SubmissionValues on s.AcceptedVersionId equals v.SubmissionVersionId
                            select new { s.Id, v.IndicatorId, v.Number, v.Text }).ToListAsync(cancellationToken);
        var types = view.Value.Rows.ToDictionary(r => r.IndicatorId, r => r.Type);
        var bySubmission = values.GroupBy(v => v.Id).ToDictionary(g => g.Key,
            g => (IReadOnlyDictionary<int, string>)g.Where(v => types.ContainsKey(v.IndicatorId))
                .ToDictionary(v => v.IndicatorId, v => IndicatorValues.Display(types[v.IndicatorId], v.Number, v.Text)));
        return new GeneratedFile(ReportDocuments.ConsolidatedXlsx(view.Value, bySubmission), ReportDocuments.FileName(view.Value, "xlsx"));
    }

    public async Task<Result<GeneratedFile>> ReportDocxAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        var view = await requests.ConsolidatedAsync(actor, id, cancellationToken);
        if (!view.IsOk)
        {
            return view.As<GeneratedFile>();
        }
        var date = clock.Today();
        var committee = await db.Committees.AsNoTracking().Where(c => c.Id == view.Value!.Request.CommitteeId)
            .Select(c => new
            {
                c.Name,
                c.Abbreviation,
                c.DocumentSystem,
                UnitName = c.Unit!.Name,
                UnitLevel = c.Unit.Level,
                UnitKind = c.Unit.Kind,
                ParentName = c.Parent != null ? c.Parent.Name : null,
            })
            .SingleAsync(cancellationToken);
        // The Trưởng ban on the day the report is printed signs it.
        var chairPost = StandardPosts.IdOf(StandardPosts.Chair);
        var chair = await db.Memberships.AsNoTracking()
            .Where(m => m.CommitteeId == view.Value!.Request.CommitteeId && m.PostId == chairPost && m.StartDate <= date && (m.EndDate == null || m.EndDate >= date))
            .Select(m => m.Person!.FullName).FirstOrDefaultAsync(cancellationToken);
        var issuer = new ReportIssuer(committee.Name, committee.Abbreviation, committee.DocumentSystem, committee.UnitName, committee.UnitLevel, committee.UnitKind,
            committee.ParentName, chair, date);
        return new GeneratedFile(ReportDocuments.ReportDocx(view.Value!, issuer), ReportDocuments.FileName(view.Value!, "docx"));
    }
}
