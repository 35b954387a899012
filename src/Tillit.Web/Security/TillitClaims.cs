namespace Tillit.Web.Security;

public static class TillitClaims
{
    public const string OrganisationId = "tillit:org";
    public const string PersonId = "tillit:person";
    public const string TokenId = "tillit:token";

    /// <summary>Present while a privileged user still has to set up a second factor.</summary>
    public const string SecondFactorSetupRequired = "tillit:2fa-setup";

    /// <summary>Item of the authentication properties: when the session must end whatever the activity.</summary>
    public const string AbsoluteExpiry = "tillit:abs";
}
