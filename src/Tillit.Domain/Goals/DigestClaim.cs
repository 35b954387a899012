using Tillit.Domain.Common;

namespace Tillit.Domain.Goals;

/// <summary>
/// The claim of one person's daily digest: a row per person and day, unique, inserted before the mail goes
/// out. A second instance inserting the same row fails and sends nothing; a failed send removes the row so
/// the next run tries again.
/// </summary>
public sealed class DigestClaim : Entity
{
    private DigestClaim()
    {
    }

    public DigestClaim(Guid organisationId, Guid personId, DateOnly day, DateTime sentUtc)
        : base(organisationId)
    {
        PersonId = personId;
        Day = day;
        SentUtc = sentUtc;
    }

    public Guid PersonId { get; private set; }

    public DateOnly Day { get; private set; }

    public DateTime SentUtc { get; private set; }
}
