namespace SteerCo.Web.Auth;

/// <summary>
/// Who may call an API endpoint, declared on the endpoint. The authorization matrix test reads it
/// from the app's own endpoint list, so every endpoint added later is checked for leaks.
/// </summary>
public enum AccessKind
{
    /// <summary>No sign-in needed (the token endpoint, the OpenAPI document).</summary>
    Anonymous,

    /// <summary>Any active user: reference data, or a list the scope rule filters.</summary>
    SignedIn,

    /// <summary>Administrators only.</summary>
    Administrator,

    /// <summary>Read the committee named by {id}: within the user's scope.</summary>
    CommitteeRead,

    /// <summary>Change the committee named by {id}: its secretariat or an administrator.</summary>
    CommitteeManage,

    /// <summary>Create a committee under the body's parentId: that committee's secretariat or an administrator.</summary>
    CommitteeCreate,

    /// <summary>Change the agency named by {id}: the secretariat of a committee of its unit, or an administrator.</summary>
    AgencyManage,

    /// <summary>Create an agency in the body's unitId: as <see cref="AgencyManage"/>.</summary>
    AgencyCreate,

    /// <summary>Read the document named by {id}: the scope rule for documents (its committee's readers, and the subtree below when shared).</summary>
    DocumentRead,

    /// <summary>Change the document named by {id}, or its relations: the secretariat of its committee or an administrator.</summary>
    DocumentManage,

    /// <summary>Register a document into the body's committeeId: that committee's secretariat or an administrator.</summary>
    DocumentCreate,

    /// <summary>Cancel the register number named by {id}: the secretariat of its committee or an administrator.</summary>
    NumberManage,

    /// <summary>Read the person named by {id}: readers of a committee they sit on or of a committee of their agency's unit.</summary>
    PersonRead,

    /// <summary>Change the person named by {id}: the secretariat of a committee of their agency's unit or of a committee they sit on, or an administrator.</summary>
    PersonManage,

    /// <summary>Create a person in the body's agencyId: as <see cref="AgencyManage"/> for that agency's unit.</summary>
    PersonCreate,

    /// <summary>Read the report request named by {id}: the readers of the committee that made it.</summary>
    ReportRequestRead,

    /// <summary>Read the submission named by {id}: the readers of the committee that submits it and of the committee that asked for it.</summary>
    SubmissionRead,

    /// <summary>Fill and submit the submission named by {id}: the secretariat of the committee that submits it (for a member agency's, a user of that agency), or an administrator.</summary>
    SubmissionManage,

    /// <summary>Accept or return the submission named by {id}: the secretariat of the committee that asked for it, or an administrator.</summary>
    SubmissionReview,
    /// <summary>Read the task named by {id}: the scope rule for its committee.</summary>
    WorkItemRead,

    /// <summary>Create a task in the body's committeeId: that committee's secretariat or an administrator.</summary>
    WorkItemCreate,

    /// <summary>Extend, reassign, close or pass down the task named by {id}: its committee's secretariat or an administrator.</summary>
    WorkItemManage,

    /// <summary>Report progress on the task named by {id}: as <see cref="WorkItemManage"/>, or a member of its committee for the agency that leads it.</summary>
    WorkItemReport,

    /// <summary>Read the meeting named by {id}: the scope rule for its committee.</summary>
    MeetingRead,

    /// <summary>Record attendance, contributions, conclusions of the meeting named by {id}, issue its notice: its committee's secretariat or an administrator.</summary>
    MeetingManage,
}

public sealed record EndpointAccess(AccessKind Kind);

public static class EndpointAccessExtensions
{
    public static TBuilder Access<TBuilder>(this TBuilder builder, AccessKind kind) where TBuilder : IEndpointConventionBuilder
        => builder.WithMetadata(new EndpointAccess(kind));
}
