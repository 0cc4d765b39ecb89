namespace SteerCo.Access;

/// <summary>What a user may do; the committee a user belongs to says where.</summary>
public enum Role
{
    /// <summary>Everything, everywhere.</summary>
    Administrator = 1,

    /// <summary>Manages one committee and reads its subtree.</summary>
    Secretariat = 2,

    /// <summary>Reads the committee's subtree and approves.</summary>
    Leader = 3,

    /// <summary>An agency's representative in one committee: reads that committee.</summary>
    Member = 4,

    /// <summary>Reads one committee.</summary>
    Viewer = 5,
}
