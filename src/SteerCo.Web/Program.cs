using SteerCo;
using SteerCo.Web.Api;
using SteerCo.Web.Auth;
using SteerCo.Web.Infrastructure;

NativeHeap.Configure();
var builder = WebApplication.CreateBuilder(args);

builder.AddSteerCoLogging();
builder.Services.AddSteerCo(builder.Configuration);
builder.Services.AddSteerCoAuth();
builder.Services.AddSteerCoWeb(builder.Configuration);
builder.Services.AddHostedService<SteerCo.Reporting.ReminderJob>();

var app = builder.Build();

await app.PrepareDatabaseAsync();

app.UseSteerCoPipeline();
app.MapRazorPages();
app.MapSteerCoEndpoints();
app.MapGroup("/api/v1/auth").MapAuthApi();
app.MapGroup("/api/v1/units").MapUnitsApi();
app.MapGroup("/api/v1/agencies").MapAgenciesApi();
app.MapGroup("/api/v1/committees").MapCommitteesApi();
app.MapGroup("/api/v1/committees").MapCommitteeNumbersApi();
app.MapGroup("/api/v1/committees").MapCommitteeMembersApi();
app.MapGroup("/api/v1/committees").MapCommitteeMeetingsApi();
app.MapGroup("/api/v1/people").MapPeopleApi();
app.MapGroup("/api/v1/documents").MapDocumentsApi();
app.MapGroup("/api/v1/numbers").MapNumbersApi();
app.MapGroup("/api/v1/documents/{id:int}/files").MapDocumentFilesApi();
app.MapGroup("/api/v1/documents/search").MapDocumentSearchApi();
app.MapGroup("/api/v1/committees").MapCommitteeReportingApi();
app.MapGroup("/api/v1/report-requests").MapReportRequestsApi();
app.MapGroup("/api/v1/submissions").MapSubmissionsApi();
app.MapGroup("/api/v1/work-items").MapWorkItemsApi();
app.MapGroup("/api/v1/documents").MapDocumentWorkApi();
app.MapGroup("/api/v1/meetings").MapMeetingsApi();
app.MapGroup("/api/v1/users").MapUsersApi();
app.MapGroup("/api/v1/audit").MapAuditApi();
app.MapCalendarFeed();

app.Run();

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
