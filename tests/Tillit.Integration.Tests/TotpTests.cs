using Tillit.Integration.Tests.Infrastructure;

namespace Tillit.Integration.Tests;

/// <summary>The tests' authenticator must agree with RFC 6238 before it is trusted to sign in.</summary>
public sealed class TotpTests
{
    // RFC 6238 appendix B, SHA-1 key "12345678901234567890" (base32 below); the last 6 of the 8-digit values.
    [Theory]
    [InlineData(59, "287082")]
    [InlineData(1111111109, "081804")]
    [InlineData(1234567890, "005924")]
    [InlineData(2000000000, "279037")]
    public void The_test_authenticator_gives_the_codes_of_RFC_6238(long unixSeconds, string code) =>
        Assert.Equal(code, Totp.Code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));
}
