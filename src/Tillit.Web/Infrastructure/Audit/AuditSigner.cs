using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Tillit.Data.Audit;

namespace Tillit.Web.Infrastructure.Audit;

/// <summary>
/// Signs checkpoints with an ECDSA P-256 key kept in a file outside the database. Whoever can change
/// the database cannot forge a checkpoint; an auditor checks with the public key alone.
/// </summary>
public sealed class AuditSigner(IOptions<AuditOptions> options, IWebHostEnvironment environment)
{
    private readonly Lock _gate = new();
    private ECDsa? _key;

    public string KeyFile => Path.IsPathRooted(options.Value.SigningKeyFile)
        ? options.Value.SigningKeyFile
        : Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.SigningKeyFile));

    public string PublicKeyPem => Key.ExportSubjectPublicKeyInfoPem();

    public string KeyId => KeyIdOf(Key);

    public static string KeyIdOf(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];
    }

    public void Sign(AuditCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        checkpoint.KeyId = KeyId;
        checkpoint.Signature = Convert.ToBase64String(Key.SignData(AuditHasher.CheckpointPayload(checkpoint), HashAlgorithmName.SHA256));
    }

    public static bool Verify(AuditCheckpoint checkpoint, ECDsa publicKey)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(publicKey);
        try
        {
            return checkpoint.KeyId == KeyIdOf(publicKey)
                && publicKey.VerifyData(AuditHasher.CheckpointPayload(checkpoint), Convert.FromBase64String(checkpoint.Signature), HashAlgorithmName.SHA256);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private ECDsa Key
    {
        get
        {
            lock (_gate)
            {
                return _key ??= LoadOrCreate();
            }
        }
    }

    private ECDsa LoadOrCreate()
    {
        var key = ECDsa.Create();
        var file = KeyFile;
        if (File.Exists(file))
        {
            key.ImportFromPem(File.ReadAllText(file));
            return key;
        }

        key.GenerateKey(ECCurve.NamedCurves.nistP256);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, key.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return key;
    }
}
