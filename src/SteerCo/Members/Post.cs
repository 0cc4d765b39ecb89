using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SteerCo.Committees;

namespace SteerCo.Members;

/// <summary>
/// A post on a committee [chức danh trong Ban Chỉ đạo]. The standard posts (no committee) are
/// seeded by the migration in roster order; a committee may add its own with an order of its choice.
/// </summary>
public sealed class Post
{
    public int Id { get; set; }

    /// <summary>Null for a standard post, shared by every committee.</summary>
    public int? CommitteeId { get; set; }

    public Committee? Committee { get; set; }

    /// <summary>The key of a standard post (<see cref="StandardPosts"/>); null for a committee's own.</summary>
    public string? Code { get; set; }

    public required string Name { get; set; }

    /// <summary>Roster order: lower first. Standard posts take 10, 20, ... 80, leaving room between.</summary>
    public int Order { get; set; }

    /// <summary>The checks warn when a required post has nobody.</summary>
    public bool Required { get; set; }

    /// <summary>At most one holder at a time in a committee (Trưởng ban).</summary>
    public bool SingleHolder { get; set; }
}

/// <summary>The posts every committee has, in roster order (DOMAIN.md §3).</summary>
public static class StandardPosts
{
    public const string Chair = "Chair";
    public const string StandingDeputy = "StandingDeputy";
    public const string Deputy = "Deputy";
    public const string Member = "Member";
    public const string TeamLeader = "TeamLeader";
    public const string TeamDeputy = "TeamDeputy";
    public const string TeamMember = "TeamMember";
    public const string Secretary = "Secretary";

    public static readonly IReadOnlyList<Post> All =
    [
        new() { Id = 1, Code = Chair, Name = "Trưởng ban", Order = 10, Required = true, SingleHolder = true },
        new() { Id = 2, Code = StandingDeputy, Name = "Phó Trưởng ban Thường trực", Order = 20 },
        new() { Id = 3, Code = Deputy, Name = "Phó Trưởng ban", Order = 30 },
        new() { Id = 4, Code = Member, Name = "Ủy viên", Order = 40 },
        new() { Id = 5, Code = TeamLeader, Name = "Tổ trưởng Tổ giúp việc", Order = 50 },
        new() { Id = 6, Code = TeamDeputy, Name = "Tổ phó Tổ giúp việc", Order = 60 },
        new() { Id = 7, Code = TeamMember, Name = "Thành viên Tổ giúp việc", Order = 70 },
        new() { Id = 8, Code = Secretary, Name = "Thư ký", Order = 80 },
    ];

    public static int IdOf(string code) => All.Single(p => p.Code == code).Id;
}

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> post)
    {
        post.Property(p => p.Name).HasMaxLength(200);
        post.Property(p => p.Code).HasMaxLength(30);
        post.HasOne(p => p.Committee).WithMany().OnDelete(DeleteBehavior.Restrict);
        post.HasIndex(p => new { p.CommitteeId, p.Order });
        post.HasIndex(p => p.Code).IsUnique().HasFilter("\"Code\" IS NOT NULL");
        post.HasData(StandardPosts.All.Select(p => new { p.Id, p.Code, p.Name, p.Order, p.Required, p.SingleHolder }));
    }
}
