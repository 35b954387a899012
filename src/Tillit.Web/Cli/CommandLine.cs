using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Data.Identity;
using Tillit.Domain.Access;
using Tillit.Domain.Organisations;
using Tillit.Web.Infrastructure;
using Tillit.Web.Infrastructure.Demo;
using Tillit.Web.Security;

namespace Tillit.Web.Cli;

/// <summary>
/// <c>tillit &lt;verb&gt;</c>: the operators' and scripts' way in. The verbs run on the same services
/// as the web host (configuration, database, Identity), without starting the server.
/// </summary>
public static class CommandLine
{
    private static readonly Dictionary<string, Func<WebApplication, Args, Task<int>>> Verbs = new(StringComparer.Ordinal)
    {
        ["migrate"] = MigrateAsync,
        ["seed-demo"] = SeedDemoAsync,
        ["admin create-user"] = CreateUserAsync,
        ["admin create-token"] = CreateTokenAsync,
    };

    /// <summary>Extra verbs registered by other parts (bench generator, audit verify).</summary>
    public static void Register(string verb, Func<WebApplication, Args, Task<int>> run) => Verbs[verb] = run;

    public static bool IsVerb(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        EnsureRegistered();
        return args.Length > 0 && (args[0] is "help" or "--help" or "-h" || Verbs.Keys.Any(v => v.Split(' ')[0] == args[0]));
    }

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        EnsureRegistered();
        var (verb, rest) = Match(args);
        if (verb is null)
        {
            PrintHelp();
            return args[0] is "help" or "--help" or "-h" ? 0 : 2;
        }

        Args parsed;
        try
        {
            parsed = Args.Parse(rest);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }

        var app = TillitHost.Build(parsed.ConfigurationOverrides(), b =>
        {
            b.Logging.SetMinimumLevel(LogLevel.Warning);

            // The verbs are batch jobs of one connection (generating a municipality, filling the trail): SQLite's
            // memory limit, made for a pool of request connections, would only make their writes spill early.
            b.Configuration["Database:SqliteMemoryLimitMegabytes"] ??= "0";
        });
        try
        {
            if (verb != "migrate" && app.Configuration.GetValue("Database:MigrateAtStartup", true))
            {
                await DatabaseSetup.MigrateAsync(app.Services);
            }

            // Verbs that record reads or sign-ins need the durable audit writer, not the web server.
            var writer = app.Services.GetRequiredService<Infrastructure.Audit.AuditWriter>();
            await writer.StartAsync(CancellationToken.None);
            try
            {
                return await Verbs[verb](app, parsed);
            }
            finally
            {
                await writer.StopAsync(CancellationToken.None);
            }
        }
        catch (CliException ex)
        {
            await Console.Error.WriteLineAsync("error: " + ex.Message);
            return 1;
        }
    }

    private static bool _registered;

    private static void EnsureRegistered()
    {
        if (_registered)
        {
            return;
        }

        _registered = true;
        foreach (var type in typeof(CommandLine).Assembly.GetTypes().Where(t => typeof(ICliVerbs).IsAssignableFrom(t) && t.IsClass && !t.IsAbstract))
        {
            ((ICliVerbs)Activator.CreateInstance(type)!).Register();
        }
    }

    private static (string? Verb, string[] Remaining) Match(string[] args)
    {
        if (args.Length >= 2 && Verbs.ContainsKey(args[0] + " " + args[1]))
        {
            return (args[0] + " " + args[1], args[2..]);
        }

        return Verbs.ContainsKey(args[0]) ? (args[0], args[1..]) : (null, args);
    }

    private static void PrintHelp()
    {
        Console.WriteLine("tillit <verb> [options]   (without a verb: start the web server)");
        Console.WriteLine();
        Console.WriteLine("  migrate                                   apply database migrations");
        Console.WriteLine("  seed-demo                                 create the demo organisation and print its accounts");
        Console.WriteLine("  admin create-user --email E --name N --role R [--organisation O]");
        Console.WriteLine("                                            create a person with an account; password from standard input");
        Console.WriteLine("  admin create-token --email E --name N [--days D]");
        Console.WriteLine("                                            create a personal access token (printed once)");
        foreach (var extra in Verbs.Keys.Where(k => k is not ("migrate" or "seed-demo" or "admin create-user" or "admin create-token")).Order())
        {
            Console.WriteLine($"  {extra}");
        }

        Console.WriteLine();
        Console.WriteLine("Settings as for the server: --Database:Provider=Postgres --Database:ConnectionString=... or the environment variables Database__Provider, Database__ConnectionString.");
    }

    private static async Task<int> MigrateAsync(WebApplication app, Args args)
    {
        await DatabaseSetup.MigrateAsync(app.Services);
        Console.WriteLine("Migrations applied.");
        return 0;
    }

    private static async Task<int> SeedDemoAsync(WebApplication app, Args args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        var db = scope.ServiceProvider.GetRequiredService<TillitDbContext>();
        if (await db.Organisations.AnyAsync(o => o.Code == DemoSeeder.DemoCode))
        {
            throw new CliException("the demo organisation already exists");
        }

        DemoSeeder.PrintAccounts(await seeder.SeedAsync(CancellationToken.None), Console.Out);
        return 0;
    }

    private static async Task<int> CreateUserAsync(WebApplication app, Args args)
    {
        var email = args.Required("email");
        var name = args.Required("name");
        var roleName = args.Required("role");
        if (!Enum.TryParse<Role>(roleName, ignoreCase: true, out var role) || !Enum.IsDefined(role))
        {
            throw new CliException($"unknown role '{roleName}'; one of: {string.Join(", ", Enum.GetNames<Role>())}");
        }

        var password = (await Console.In.ReadLineAsync())?.TrimEnd('\r', '\n');
        if (string.IsNullOrEmpty(password))
        {
            throw new CliException("give the password on standard input");
        }

        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<TillitDbContext>();
        var tenant = services.GetRequiredService<TenantContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        var users = services.GetRequiredService<UserManager<UserAccount>>();

        var organisation = await ResolveOrganisationAsync(db, args.Optional("organisation"));
        tenant.Set(organisation.Id);
        var root = await db.Units.Where(u => u.ParentId == null).OrderBy(u => u.Path).FirstOrDefaultAsync();
        if (root is null)
        {
            root = new Unit(organisation.Id, organisation.Name, UnitKind.Organisation, null);
            db.Units.Add(root);
        }

        if (await db.People.AnyAsync(p => p.Email == email))
        {
            throw new CliException($"a person with e-mail {email} already exists");
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var person = new Person(organisation.Id, name, email, root.Id);
        db.People.Add(person);
        db.RoleAssignments.Add(new RoleAssignment(organisation.Id, person.Id, role, ScopeKind.Organisation, null, null, "Skapad från kommandoraden", DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), null));
        await db.SaveChangesAsync();
        try
        {
            await DemoSeeder.CreateAccountAsync(users, person, password, clock);
        }
        catch (InvalidOperationException ex)
        {
            throw new CliException(ex.Message);
        }

        await transaction.CommitAsync();
        Console.WriteLine($"Created {email} ({role}) in {organisation.Name}.");
        return 0;
    }

    private static async Task<int> CreateTokenAsync(WebApplication app, Args args)
    {
        var email = args.Required("email");
        var name = args.Required("name");
        var days = args.Optional("days") is { } d && int.TryParse(d, out var n) ? n : (int?)null;
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<UserManager<UserAccount>>();
        var user = await users.FindByEmailAsync(email) ?? throw new CliException($"no account with e-mail {email}");
        services.GetRequiredService<TenantContext>().Set(user.OrganisationId);
        var clock = services.GetRequiredService<TimeProvider>();
        var (_, secret) = await services.GetRequiredService<ApiTokenService>()
            .CreateAsync(user, name, days is { } x ? clock.GetUtcNow().UtcDateTime.AddDays(x) : null, CancellationToken.None);
        Console.WriteLine(secret);
        return 0;
    }

    private static async Task<Organisation> ResolveOrganisationAsync(TillitDbContext db, string? wanted)
    {
        var organisations = await db.Organisations.ToListAsync();
        if (wanted is not null)
        {
            var match = organisations.FirstOrDefault(o => string.Equals(o.Code, wanted, StringComparison.OrdinalIgnoreCase) || string.Equals(o.Name, wanted, StringComparison.OrdinalIgnoreCase));
            if (match is not null)
            {
                return match;
            }

            if (organisations.Count > 0)
            {
                throw new CliException($"no organisation '{wanted}'; there are: {string.Join(", ", organisations.Select(o => o.Code))}");
            }

            // The very first user of an empty installation also creates its organisation.
            var created = new Organisation(wanted, Slug(wanted));
            db.Organisations.Add(created);
            await db.SaveChangesAsync();

            // Every new organisation starts with Tillit's requirement catalogue, which its security officer then adapts.
            db.Requirements.AddRange(Domain.Requirements.StartingCatalogue.For(created.Id));
            db.LegalRequirements.AddRange(Domain.Laws.StartingLegalRegister.For(created.Id));
            db.LongTermGoals.AddRange(Domain.Goals.StartingGoals.For(created.Id));
            db.Threats.AddRange(Domain.Risks.ThreatCatalogue.For(created.Id));
            await db.SaveChangesAsync();
            return created;
        }

        return organisations.Count switch
        {
            1 => organisations[0],
            0 => throw new CliException("the database has no organisation yet: give --organisation \"Name\" to create it"),
            _ => throw new CliException($"several organisations: give --organisation, one of {string.Join(", ", organisations.Select(o => o.Code))}"),
        };
    }

    private static string Slug(string name) =>
        new string(name.ToLowerInvariant().Replace('å', 'a').Replace('ä', 'a').Replace('ö', 'o').Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
}

/// <summary>Implemented by parts that add verbs (bench, audit); found by reflection at start.</summary>
public interface ICliVerbs
{
    void Register();
}

public sealed class CliException(string message) : Exception(message)
{
    public CliException()
        : this("error")
    {
    }

    public CliException(string message, Exception inner)
        : this(message + ": " + inner.Message)
    {
    }
}

/// <summary>--name value options; --Section:Key=value pairs go to configuration.</summary>
public sealed class Args
{
    private readonly Dictionary<string, string> _options = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _config = [];

    public IReadOnlyList<string> Positional { get; private set; } = [];

    public static Args Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var parsed = new Args();
        var positional = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (a.StartsWith("--", StringComparison.Ordinal) && a.Contains(':', StringComparison.Ordinal))
            {
                parsed._config.Add(a);
            }
            else if (a.StartsWith("--", StringComparison.Ordinal))
            {
                var eq = a.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    parsed._options[a[2..eq]] = a[(eq + 1)..];
                }
                else if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    parsed._options[a[2..]] = args[++i];
                }
                else
                {
                    parsed._options[a[2..]] = "true";
                }
            }
            else
            {
                positional.Add(a);
            }
        }

        parsed.Positional = positional;
        return parsed;
    }

    public string[] ConfigurationOverrides() => [.. _config];

    public string Required(string name) =>
        _options.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : throw new CliException($"--{name} is required");

    public string? Optional(string name) => _options.TryGetValue(name, out var value) ? value : null;

    public bool Flag(string name) => _options.TryGetValue(name, out var value) && value != "false";
}
