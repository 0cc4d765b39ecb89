using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using SteerCo.Access;
using SteerCo.Documents;
using SteerCo.Members;
using SteerCo.Office;
using SteerCo.Resources;
using SteerCo.Web.Auth;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Api;

public sealed record PersonRequest(string? FullName, string? JobTitle, int? AgencyId, string? Phone, string? Email, int? UserId, int? Version = null)
{
    public PersonInput ToInput() => new(FullName, JobTitle, AgencyId ?? 0, Phone, Email, UserId);
}

public sealed record PostRequest(string? Name, int? Order, bool Required = false);

public sealed record MembershipRequest(int? PersonId, int? PostId, int? AgencyId, DateOnly? StartDate, DateOnly? EndDate, int? AppointingDocumentId, int? EndingDocumentId)
{
    public MembershipInput ToInput() => new(PersonId ?? 0, PostId ?? 0, AgencyId, StartDate, EndDate, AppointingDocumentId, EndingDocumentId);
}

public sealed record EndMembershipRequest(DateOnly? EndDate, int? EndingDocumentId, int? Version);

public sealed record StartReconstitutionRequest(DateOnly? EffectiveOn);

/// <summary>The whole draft: effective day, decision and the complete new roster, with the version it was read at.</summary>
public sealed record ReconstitutionRequest(DateOnly? EffectiveOn, int? DecisionDocumentId, IReadOnlyList<DraftLineInput>? Lines, int? Version)
{
    public DraftInput ToInput() => new(EffectiveOn, DecisionDocumentId, Lines);
}

public sealed record DecisionRequest(DateOnly? IssuedOn, string? Subject, string? SignerName, string? SignerTitle, SigningAuthority? SigningAuthority, int? Version)
{
    public DecisionInput ToInput() => new(IssuedOn, Subject, SignerName, SignerTitle, SigningAuthority ?? Documents.SigningAuthority.None);
}

public sealed record VersionRequest(int? Version);

/// <summary>One error of a refused roster sheet: its row and column (caption) when it has them, and the whole sentence to show.</summary>
public sealed record RosterSheetErrorResponse(int? Row, string? Column, string Message);

public static class MembersApi
{
    /// <summary>A committee's posts, roster, timeline, checks, memberships and reconstitutions, under /api/v1/committees/{id}.</summary>
    public static RouteGroupBuilder MapCommitteeMembersApi(this RouteGroupBuilder group)
    {
        group.RequireAuthorization(Policies.Api).WithTags("Members");

        // The roster of a day (yyyy-MM-dd), today by default, in roster order.
        group.MapGet("/{id:int}/roster", async (int id, DateOnly? on, RosterService roster, HttpContext http, CancellationToken ct) =>
            (await roster.RosterAsync(http.RequireActor(), id, on, ct)).ToOk())
            .Access(AccessKind.CommitteeRead);

        // The same roster as the XLSX table clerks print and fill in; the import below takes it back.
        group.MapGet("/{id:int}/roster.xlsx", async (int id, DateOnly? on, RosterService roster, HttpContext http, CancellationToken ct) =>
            await roster.RosterAsync(http.RequireActor(), id, on, ct) is { IsOk: true } found
                ? FileDownloads.Generated(http.Response, RosterWorkbook.Write(found.Value!), RosterWorkbook.ContentType, RosterWorkbook.FileName(found.Value!))
                : ApiResults.NotFound())
            .Access(AccessKind.CommitteeRead);

        group.MapGet("/{id:int}/timeline", async (int id, RosterService roster, HttpContext http, CancellationToken ct) =>
            (await roster.TimelineAsync(http.RequireActor(), id, ct)).ToOk())
            .Access(AccessKind.CommitteeRead);

        group.MapGet("/{id:int}/member-checks", async (int id, RosterService roster, HttpContext http, CancellationToken ct) =>
            (await roster.ChecksAsync(http.RequireActor(), id, ct)).ToOk())
            .Access(AccessKind.CommitteeRead);

        group.MapGet("/{id:int}/posts", async (int id, RosterService roster, HttpContext http, CancellationToken ct) =>
            (await roster.PostsAsync(http.RequireActor(), id, ct)).ToOk())
            .Access(AccessKind.CommitteeRead);

        group.MapPost("/{id:int}/posts", async (int id, PostRequest request, RosterService roster, HttpContext http, CancellationToken ct) =>
            (await roster.AddPostAsync(http.RequireActor(), id, new(request.Name, request.Order ?? 0, request.Required), ct)).ToCreated(p => $"/api/v1/committees/{id}/posts"))
            .Access(AccessKind.CommitteeManage);

        group.MapPost("/{id:int}/memberships", async (int id, MembershipRequest request, RosterService roster, HttpContext http, CancellationToken ct) =>
            (await roster.AddMembershipAsync(http.RequireActor(), id, request.ToInput(), ct)).ToCreated(m => $"/api/v1/committees/{id}/roster?on={m.StartDate:yyyy-MM-dd}"))
            .Access(AccessKind.CommitteeManage);

        group.MapPost("/{id:int}/memberships/{membershipId:int}/end", async (int id, int membershipId, EndMembershipRequest request, RosterService roster, HttpContext http, CancellationToken ct) =>
            (await roster.EndMembershipAsync(http.RequireActor(), id, membershipId, request.EndDate, request.EndingDocumentId, request.Version, ct)).ToOk())
            .Access(AccessKind.CommitteeManage);

        group.MapGet("/{id:int}/reconstitutions", async (int id, Reconstitutions reconstitutions, HttpContext http, CancellationToken ct) =>
            (await reconstitutions.ListAsync(http.RequireActor(), id, ct)).ToOk())
            .Access(AccessKind.CommitteeRead);

        group.MapPost("/{id:int}/reconstitutions", async (int id, StartReconstitutionRequest request, Reconstitutions reconstitutions, HttpContext http, CancellationToken ct) =>
            (await reconstitutions.StartAsync(http.RequireActor(), id, request.EffectiveOn, ct)).ToCreated(r => $"/api/v1/committees/{id}/reconstitutions/{r.Id}"))
            .Access(AccessKind.CommitteeManage);

        group.MapGet("/{id:int}/reconstitutions/{draftId:int}", async (int id, int draftId, Reconstitutions reconstitutions, HttpContext http, CancellationToken ct) =>
            (await reconstitutions.GetAsync(http.RequireActor(), id, draftId, ct)).ToOk())
            .Access(AccessKind.CommitteeRead);

        group.MapPut("/{id:int}/reconstitutions/{draftId:int}", async (int id, int draftId, ReconstitutionRequest request, Reconstitutions reconstitutions, HttpContext http, CancellationToken ct) =>
            (await reconstitutions.UpdateAsync(http.RequireActor(), id, draftId, request.ToInput(), request.Version, ct)).ToOk())
            .Access(AccessKind.CommitteeManage);

        group.MapPost("/{id:int}/reconstitutions/{draftId:int}/decision", async (int id, int draftId, DecisionRequest request, Reconstitutions reconstitutions, HttpContext http, CancellationToken ct) =>
            (await reconstitutions.CreateDecisionAsync(http.RequireActor(), id, draftId, request.ToInput(), request.Version, ct)).ToOk())
            .Access(AccessKind.CommitteeManage);

        // Applies the draft; 409 when the roster changed since the draft was made, or the draft since it was read.
        group.MapPost("/{id:int}/reconstitutions/{draftId:int}/apply", async (int id, int draftId, VersionRequest request, Reconstitutions reconstitutions, HttpContext http, CancellationToken ct) =>
            (await reconstitutions.ApplyAsync(http.RequireActor(), id, draftId, request.Version, ct)).ToOk())
            .Access(AccessKind.CommitteeManage);

        group.MapPost("/{id:int}/reconstitutions/{draftId:int}/roster.xlsx", ImportRosterAsync)
            .Access(AccessKind.CommitteeManage);

        group.MapPost("/{id:int}/reconstitutions/{draftId:int}/discard", async (int id, int draftId, VersionRequest request, Reconstitutions reconstitutions, HttpContext http, CancellationToken ct) =>
            (await reconstitutions.DiscardAsync(http.RequireActor(), id, draftId, request.Version, ct)).ToOk())
            .Access(AccessKind.CommitteeManage);

        // What the decision on reconstitution prints, for the DOCX generator and other clients.
        group.MapGet("/{id:int}/reconstitutions/{draftId:int}/decision-model", async (int id, int draftId, Reconstitutions reconstitutions, HttpContext http, CancellationToken ct) =>
            (await reconstitutions.DecisionModelAsync(http.RequireActor(), id, draftId, ct)).ToOk())
            .Access(AccessKind.CommitteeRead);

        // The decision itself: decision.docx to edit and sign, decision.pdf to read.
        group.MapGet("/{id:int}/reconstitutions/{draftId:int}/decision.{format}", async (int id, int draftId, string format, Reconstitutions reconstitutions, PdfConverter pdf, HttpContext http, CancellationToken ct) =>
            await GeneratedFiles.SendAsync(await reconstitutions.DecisionDocxAsync(http.RequireActor(), id, draftId, ct), format, pdf, ct))
            .Access(AccessKind.CommitteeRead);
        return group;
    }

    /// <summary>
    /// A roster sheet replaces the draft's lines: multipart/form-data with one file part, and the
    /// draft's version and createPeople (true: create the people not found) as fields before the
    /// file or in the query. 200 with the draft; 422 with every error ({row, column, message}, the
    /// message a whole sentence) and nothing saved; 409 when the draft was saved since; 413 past the limit.
    /// </summary>
    private static async Task<IResult> ImportRosterAsync(int id, int draftId, int? version, bool? createPeople, RosterImport import, HttpContext http, CancellationToken ct)
    {
        if (!MultipartUpload.TryLimitBody(http, RosterWorkbook.MaxUploadBytes))
        {
            return RosterTooLarge();
        }
        try
        {
            var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var (fileName, content) = await MultipartUpload.FirstFileAsync(http.Request, fields, ct);
            version ??= fields.TryGetValue("version", out var v) && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
            createPeople ??= fields.TryGetValue("createPeople", out var c) && bool.TryParse(c, out var create) && create;
            var result = await import.ImportAsync(http.RequireActor(), id, draftId, fileName, content, version, createPeople.Value, ct);
            return result.Outcome switch
            {
                Outcome.Ok => TypedResults.Ok(result.Value),
                Outcome.Invalid when result.Problems.Any(p => p.Field == RosterImport.TooLargeField) => RosterTooLarge(),
                Outcome.Invalid => TypedResults.Problem(
                    statusCode: StatusCodes.Status422UnprocessableEntity,
                    title: result.Value is { } refused ? Messages.Get("ImportHasErrors", refused.Errors.Count) : Messages.Get("InvalidRequest"),
                    extensions: new Dictionary<string, object?>
                    {
                        ["errors"] = result.Value?.Errors.Select(e => new RosterSheetErrorResponse(e.Row, e.Column, e.ToString())).ToList()
                            ?? [.. result.Problems.Select(p => new RosterSheetErrorResponse(null, null, p.Message))],
                    }),
                _ => result.ToOk().Result,
            };
        }
        catch (BadHttpRequestException ex) when (MultipartUpload.IsTooLarge(ex))
        {
            return RosterTooLarge();
        }
    }

    private static ProblemHttpResult RosterTooLarge() =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: RosterImport.TooLargeMessage());

    /// <summary>Committee members and staff, under /api/v1/people.</summary>
    public static RouteGroupBuilder MapPeopleApi(this RouteGroupBuilder group)
    {
        group.RequireAuthorization(Policies.Api).WithTags("People");

        // The scope rule filters the list: every user may ask, each sees the people of their committees.
        group.MapGet("/", async (PeopleService people, HttpContext http, string? q, int? agencyId, string? sort, int? page, int? pageSize, CancellationToken ct) =>
            TypedResults.Ok(await people.ListAsync(http.RequireActor(), q, agencyId, new(page ?? 1, pageSize ?? 50), sort, ct)))
            .Access(AccessKind.SignedIn);

        group.MapGet("/{id:int}", async (int id, PeopleService people, HttpContext http, CancellationToken ct) =>
            (await people.GetAsync(http.RequireActor(), id, ct)).ToOk())
            .Access(AccessKind.PersonRead);

        // Created even when a likely duplicate exists: the answer lists them (likelyDuplicates) as a warning.
        group.MapPost("/", async (PersonRequest request, PeopleService people, HttpContext http, CancellationToken ct) =>
            (await people.CreateAsync(http.RequireActor(), request.ToInput(), ct)).ToCreated(p => $"/api/v1/people/{p.Person.Id}"))
            .Access(AccessKind.PersonCreate);

        group.MapPut("/{id:int}", async (int id, PersonRequest request, PeopleService people, HttpContext http, CancellationToken ct) =>
            (await people.UpdateAsync(http.RequireActor(), id, request.ToInput(), request.Version, ct)).ToOk())
            .Access(AccessKind.PersonManage);
        return group;
    }
}
