using System.Collections.Concurrent;

namespace SteerCo.Reporting;

/// <summary>
/// A template version's indicators, read once: a version never changes (a change to a template is
/// a new version), so what was read stays true. Every roll-up of a request reads them; at most
/// <see cref="Capacity"/> versions are kept, past that the keeper starts again empty.
/// </summary>
public sealed class TemplateIndicators
{
    public const int Capacity = 1_000;

    private readonly ConcurrentDictionary<int, IReadOnlyList<IndicatorView>> _versions = new();

    public async ValueTask<IReadOnlyList<IndicatorView>> GetAsync(int versionId, Func<int, Task<List<IndicatorView>>> read)
    {
        if (_versions.TryGetValue(versionId, out var kept))
        {
            return kept;
        }
        var indicators = await read(versionId);
        // A version is read only once it is saved, with all its indicators: none means no such version, not kept.
        if (indicators.Count > 0)
        {
            if (_versions.Count >= Capacity)
            {
                _versions.Clear();
            }
            _versions[versionId] = indicators;
        }
        return indicators;
    }
}
