using Tillit.Domain.Common;
using Tillit.Domain.Organisations;

namespace Tillit.Domain.Tests;

public class UnitTreeTests
{
    private static readonly Guid Org = Guid.NewGuid();

    [Fact]
    public void A_unit_path_lists_its_ancestors_from_the_top()
    {
        var root = new Unit(Org, "Kommunen", UnitKind.Organisation, null);
        var admin = new Unit(Org, "Socialförvaltningen", UnitKind.Administration, root);
        var section = new Unit(Org, "Äldreomsorgen", UnitKind.Department, admin);

        Assert.Equal($"/{Unit.Segment(root.Id)}/{Unit.Segment(admin.Id)}/{Unit.Segment(section.Id)}/", section.Path);
        Assert.True(section.IsWithin(root.Path));
        Assert.True(section.IsWithin(admin.Path));
        Assert.False(admin.IsWithin(section.Path));
        Assert.Equal(2, section.Depth);
    }

    [Fact]
    public void Moving_a_unit_under_its_own_descendant_is_refused()
    {
        var root = new Unit(Org, "Kommunen", UnitKind.Organisation, null);
        var admin = new Unit(Org, "Förvaltning", UnitKind.Administration, root);
        var section = new Unit(Org, "Enhet", UnitKind.Section, admin);

        var error = Assert.Throws<DomainRuleException>(() => admin.MoveUnder(section));
        Assert.Equal("Unit.ParentCycle", error.MessageKey);
        Assert.Throws<DomainRuleException>(() => admin.MoveUnder(admin));
    }

    [Fact]
    public void A_unit_cannot_be_placed_under_another_organisations_unit()
    {
        var foreign = new Unit(Guid.NewGuid(), "Annan kommun", UnitKind.Organisation, null);

        var error = Assert.Throws<DomainRuleException>(() => new Unit(Org, "Enhet", UnitKind.Section, foreign));
        Assert.Equal("Unit.ParentOtherOrganisation", error.MessageKey);
    }

    [Fact]
    public void Rebasing_a_descendant_keeps_its_own_tail()
    {
        var root = new Unit(Org, "Kommunen", UnitKind.Organisation, null);
        var a = new Unit(Org, "A", UnitKind.Administration, root);
        var b = new Unit(Org, "B", UnitKind.Administration, root);
        var child = new Unit(Org, "Barn", UnitKind.Section, a);
        var oldPath = a.Path;

        a.MoveUnder(b);
        child.RebaseFrom(oldPath, a.Path);

        Assert.True(child.IsWithin(b.Path));
        Assert.EndsWith(Unit.Segment(child.Id) + "/", child.Path, StringComparison.Ordinal);
    }
}
