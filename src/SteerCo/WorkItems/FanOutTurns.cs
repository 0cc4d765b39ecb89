namespace SteerCo.WorkItems;

/// <summary>
/// Fan-outs take turns in this process: one at a time builds its tasks, saves them and lets the
/// graph go. A fan-out to a province's communes tracks a hundred tasks and as many audit entries
/// (about 6 MB); its save then waits for the audit chain's lock
/// (<see cref="Audit.AuditInterceptor"/>), which lets one audited write through at a time anyway.
/// Eight at once held eight graphs while they waited: taking turns, the peak was 187-188 MiB
/// instead of 197-198, for 25-29 fan-outs a second at 8 connections instead of 36 (one building
/// while another commits; two turns gave 41 a second and 187 MiB; bench/, national data set,
/// docs/memory-national-session19.md). A fan-out alone is as quick as before. Servers sharing the
/// database still wait for each other on the database's lock; this only bounds what one process
/// holds.
/// </summary>
public sealed class FanOutTurns
{
    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>Waits for this fan-out's turn; disposing the answer passes the turn on.</summary>
    public async ValueTask<Turn> WaitAsync(CancellationToken cancellationToken)
    {
        await _one.WaitAsync(cancellationToken);
        return new Turn(_one);
    }

    /// <summary>Whether a fan-out has the turn now.</summary>
    public bool Taken => _one.CurrentCount == 0;

    public sealed class Turn(SemaphoreSlim one) : IDisposable
    {
        private int _passed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _passed, 1) == 0)
            {
                one.Release();
            }
        }
    }
}
