using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace SteerCo.Reporting;

/// <summary>
/// The SMTP server reminders are mailed through (section Smtp). Without a Host (or a
/// PickupDirectory, where messages are written as .eml files instead of sent) no mail goes out.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public bool EnableSsl { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>The sender, "SteerCo &lt;steerco@example.gov.vn&gt;".</summary>
    public string From { get; set; } = "SteerCo <steerco@localhost>";

    /// <summary>Writes each message into this folder rather than sending it (for tests and for looking at them).</summary>
    public string? PickupDirectory { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) || !string.IsNullOrWhiteSpace(PickupDirectory);
}

/// <summary>Sends a reminder by e-mail when SMTP is configured (System.Net.Mail).</summary>
public sealed class ReminderMail(IOptions<SmtpOptions> options)
{
    private readonly SmtpOptions _options = options.Value;

    public bool IsConfigured => _options.IsConfigured;

    public async Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken)
    {
        using var message = new MailMessage(new MailAddress(_options.From), new MailAddress(to))
        {
            Subject = subject,
            Body = body,
            BodyEncoding = System.Text.Encoding.UTF8,
            SubjectEncoding = System.Text.Encoding.UTF8,
        };
        using var client = new SmtpClient();
        if (!string.IsNullOrWhiteSpace(_options.PickupDirectory))
        {
            Directory.CreateDirectory(_options.PickupDirectory);
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = Path.GetFullPath(_options.PickupDirectory);
        }
        else
        {
            client.Host = _options.Host!;
            client.Port = _options.Port;
            client.EnableSsl = _options.EnableSsl;
            if (!string.IsNullOrEmpty(_options.UserName))
            {
                client.Credentials = new NetworkCredential(_options.UserName, _options.Password);
            }
        }
        await client.SendMailAsync(message, cancellationToken);
    }
}
