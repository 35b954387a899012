using System.Globalization;
using Tillit.Web.Cli;

namespace Tillit.Web.Infrastructure.Bench;

/// <summary><c>tillit bench generate [--people 50000] [--units 400] [--organisation bench] [--town Storköping]</c>.</summary>
public sealed class BenchVerbs : ICliVerbs
{
    /// <summary>bench/run.sh reads the password from the line that starts with this.</summary>
    public const string PasswordLinePrefix = "Password of every account: ";

    public void Register() => CommandLine.Register("bench generate", GenerateAsync);

    private static async Task<int> GenerateAsync(WebApplication app, Args args)
    {
        var options = new BenchOptions(
            args.Optional("organisation") ?? "bench",
            args.Optional("town") ?? "Storköping",
            Number(args, "people", BenchOptions.DefaultPeople),
            Number(args, "units", BenchOptions.DefaultUnits));

        await using var scope = app.Services.CreateAsyncScope();
        var generator = ActivatorUtilities.CreateInstance<BenchGenerator>(scope.ServiceProvider);
        BenchResult result;
        try
        {
            result = await generator.GenerateAsync(options, Console.Out, CancellationToken.None);
        }
        catch (InvalidOperationException ex)
        {
            throw new CliException(ex.Message);
        }

        Console.WriteLine();
        Console.WriteLine($"Bench organisation '{result.OrganisationName}' ({result.Code}): {result.Units} units, {result.People} people, {result.Accounts} accounts, {result.Assignments} role assignments in {result.Elapsed.TotalSeconds:0.0} s.");
        Console.WriteLine($"Register: {result.Register.Systems} information systems, {result.Register.Sets} information sets, {result.Register.Classifications} classifications.");
        Console.WriteLine($"Action plan: {result.ActionPlan.Requirements} requirements, {result.ActionPlan.Assessments} requirement assessments, {result.ActionPlan.Measures} measures.");
        Console.WriteLine($"Agreement register: {result.Agreements} agreements.");
        Console.WriteLine($"Continuity: {result.Continuity.Plans} plans, {result.Continuity.Exercises} exercises.");
        Console.WriteLine($"Legal register: {result.Laws.Laws} entries, {result.Laws.Links} links to units and systems.");
        Console.WriteLine($"Training: {result.Training.Courses} courses, {result.Training.Completions} completions.");
        Console.WriteLine($"Risk analysis: {result.Risks.Threats} threats, {result.Risks.Analyses} analyses, {result.Risks.Risks} risks, {result.Risks.Measures} measures from risks.");
        Console.WriteLine($"Incidents: {result.Incidents.Incidents} incidents, {result.Incidents.Entries} timeline entries, {result.Incidents.Breaches} personal data breaches, {result.Incidents.Significant} significant, {result.Incidents.Measures} measures from incidents.");
        Console.WriteLine($"Governing documents: {result.Documents.Documents} documents, {result.Documents.Versions} versions, {result.Documents.Campaigns} acknowledgement campaigns, {result.Documents.Acknowledgements} acknowledgements.");
        Console.WriteLine(PasswordLinePrefix + result.Password);
        Console.WriteLine("Accounts by role (every other person signs in with the same password):");
        foreach (var account in result.RoleAccounts)
        {
            Console.WriteLine($"  {account.Role,-22} {account.Email,-40} {account.Name}");
        }

        Console.WriteLine("This is test data for the benchmark: never generate it into a database in use.");
        return 0;
    }

    private static int Number(Args args, string name, int fallback)
    {
        var text = args.Optional(name);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is > 0 and <= 10_000_000
            ? value
            : throw new CliException($"--{name} must be a whole number above 0");
    }
}
