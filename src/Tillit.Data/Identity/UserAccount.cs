using Microsoft.AspNetCore.Identity;

namespace Tillit.Data.Identity;

/// <summary>A sign-in account. Belongs to one person of one organisation.</summary>
public sealed class UserAccount : IdentityUser<Guid>
{
    public Guid OrganisationId { get; set; }

    public Guid PersonId { get; set; }

    public DateTime CreatedUtc { get; set; }
}

/// <summary>
/// A server-side sign-in session. The cookie carries only <see cref="Id"/>; deleting the row ends
/// the session everywhere, so a copied cookie stops working after sign-out.
/// </summary>
public sealed class UserSession
{
    public string Id { get; set; } = string.Empty;

    public Guid UserId { get; set; }

    public byte[] Ticket { get; set; } = [];

    public DateTime CreatedUtc { get; set; }

    public DateTime ExpiresUtc { get; set; }
}

/// <summary>A personal access token for the API. Only the SHA-256 of the secret is stored.</summary>
public sealed class ApiToken : Tillit.Domain.Common.IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid UserId { get; set; }

    public string Name { get; set; } = string.Empty;

    /// <summary>Lower-case hex SHA-256 of the whole token string.</summary>
    public string SecretHash { get; set; } = string.Empty;

    /// <summary>The first characters of the token, to recognise it in lists.</summary>
    public string Prefix { get; set; } = string.Empty;

    public DateTime CreatedUtc { get; set; }

    public DateTime? ExpiresUtc { get; set; }

    public DateTime? RevokedUtc { get; set; }

    public DateTime? LastUsedUtc { get; set; }

    public bool IsUsableAt(DateTime nowUtc) => RevokedUtc is null && (ExpiresUtc is null || ExpiresUtc > nowUtc);
}
