using Tillit.Domain.Common;
using Tillit.Domain.Measures;

namespace Tillit.Domain.Tests;

public class MeasureRuleTests
{
    private static readonly Guid Org = Guid.NewGuid();
    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly DateOnly Day = new(2026, 3, 1);

    private static Measure New() => new(Org, "Inför tvåfaktorsinloggning", "För alla användare", MeasureOrigin.RequirementGap, Guid.NewGuid(), Guid.NewGuid(), null, Owner, Day.AddDays(30), Day);

    [Fact]
    public void A_measure_goes_planned_in_progress_done_verified()
    {
        var m = New();
        Assert.Equal(MeasureStatus.Planned, m.Status);
        m.Start();
        m.Complete("Införd enligt ändring 2026-17", Day.AddDays(10));
        Assert.Equal((MeasureStatus.Done, Day.AddDays(10)), (m.Status, m.DoneOn));
        var verifier = Guid.NewGuid();
        m.Verify(verifier, Day.AddDays(12));
        Assert.Equal((MeasureStatus.Verified, verifier, Day.AddDays(12)), (m.Status, m.VerifiedById, m.VerifiedOn));
    }

    [Fact]
    public void Illegal_status_moves_are_refused_and_change_nothing()
    {
        var planned = New();
        Assert.Equal("Measure.IllegalMove", Assert.Throws<DomainRuleException>(() => planned.Verify(Guid.NewGuid(), Day)).MessageKey);
        Assert.Throws<DomainRuleException>(() => planned.Reopen());
        Assert.Equal(MeasureStatus.Planned, planned.Status);

        var started = New();
        started.Start();
        Assert.Throws<DomainRuleException>(() => started.Start());
        Assert.Throws<DomainRuleException>(() => started.Verify(Guid.NewGuid(), Day));

        var verified = New();
        verified.Complete("Klart", Day);
        verified.Verify(Guid.NewGuid(), Day);
        Assert.Throws<DomainRuleException>(() => verified.Cancel("Ångrar"));
        Assert.Throws<DomainRuleException>(() => verified.Reopen());
        Assert.Throws<DomainRuleException>(() => verified.Change("Ny titel", string.Empty, null, null, Owner, Day));
        Assert.Equal(MeasureStatus.Verified, verified.Status);

        var cancelled = New();
        Assert.Equal("Measure.ReasonRequired", Assert.Throws<DomainRuleException>(() => cancelled.Cancel(" ")).MessageKey);
        cancelled.Cancel("Systemet avvecklas");
        Assert.Throws<DomainRuleException>(() => cancelled.Start());
        Assert.Throws<DomainRuleException>(() => cancelled.Complete("x", Day));
        Assert.Equal(("Systemet avvecklas", MeasureStatus.Cancelled), (cancelled.CancelReason, cancelled.Status));
    }

    [Fact]
    public void Done_needs_evidence_and_the_owner_cannot_verify_their_own_measure()
    {
        var m = New();
        Assert.Equal("Measure.EvidenceRequired", Assert.Throws<DomainRuleException>(() => m.Complete("", Day)).MessageKey);
        m.Complete("Protokoll från test", Day);
        Assert.Equal("Measure.OwnerCannotVerify", Assert.Throws<DomainRuleException>(() => m.Verify(Owner, Day)).MessageKey);
        m.Reopen();
        Assert.Equal((MeasureStatus.InProgress, (DateOnly?)null), (m.Status, m.DoneOn));
    }

    [Fact]
    public void A_measure_is_overdue_after_its_due_date_while_planned_or_in_progress()
    {
        var m = New();
        Assert.False(m.IsOverdueOn(Day.AddDays(30)));
        Assert.True(m.IsOverdueOn(Day.AddDays(31)));
        m.Complete("Klart", Day.AddDays(40));
        Assert.False(m.IsOverdueOn(Day.AddDays(41)));
    }

    [Fact]
    public void A_measure_names_its_origin_unless_it_is_of_another_kind()
    {
        Assert.Equal("Measure.OriginRequired", Assert.Throws<DomainRuleException>(() => new Measure(Org, "T", "", MeasureOrigin.Incident, null, null, null, Owner, Day, Day)).MessageKey);
        Assert.Null(new Measure(Org, "T", "", MeasureOrigin.Other, null, null, null, Owner, Day, Day).OriginId);
    }
}
