using Tillit.Web.Security;

namespace Tillit.Web.Features.Shared.Import;

/// <summary>
/// Keeps an uploaded file between the steps of an import (upload, mapping and preview, import) as a
/// temporary file named by a random id and by the organisation and person who uploaded it, so nobody
/// else can open it by guessing or sharing the id. A file is deleted after its import and any file older
/// than an hour is deleted at the next upload. Not kept in the database: it is transient, may be 20 MB,
/// and must not end up in backups.
/// </summary>
public sealed class ImportUploads(CurrentUser user, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private static string Folder => Path.Combine(Path.GetTempPath(), "tillit-imports");

    /// <summary>
    /// The first step of every import: refuses a missing, too large or unreadable file (the resource key of the
    /// message and its arguments) and otherwise stores it, returning its id. The file is read once here so a file
    /// that is not a spreadsheet is refused at once, not after the mapping step.
    /// </summary>
    public async Task<(Guid? Id, string? Refusal, object[] Arguments)> AcceptAsync(IFormFile? upload, CancellationToken cancellationToken)
    {
        if (upload is null || upload.Length == 0)
        {
            return (null, "Import.NoFile", []);
        }

        if (upload.Length > SpreadsheetReader.MaxUploadBytes)
        {
            return (null, "Import.TooLarge", [SpreadsheetReader.MaxUploadBytes / (1024 * 1024)]);
        }

        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, cancellationToken);
        try
        {
            SpreadsheetReader.Read(buffer);
        }
        catch (SpreadsheetRefusedException refused)
        {
            return (null, refused.Key, [.. refused.Arguments]);
        }

        buffer.Position = 0;
        return (await SaveAsync(buffer, cancellationToken), null, []);
    }

    /// <summary>Stores the upload (at most <see cref="SpreadsheetReader.MaxUploadBytes"/>); returns its id.</summary>
    public async Task<Guid> SaveAsync(Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        Directory.CreateDirectory(Folder);
        Sweep();
        var id = Guid.NewGuid();
        var file = new FileStream(PathOf(id), FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
        await using (file.ConfigureAwait(false))
        {
            await content.CopyToAsync(file, cancellationToken);
        }

        return id;
    }

    /// <summary>The stored upload of this person, or null when there is none (or it is older than an hour).</summary>
    public Stream? Open(Guid id)
    {
        var path = PathOf(id);
        if (!File.Exists(path) || clock.GetUtcNow() - File.GetLastWriteTimeUtc(path) > Lifetime)
        {
            return null;
        }

        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
    }

    public void Delete(Guid id)
    {
        File.Delete(PathOf(id));
    }

    private string PathOf(Guid id) =>
        Path.Combine(Folder, $"{user.OrganisationId:N}-{user.PersonId:N}-{id:N}.upload");

    private void Sweep()
    {
        foreach (var path in Directory.EnumerateFiles(Folder, "*.upload"))
        {
            if (clock.GetUtcNow() - File.GetLastWriteTimeUtc(path) > Lifetime)
            {
                try
                {
                    File.Delete(path);
                }
                catch (IOException)
                {
                    // In use by another request; the next sweep takes it.
                }
            }
        }
    }
}
