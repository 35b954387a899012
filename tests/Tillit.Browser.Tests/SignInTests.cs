using Microsoft.Playwright;
using Tillit.Domain.Access;
using Tillit.Web.Security;
using static Microsoft.Playwright.Assertions;

namespace Tillit.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SignInTests(TillitServer server)
{
    public static TheoryData<Role> AllRoles => new(Roles.All);

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Each_demo_account_signs_in_and_sees_its_own_start_page_and_the_navigation_of_its_role(Role role)
    {
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();

        // An anonymous visit to the start page goes to sign-in first.
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/sign-in"));

        await server.SignInWithPasswordAsync(page, role);
        if (Roles.RequiresSecondFactor(role))
        {
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/second-factor"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(server.Text("SecondFactor.Title"));
            await page.GetByLabel(server.Text("SecondFactor.Code")).FillAsync(server.CurrentCode(role));
            await page.GetByRole(AriaRole.Button, new() { Name = server.Text("SignIn.Submit") }).ClickAsync();
        }

        await Expect(page).ToHaveURLAsync(server.BaseUrl + "/");
        var account = server.Accounts[role];
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(server.Text("Home.Welcome", "sv-SE", account.Name));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = server.Text("Home.Card." + role), Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText(server.Text("Home.Pending." + role))).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = server.Text("Layout.SignOut") })).ToBeVisibleAsync();

        // Every demo person is also an employee; the menu offers exactly what the roles grant.
        bool Grants(string permission) => Permissions.Grants(role, permission) || Permissions.Grants(Role.Employee, permission);
        var expected = new List<string> { server.Text("Nav.Start"), server.Text("Nav.Due") };
        if (Grants(Permissions.UnitsRead)) { expected.Add(server.Text("Nav.Units")); }
        if (Grants(Permissions.PeopleRead)) { expected.Add(server.Text("Nav.People")); }
        if (Grants(Permissions.RolesRead)) { expected.Add(server.Text("Nav.Roles")); }
        if (Grants(Permissions.SystemsRead)) { expected.AddRange([server.Text("Nav.Systems"), server.Text("Nav.Sets"), server.Text("Nav.Requirements")]); }
        if (Grants(Permissions.MeasuresRead)) { expected.Add(server.Text("Nav.Measures")); }
        if (Grants(Permissions.RisksRead)) { expected.Add(server.Text("Nav.Risk")); }
        if (Grants(Permissions.DocumentsRead)) { expected.Add(server.Text("Nav.Documents")); }
        if (Grants(Permissions.SystemsRead)) { expected.Add(server.Text("Nav.Laws")); }
        if (Grants(Permissions.AgreementsRead)) { expected.Add(server.Text("Nav.Agreements")); }
        if (Grants(Permissions.ContinuityRead)) { expected.Add(server.Text("Nav.Continuity")); }
        expected.Add(server.Text("Nav.Training"));
        if (Grants(Permissions.GoalsRead)) { expected.Add(server.Text("Nav.Goals")); }
        if (Grants(Permissions.IndicatorsRead)) { expected.Add(server.Text("Nav.Indicators")); }
        if (Grants(Permissions.ReportsRead)) { expected.Add(server.Text("Nav.Reports")); }
        if (Grants(Permissions.SelfAssessmentsManage)) { expected.Add(server.Text("Nav.SelfAssessments")); }
        expected.Add(server.Text("Nav.ReportIncident"));
        if (Grants(Permissions.IncidentsHandle)) { expected.Add(server.Text("Incident_Nav")); expected.Add(server.Text("Nav.IncidentStatistics")); }
        if (Grants(Permissions.AuditRead)) { expected.Add(server.Text("Nav.Audit")); }
        expected.Add(server.Text("Nav.Tokens"));

        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = server.Text("Layout.MainNav") });
        await Expect(nav.GetByRole(AriaRole.Link)).ToHaveTextAsync(expected.ToArray());
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = server.Text("Nav.Start") })).ToHaveAttributeAsync("aria-current", "page");

        // What the menu leaves out is refused too.
        if (!Grants(Permissions.UnitsRead))
        {
            await page.GotoAsync("/units");
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/access-denied"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(server.Text("AccessDenied.Title"));
        }
    }

    [Fact]
    public async Task The_session_cookie_is_secure_and_host_only_over_https()
    {
        await using var context = await server.NewSignedInContextAsync(Role.Employee);
        var cookies = await context.CookiesAsync();
        var session = cookies.Single(c => c.Name == "__Host-Tillit");
        Assert.True(session.Secure);
        Assert.True(session.HttpOnly);
        Assert.Equal("/", session.Path);
    }

    [Fact]
    public async Task A_wrong_second_factor_code_is_refused_with_an_error_linked_to_the_field()
    {
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        await server.SignInWithPasswordAsync(page, Role.SecurityOfficer);
        await page.GetByLabel(server.Text("SecondFactor.Code")).FillAsync("000000" == server.CurrentCode(Role.SecurityOfficer) ? "111111" : "000000");
        await page.GetByRole(AriaRole.Button, new() { Name = server.Text("SignIn.Submit") }).ClickAsync();

        var summary = page.Locator(".error-summary");
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = server.Text("SecondFactor.Wrong") })).ToHaveAttributeAsync("href", "#Input_Code");
        await Expect(page.Locator("#Input_Code")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/second-factor"));
    }

    [Fact]
    public async Task Sign_out_returns_to_the_sign_in_page_and_the_start_page_asks_for_sign_in_again()
    {
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        await server.SignInAsync(page, Role.Manager);
        await page.GetByRole(AriaRole.Button, new() { Name = server.Text("Layout.SignOut") }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/sign-in$"));
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/sign-in"));
    }
}
