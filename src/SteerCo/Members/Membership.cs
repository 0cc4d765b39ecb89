using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SteerCo.Agencies;
using SteerCo.Committees;
using SteerCo.Data;
using SteerCo.Documents;

namespace SteerCo.Members;

/// <summary>
/// A person holding a post on a committee, on behalf of an agency, from <see cref="StartDate"/>
/// to <see cref="EndDate"/>, both days included (null: still holding it). A membership is on the
/// roster of day D when StartDate ≤ D and (EndDate is null or EndDate ≥ D). A reconstitution
/// effective on day E ends the leavers' memberships on E − 1 and starts the new ones on E, so
/// the roster of E is the new composition and the roster of E − 1 the old one.
/// </summary>
public sealed class Membership : IVersioned
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public int CommitteeId { get; set; }
    public Committee? Committee { get; set; }
    public int PostId { get; set; }
    public Post? Post { get; set; }

    /// <summary>The agency the person sits for [đại diện cơ quan].</summary>
    public int AgencyId { get; set; }

    public Agency? Agency { get; set; }
    /// <summary>The person's job title when the membership started, as the appointing decision printed it.</summary>
    public string? JobTitle { get; set; }

    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }

    /// <summary>The decision that appointed the person (a register document).</summary>
    public int? AppointingDocumentId { get; set; }

    public Document? AppointingDocument { get; set; }

    /// <summary>The decision that ended the membership.</summary>
    public int? EndingDocumentId { get; set; }

    public Document? EndingDocument { get; set; }

    /// <summary>The reconstitution that started it, if one did.</summary>
    public int? StartedByReconstitutionId { get; set; }

    /// <summary>The reconstitution that ended it, if one did.</summary>
    public int? EndedByReconstitutionId { get; set; }

    public int Version { get; set; }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> membership)
    {
        membership.Property(m => m.JobTitle).HasMaxLength(300);
        membership.HasOne(m => m.Person).WithMany().OnDelete(DeleteBehavior.Restrict);
        membership.HasOne(m => m.Committee).WithMany().OnDelete(DeleteBehavior.Restrict);
        membership.HasOne(m => m.Post).WithMany().OnDelete(DeleteBehavior.Restrict);
        membership.HasOne(m => m.Agency).WithMany().OnDelete(DeleteBehavior.Restrict);
        membership.HasOne(m => m.AppointingDocument).WithMany().HasForeignKey(m => m.AppointingDocumentId).OnDelete(DeleteBehavior.Restrict);
        membership.HasOne(m => m.EndingDocument).WithMany().HasForeignKey(m => m.EndingDocumentId).OnDelete(DeleteBehavior.Restrict);
        membership.HasOne<Reconstitution>().WithMany().HasForeignKey(m => m.StartedByReconstitutionId).OnDelete(DeleteBehavior.Restrict);
        membership.HasOne<Reconstitution>().WithMany().HasForeignKey(m => m.EndedByReconstitutionId).OnDelete(DeleteBehavior.Restrict);
        // The roster of a day: the committee's memberships started by then (a range on the
        // second column), of which those not ended before it; EndDate is in the index so the
        // engine filters without reading the rows.
        membership.HasIndex(m => new { m.CommitteeId, m.StartDate, m.EndDate });
        membership.HasIndex(m => new { m.CommitteeId, m.EndDate });
        membership.HasIndex(m => new { m.PersonId, m.StartDate });
        membership.HasIndex(m => m.PostId);
        membership.Property(m => m.Version).IsConcurrencyToken();
    }
}
