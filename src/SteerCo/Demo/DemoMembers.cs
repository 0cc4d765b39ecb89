using Microsoft.EntityFrameworkCore;
using SteerCo.Agencies;
using SteerCo.Committees;
using SteerCo.Data;
using SteerCo.Documents;
using SteerCo.Members;
using SteerCo.Text;

namespace SteerCo.Demo;

/// <summary>
/// The demo's members: Đà Nẵng's committee as set up on 15/07/2025 and reconstituted on
/// 01/11/2025 (both by decisions of the city People's Committee, in the committee's register as
/// incoming documents), and a small roster in Hải Châu. The names are invented. Times are
/// written in Vietnam's offset and stored in UTC (Npgsql takes only UTC for timestamptz).
/// </summary>
internal sealed class DemoMembers(SteerCoDbContext db)
{
    private static readonly DateOnly Established = new(2025, 7, 15);
    private static readonly DateOnly Reconstituted = new(2025, 11, 1);

    public async Task SeedAsync(Committee danang, IReadOnlyDictionary<string, Agency> danangAgencies, Committee haichau, IReadOnlyDictionary<string, Agency> haichauAgencies, int? secretaryUserId, CancellationToken cancellationToken)
    {
        if (await db.Memberships.AnyAsync(m => m.CommitteeId == danang.Id, cancellationToken))
        {
            return;
        }
        var ubnd = danangAgencies["UBND"];
        var first = Decision(danang, ubnd, 1890, new DateOnly(2025, 7, 10), $"Về việc thành lập {danang.Name}");
        var second = Decision(danang, ubnd, 2460, new DateOnly(2025, 10, 24), $"Về việc kiện toàn {danang.Name}");
        db.Documents.AddRange(first, second);

        Person P(string name, string title, string agency) => new()
        {
            FullName = name,
            FoldedName = VietnameseText.Fold(name),
            JobTitle = title,
            AgencyId = danangAgencies[agency].Id,
        };
        var chair = P("Nguyễn Văn An", "Chủ tịch Ủy ban nhân dân thành phố", "UBND");
        var standing = P("Trần Quốc Bảo", "Phó Chủ tịch Ủy ban nhân dân thành phố", "UBND");
        var agriculture = P("Lê Văn Cường", "Giám đốc Sở Nông nghiệp và Môi trường", "SNNMT");
        var military = P("Hồ Văn Dũng", "Chỉ huy trưởng Bộ Chỉ huy Quân sự thành phố", "BCHQS");
        var police = P("Võ Minh Khoa", "Phó Giám đốc Công an thành phố", "CA");
        var health = P("Phan Thị Hạnh", "Giám đốc Sở Y tế", "SYT");
        var newHealth = P("Trương Văn Phúc", "Giám đốc Sở Y tế", "SYT");
        var construction = P("Ngô Văn Lợi", "Giám đốc Sở Xây dựng", "SXD");
        var team = P("Đặng Thị Ngọc", "Chi cục trưởng Chi cục Thủy lợi", "SNNMT");
        var secretary = P("Lê Thị Mai", "Chuyên viên Sở Nông nghiệp và Môi trường", "SNNMT");
        secretary.UserId = secretaryUserId;
        db.People.AddRange(chair, standing, agriculture, military, police, health, newHealth, construction, team, secretary);
        await db.SaveChangesAsync(cancellationToken);

        var chairPost = StandardPosts.IdOf(StandardPosts.Chair);
        var standingPost = StandardPosts.IdOf(StandardPosts.StandingDeputy);
        var deputyPost = StandardPosts.IdOf(StandardPosts.Deputy);
        var memberPost = StandardPosts.IdOf(StandardPosts.Member);
        var teamPost = StandardPosts.IdOf(StandardPosts.TeamLeader);
        var secretaryPost = StandardPosts.IdOf(StandardPosts.Secretary);
        var reconstitution = new Reconstitution
        {
            CommitteeId = danang.Id,
            EffectiveOn = Reconstituted,
            Status = ReconstitutionStatus.Applied,
            DecisionDocumentId = second.Id,
            BaseFingerprint = "",
            CreatedAt = new DateTimeOffset(2025, 10, 20, 9, 0, 0, TimeSpan.FromHours(7)).ToUniversalTime(),
            CreatedBy = "thuky.danang",
            AppliedAt = new DateTimeOffset(2025, 10, 24, 15, 0, 0, TimeSpan.FromHours(7)).ToUniversalTime(),
            AppliedBy = "thuky.danang",
        };
        db.Reconstitutions.Add(reconstitution);
        await db.SaveChangesAsync(cancellationToken);

        Membership M(Person person, int post, DateOnly start, Document appointing, DateOnly? end = null) => new()
        {
            PersonId = person.Id,
            CommitteeId = danang.Id,
            PostId = post,
            AgencyId = person.AgencyId,
            JobTitle = person.JobTitle,
            StartDate = start,
            EndDate = end,
            AppointingDocumentId = appointing.Id,
            EndingDocumentId = end is null ? null : second.Id,
            EndedByReconstitutionId = end is null ? null : reconstitution.Id,
            StartedByReconstitutionId = start == Reconstituted ? reconstitution.Id : null,
        };
        var dayBefore = Reconstituted.AddDays(-1);
        db.Memberships.AddRange(
            M(chair, chairPost, Established, first),
            M(standing, standingPost, Established, first, dayBefore),
            M(agriculture, deputyPost, Established, first, dayBefore),
            M(military, deputyPost, Established, first),
            M(police, memberPost, Established, first),
            M(health, memberPost, Established, first, dayBefore),
            M(construction, memberPost, Established, first),
            M(team, teamPost, Established, first),
            M(secretary, secretaryPost, Established, first),
            // 01/11/2025: the standing deputy leaves, the agriculture director takes the post, a new health director joins.
            M(agriculture, standingPost, Reconstituted, second),
            M(newHealth, memberPost, Reconstituted, second));
        db.ReconstitutionLines.AddRange(new[] { chair, agriculture, military, police, construction, team, secretary, newHealth }
            .Select(p => new ReconstitutionLine
            {
                ReconstitutionId = reconstitution.Id,
                PersonId = p.Id,
                AgencyId = p.AgencyId,
                JobTitle = p.JobTitle,
                PostId = p == chair ? chairPost : p == agriculture ? standingPost : p == military ? deputyPost
                    : p == team ? teamPost : p == secretary ? secretaryPost : memberPost,
            }));

        Person C(string name, string title, string agency) => new()
        {
            FullName = name,
            FoldedName = VietnameseText.Fold(name),
            JobTitle = title,
            AgencyId = haichauAgencies[agency].Id,
        };
        var communeChair = C("Bùi Văn Sơn", "Chủ tịch Ủy ban nhân dân phường", "UBND");
        var communeMilitary = C("Lương Văn Tài", "Chỉ huy trưởng Ban Chỉ huy Quân sự phường", "BCHQS");
        var communePolice = C("Huỳnh Thị Uyên", "Trưởng Công an phường", "CA");
        db.People.AddRange(communeChair, communeMilitary, communePolice);
        await db.SaveChangesAsync(cancellationToken);
        db.Memberships.AddRange(
            new Membership { PersonId = communeChair.Id, CommitteeId = haichau.Id, PostId = chairPost, AgencyId = communeChair.AgencyId, JobTitle = communeChair.JobTitle, StartDate = Established },
            new Membership { PersonId = communeMilitary.Id, CommitteeId = haichau.Id, PostId = deputyPost, AgencyId = communeMilitary.AgencyId, JobTitle = communeMilitary.JobTitle, StartDate = Established },
            new Membership { PersonId = communePolice.Id, CommitteeId = haichau.Id, PostId = memberPost, AgencyId = communePolice.AgencyId, JobTitle = communePolice.JobTitle, StartDate = Established });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static Document Decision(Committee committee, Agency issuer, int number, DateOnly issuedOn, string subject)
    {
        var document = new Document
        {
            CommitteeId = committee.Id,
            Direction = DocumentDirection.Incoming,
            Type = "QĐ",
            Symbol = $"{number}/QĐ-UBND",
            Number = number,
            IssuedOn = issuedOn,
            IssuedYear = issuedOn.Year,
            ReceivedOn = issuedOn.AddDays(1),
            IssuerKind = IssuerKind.Agency,
            IssuerAgencyId = issuer.Id,
            IssuerName = issuer.Name,
            Subject = subject,
            SignerName = "Nguyễn Văn An",
            SignerTitle = "Chủ tịch",
            SigningAuthority = SigningAuthority.OnBehalf,
            CreatedAt = new DateTimeOffset(issuedOn.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(7)).ToUniversalTime(),
        };
        document.SearchText = DocumentRegister.SearchTextOf(document, []);
        return document;
    }
}
