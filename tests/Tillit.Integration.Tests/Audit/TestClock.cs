namespace Tillit.Integration.Tests.Audit;

/// <summary>A clock the test sets; everything else about time stays real.</summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset? _now;

    public void Set(DateTimeOffset now) => _now = now;

    public void Reset() => _now = null;

    public override DateTimeOffset GetUtcNow() => _now ?? base.GetUtcNow();
}
