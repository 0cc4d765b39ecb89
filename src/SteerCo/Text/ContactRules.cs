using System.Net.Mail;
using SteerCo.Access;
using SteerCo.Resources;

namespace SteerCo.Text;

/// <summary>
/// Checks on an e-mail address or a phone number a person or a user account is given, each with
/// the message the user sees. A value longer than its column is told as too long, without being
/// repeated back: a message never carries more than the column could hold.
/// </summary>
internal static class ContactRules
{
    /// <summary>The e-mail columns' length (people, and Identity's for user accounts).</summary>
    public const int EmailLength = 256;

    public const int PhoneLength = 30;

    /// <summary>An address as it is stored (<see cref="VietnameseText.Clean"/>d), empty meaning none: one mailbox, written plainly.</summary>
    public static Problem? CheckEmail(string field, string email) =>
        email.Length == 0 ? null
        : email.Length > EmailLength ? new(field, Messages.Get("TooLong", Messages.Get("FieldEmail"), EmailLength))
        : !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email ? new(field, Messages.Get("EmailShape", email))
        : null;

    /// <summary>A number as it is stored (<see cref="VietnameseText.Clean"/>ed), empty meaning none: digits, spaces and + . - ( ).</summary>
    public static Problem? CheckPhone(string field, string phone) =>
        phone.Length == 0 ? null
        : phone.Length > PhoneLength ? new(field, Messages.Get("TooLong", Messages.Get("FieldPhone"), PhoneLength))
        : !phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '.' or '-' or '(' or ')') ? new(field, Messages.Get("PhoneShape", phone))
        : null;
}
