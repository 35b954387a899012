using System.Runtime.InteropServices;

namespace Tillit.Web.Infrastructure;

/// <summary>
/// The C library's heap, which SQLite, the TLS stack and the runtime's native parts allocate from. By default
/// glibc gives busy threads arenas of their own (up to eight per core), and each keeps the memory it once held;
/// under 32 concurrent requests that held some 130 MB that the process never needed at the same time
/// (docs/performance.md, session 12). Capping the arenas, as <c>MALLOC_ARENA_MAX</c> would, keeps the resident
/// memory within the budget without measurable loss of throughput on the bench.
/// </summary>
public static class NativeHeap
{
    private const int ArenaMaxParameter = -8; // M_ARENA_MAX in glibc's malloc.h

    /// <summary>The arenas when nothing is configured: two, as for two cores.</summary>
    public const int DefaultArenas = 2;

    /// <summary>
    /// The environment variable that sets the cap (0 = the C library's default). It is read from the environment,
    /// not from appsettings, because it must act before the host, which reads the settings, starts any thread.
    /// </summary>
    public const string Variable = "Tillit__NativeHeapArenas";

    public static int ConfiguredArenas() =>
        int.TryParse(Environment.GetEnvironmentVariable(Variable), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var arenas)
            ? arenas
            : DefaultArenas;

    /// <summary>
    /// Caps the number of arenas, to be called first in Main, before the host starts its threads. Zero or less leaves the C
    /// library's default. Returns whether the cap was set (false off Linux, or with a C library without arenas).
    /// </summary>
    public static bool LimitArenas(int arenas)
    {
        if (arenas <= 0 || !OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return NativeMethods.mallopt(ArenaMaxParameter, arenas) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>
    /// Hands the free pages of every arena back to the system (glibc's <c>malloc_trim</c>). Returns whether any
    /// memory was released; false off Linux or with a C library that has no such call.
    /// </summary>
    public static bool Trim()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return NativeMethods.malloc_trim(0) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "malloc_trim", ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int malloc_trim(nuint pad);

        [DllImport("libc", EntryPoint = "mallopt", ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int mallopt(int parameter, int value);
    }
}

/// <summary>
/// Trims the C heap every few seconds (<see cref="NativeHeap.Trim"/>). Memory SQLite and the rest freed in one
/// thread's arena is otherwise kept by that arena, for that arena's next allocations only, so after a burst of
/// requests the process holds the sum of every arena's high-water mark.
/// </summary>
public sealed class NativeHeapTrimmer(TimeProvider clock) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                NativeHeap.Trim();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
