using Tillit.Web.Cli;
using Tillit.Web.Infrastructure;

// Before any thread of ours allocates: each would otherwise get a C heap arena of its own (NativeHeap).
NativeHeap.LimitArenas(NativeHeap.ConfiguredArenas());

// One executable: with a verb it is the command line (`tillit migrate`, `tillit admin ...`),
// without one it is the web host.
if (CommandLine.IsVerb(args))
{
    return await CommandLine.RunAsync(args);
}

var app = TillitHost.Build(args);
await TillitHost.PrepareDatabaseAsync(app);
await app.RunAsync();
return 0;

/// <summary>Entry point marker for WebApplicationFactory in tests.</summary>
public partial class Program;
