using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Tillit.Data.Audit;

/// <summary>
/// SHA-256 of one event. On Linux it calls OpenSSL's one-shot SHA256() in libcrypto directly: for
/// inputs of a few hundred bytes, <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/> spends
/// most of its time setting up and freeing an EVP context, not hashing, and `tillit audit verify`
/// hashes millions of them. Elsewhere, or if libcrypto.so.3 is missing or disagrees on a test
/// vector, it is <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/>.
/// </summary>
public static class AuditSha256
{
    public const int HashSize = 32;

    /// <summary>True when hashing goes straight to libcrypto's SHA256().</summary>
    public static bool Direct { get; } = ProbeDirect();

    public static void Hash(ReadOnlySpan<byte> data, Span<byte> hash)
    {
        if (hash.Length < HashSize)
        {
            throw new ArgumentException("The destination is shorter than a SHA-256 hash.", nameof(hash));
        }

        if (Direct)
        {
            byte empty = 0;
            NativeMethods.SHA256(ref data.IsEmpty ? ref empty : ref MemoryMarshal.GetReference(data), (nuint)data.Length, ref MemoryMarshal.GetReference(hash));
        }
        else
        {
            SHA256.HashData(data, hash);
        }
    }

    private static bool ProbeDirect()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            var data = "tillit-audit-sha256-probe"u8;
            Span<byte> expected = stackalloc byte[HashSize];
            Span<byte> actual = stackalloc byte[HashSize];
            SHA256.HashData(data, expected);
            NativeMethods.SHA256(ref MemoryMarshal.GetReference(data), (nuint)data.Length, ref actual[0]);
            return actual.SequenceEqual(expected);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            return false;
        }
    }

    private static class NativeMethods
    {
        [DllImport("libcrypto.so.3", EntryPoint = "SHA256", ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern nint SHA256(ref byte data, nuint length, ref byte hash);
    }
}
