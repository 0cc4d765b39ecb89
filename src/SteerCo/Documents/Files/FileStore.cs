using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace SteerCo.Documents.Files;

/// <summary>
/// An upload written to a temporary file in the store, with its hash and size, waiting to be
/// committed (moved to its address) or thrown away. Disposing it deletes what was not committed.
/// </summary>
public sealed class StagedFile : IDisposable
{
    internal StagedFile(string path, string sha256, long size, bool tooLarge)
    {
        Path = path;
        Sha256 = sha256;
        Size = size;
        TooLarge = tooLarge;
    }

    /// <summary>The temporary file; gone once committed or disposed.</summary>
    public string Path { get; }

    /// <summary>Lower-case hex SHA-256; empty when the upload was too large.</summary>
    public string Sha256 { get; }

    public long Size { get; }

    /// <summary>The content went past the limit: reading stopped there and nothing was kept.</summary>
    public bool TooLarge { get; }

    public void Dispose()
    {
        try
        {
            File.Delete(Path);
        }
        catch (IOException)
        {
            // A temporary file that cannot be deleted now is only litter in the tmp folder.
        }
    }
}

/// <summary>Where the bytes of document files live, once per content.</summary>
public interface IFileStore
{
    /// <summary>Copies <paramref name="content"/> to a temporary file while hashing it; stops after <paramref name="maxBytes"/>.</summary>
    Task<StagedFile> StageAsync(Stream content, long maxBytes, CancellationToken cancellationToken = default);

    /// <summary>Moves a staged file to its address; false when the same content was already there (the staged copy is dropped).</summary>
    bool Commit(StagedFile staged);

    /// <summary>The stored content, or null when there is none under that hash.</summary>
    Stream? OpenRead(string sha256);

    bool Exists(string sha256);

    /// <summary>Every stored hash, with when it was written and its size: for collecting blobs no file refers to.</summary>
    IEnumerable<(string Sha256, DateTimeOffset WrittenAt, long Size)> List();

    void Delete(string sha256);
}

/// <summary>
/// A content-addressed folder: the file with SHA-256 abcdef... is at ab/cd/abcdef.... Uploads are
/// written to tmp/ in the same folder and renamed into place, so a blob under its address is
/// always complete, and two uploads of the same content end as one blob.
/// </summary>
public sealed class LocalFileStore(IOptions<FileStoreOptions> options) : IFileStore
{
    private readonly string _root = Path.GetFullPath(options.Value.Folder);

    private string TempFolder => Path.Combine(_root, "tmp");

    public async Task<StagedFile> StageAsync(Stream content, long maxBytes, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(TempFolder);
        var path = Path.Combine(TempFolder, $"{Guid.NewGuid():N}.part");
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        // Stop here: the rest of a 2 GB upload is never read, let alone kept.
                        await file.DisposeAsync();
                        File.Delete(path);
                        return new StagedFile(path, "", size, tooLarge: true);
                    }
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }
            return new StagedFile(path, Convert.ToHexStringLower(hash.GetHashAndReset()), size, tooLarge: false);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    public bool Commit(StagedFile staged)
    {
        if (staged.TooLarge)
        {
            throw new InvalidOperationException("A file that went past the limit cannot be stored.");
        }
        var target = PathOf(staged.Sha256);
        if (File.Exists(target))
        {
            staged.Dispose();
            return false;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        try
        {
            File.Move(staged.Path, target, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(target))
        {
            // Another upload of the same content got there first: same bytes, keep theirs.
            staged.Dispose();
            return false;
        }
    }

    public Stream? OpenRead(string sha256)
    {
        var path = PathOf(sha256);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan) : null;
    }

    public bool Exists(string sha256) => File.Exists(PathOf(sha256));

    public IEnumerable<(string Sha256, DateTimeOffset WrittenAt, long Size)> List()
    {
        if (!Directory.Exists(_root))
        {
            yield break;
        }
        foreach (var path in Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(path);
            if (IsHash(name) && path == PathOf(name))
            {
                var info = new FileInfo(path);
                yield return (name, info.LastWriteTimeUtc, info.Length);
            }
        }
    }

    public void Delete(string sha256) => File.Delete(PathOf(sha256));

    /// <summary>ab/cd/abcd...: two levels of 256 folders keep each folder small at millions of files.</summary>
    private string PathOf(string sha256)
    {
        if (!IsHash(sha256))
        {
            throw new ArgumentException("Not a lower-case hex SHA-256.", nameof(sha256));
        }
        return Path.Combine(_root, sha256[..2], sha256[2..4], sha256);
    }

    private static bool IsHash(string text) => text.Length == 64 && text.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
