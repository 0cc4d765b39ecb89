using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SteerCo.Data;
using SteerCo.Resources;
using SteerCo.Text;

namespace SteerCo.Reporting;

/// <summary>When reminders go out (section Reminders).</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>Whether the web app runs the job.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The first reminder goes this many days before the deadline; the second on the day.</summary>
    public int DaysBefore { get; set; } = 3;

    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The site's address, for the link in an e-mail ("https://steerco.example.gov.vn"); none without it.</summary>
    public string? BaseUrl { get; set; }
}

/// <summary>What one run did.</summary>
public sealed record ReminderRun(int Notified, int Mailed);

/// <summary>
/// Reminds the committees that have not submitted a report: <see cref="ReminderOptions.DaysBefore"/>
/// days before its deadline and on it. Each reminder is a notification whose key names the
/// submission and which reminder it is, so a run repeated (the next tick, a second server) adds
/// none twice; the request records when each was sent so later runs skip it without looking.
/// E-mail goes to the committee's active users with an address (a member agency's report: the
/// agency's users only), only when SMTP is configured.
/// </summary>
public sealed class ReportReminders(SteerCoDbContext db, TimeProvider clock, IOptions<ReminderOptions> options, ReminderMail mail, ILogger<ReportReminders> logger)
{
    /// <summary>A reminder, with the member agency it is for when the submission is an agency's (then only its users are mailed).</summary>
    private sealed record Reminder(Notification Notice, string Subject, int? AgencyId);

    public async Task<ReminderRun> RunAsync(CancellationToken cancellationToken = default)
    {
        var today = clock.Today();
        var soon = today.AddDays(Math.Max(1, options.Value.DaysBefore));
        var now = clock.GetUtcNow();
        var requests = await db.ReportRequests
            .Where(r => (r.RemindedBeforeAt == null && r.Deadline > today && r.Deadline <= soon) || (r.RemindedOnAt == null && r.Deadline == today))
            .ToListAsync(cancellationToken);
        var reminders = new List<Reminder>();
        foreach (var request in requests)
        {
            var onTheDay = request.Deadline == today;
            var kind = onTheDay ? "on" : "before";
            var open = await db.Submissions.AsNoTracking()
                .Where(s => s.RequestId == request.Id && (s.Status == SubmissionStatus.Draft || s.Status == SubmissionStatus.Returned))
                .Select(s => new { s.Id, s.CommitteeId, s.AgencyId, AgencyName = s.Agency != null ? s.Agency.Name : null }).ToListAsync(cancellationToken);
            var keys = open.Select(s => $"remind-{kind}:{s.Id}").ToList();
            var sent = await db.Notifications.Where(n => keys.Contains(n.Key)).Select(n => n.Key).ToListAsync(cancellationToken);
            var daysLeft = request.Deadline.DayNumber - today.DayNumber;
            foreach (var submission in open.Where(s => !sent.Contains($"remind-{kind}:{s.Id}")))
            {
                // An agency's report is owed to its own committee: the notice names the agency, and only that agency's members read it.
                var text = (onTheDay, submission.AgencyName) switch
                {
                    (true, null) => Messages.Get("NotifyDueToday", request.Title, request.Deadline.ToShort()),
                    (true, { } agency) => Messages.Get("NotifyDueTodayAgency", request.Title, request.Deadline.ToShort(), agency),
                    (false, null) => Messages.Get("NotifyDueSoon", request.Title, request.Deadline.ToShort(), daysLeft),
                    (false, { } agency) => Messages.Get("NotifyDueSoonAgency", request.Title, request.Deadline.ToShort(), daysLeft, agency),
                };
                var notice = new Notification
                {
                    CommitteeId = submission.CommitteeId,
                    Key = $"remind-{kind}:{submission.Id}",
                    Text = text,
                    AgencyId = submission.AgencyId,
                    Link = $"/Reporting/Submission/{submission.Id}",
                    CreatedAt = now,
                };
                db.Notifications.Add(notice);
                reminders.Add(new(notice, text, submission.AgencyId));
            }
            if (onTheDay)
            {
                request.RemindedOnAt = now;
            }
            request.RemindedBeforeAt ??= now;
        }
        if (requests.Count == 0)
        {
            return new(0, 0);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // Another server reminded the same submissions first: its reminders stand, and this run adds none.
            logger.LogWarning(ex, "Reminders were written by another run at the same time; this run sent none.");
            db.ChangeTracker.Clear();
            return new(0, 0);
        }
        return new(reminders.Count, await MailAsync(reminders, cancellationToken));
    }

    /// <summary>After the notifications are saved: a failed message is logged, not retried, and never undoes them.</summary>
    private async Task<int> MailAsync(IReadOnlyList<Reminder> reminders, CancellationToken cancellationToken)
    {
        if (!mail.IsConfigured || reminders.Count == 0)
        {
            return 0;
        }
        var committees = reminders.Select(r => r.Notice.CommitteeId).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => u.IsActive && u.CommitteeId != null && committees.Contains(u.CommitteeId.Value) && u.Email != null && u.Email != "")
            .Select(u => new { CommitteeId = u.CommitteeId!.Value, u.AgencyId, Email = u.Email! }).ToListAsync(cancellationToken);
        var mailed = 0;
        foreach (var reminder in reminders)
        {
            var body = options.Value.BaseUrl is { Length: > 0 } site ? $"{reminder.Subject}\n\n{site.TrimEnd('/')}{reminder.Notice.Link}" : reminder.Subject;
            foreach (var user in users.Where(u => u.CommitteeId == reminder.Notice.CommitteeId && (reminder.AgencyId is null || u.AgencyId == reminder.AgencyId)))
            {
                try
                {
                    await mail.SendAsync(user.Email, reminder.Subject, body, cancellationToken);
                    mailed++;
                }
                catch (Exception ex) when (ex is System.Net.Mail.SmtpException or InvalidOperationException or FormatException or IOException)
                {
                    logger.LogWarning(ex, "A reminder to {Email} was not sent.", user.Email);
                }
            }
        }
        return mailed;
    }
}

/// <summary>Runs <see cref="ReportReminders"/> at start and then every <see cref="ReminderOptions.Interval"/>.</summary>
public sealed class ReminderJob(IServiceScopeFactory scopes, IOptions<ReminderOptions> options, TimeProvider clock, ILogger<ReminderJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var run = await scope.ServiceProvider.GetRequiredService<ReportReminders>().RunAsync(stoppingToken);
                if (run.Notified > 0)
                {
                    logger.LogInformation("Reminded {Notified} reports due soon; {Mailed} e-mails sent.", run.Notified, run.Mailed);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed run (the database away for a moment) is tried again at the next tick.
                logger.LogError(ex, "The reminder run failed.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
