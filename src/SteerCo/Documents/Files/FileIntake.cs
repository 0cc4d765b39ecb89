using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using SteerCo.Access;
using SteerCo.Resources;

namespace SteerCo.Documents.Files;

/// <summary>One file as a request brought it: the name the sender gave, and its bytes (read once).</summary>
public sealed record Upload(string? FileName, Stream Content);

/// <summary>
/// An upload that passed <see cref="FileIntake.CheckAsync"/>: staged in the store, its kind read
/// from its content, its name cleaned. Disposing it drops what was not kept.
/// </summary>
public sealed class IncomingFile : IDisposable
{
    internal IncomingFile(StagedFile staged, string fileName, FileKind kind)
    {
        Staged = staged;
        FileName = fileName;
        Kind = kind;
    }

    public StagedFile Staged { get; }
    public string FileName { get; }
    public FileKind Kind { get; }
    public string Sha256 => Staged.Sha256;
    public long Size => Staged.Size;

    public void Dispose() => Staged.Dispose();
}

/// <summary>
/// How a file comes in, whatever it is attached to (a document, a progress report, a report
/// submission): staged up to the size limit, its kind read from its bytes and checked against
/// its name, hostile archives refused; then kept in the <see cref="IFileStore"/> once the caller
/// has decided to keep it.
/// </summary>
public sealed class FileIntake(IFileStore store, IOptions<FileStoreOptions> options)
{
    /// <summary>The field of the problem for a file past <see cref="FileStoreOptions.MaxBytes"/>: the API answers 413 for it.</summary>
    public const string TooLargeField = "FileSize";

    public const string FileField = "File";

    private const int MaxFileNameLength = 255;

    public long MaxBytes => options.Value.MaxBytes;

    /// <summary>
    /// Stages and checks one upload; null <paramref name="content"/> means the request had no file.
    /// On refusal nothing stays in the store; on success the caller keeps (<see cref="Keep"/>) or disposes the file.
    /// </summary>
    public async Task<Result<IncomingFile>> CheckAsync(string? fileName, Stream? content, CancellationToken cancellationToken = default)
    {
        if (content is null)
        {
            return Result<IncomingFile>.Invalid(FileField, Messages.Get("FileRequired"));
        }
        var name = CleanName(fileName);
        var staged = await store.StageAsync(content, MaxBytes, cancellationToken);
        var refusal = Refusal(staged, name, out var kind);
        if (refusal is not null)
        {
            staged.Dispose();
            return Result<IncomingFile>.Invalid(refusal);
        }
        if (FileKind.ClaimedBy(name) is null)
        {
            // A name without the kind's extension gets it, so that the download opens in the right program.
            name = Shorten(name, MaxFileNameLength - kind!.Extension.Length) + kind.Extension;
        }
        return new IncomingFile(staged, name, kind!);
    }

    /// <summary>
    /// Checks each upload; when any is refused, every problem is returned (one per refused file)
    /// and nothing stays in the store. Otherwise the caller keeps or disposes every file.
    /// </summary>
    public async Task<Result<IReadOnlyList<IncomingFile>>> CheckAllAsync(IReadOnlyList<Upload> uploads, CancellationToken cancellationToken = default)
    {
        var accepted = new List<IncomingFile>();
        var problems = new List<Problem>();
        foreach (var upload in uploads)
        {
            var result = await CheckAsync(upload.FileName, upload.Content, cancellationToken);
            if (result.IsOk)
            {
                accepted.Add(result.Value!);
            }
            else
            {
                problems.AddRange(result.Problems);
            }
        }
        if (problems.Count == 0)
        {
            return accepted;
        }
        accepted.ForEach(f => f.Dispose());
        return Result<IReadOnlyList<IncomingFile>>.Invalid(problems);
    }

    /// <summary>Moves the checked bytes to their address; before the database row, so that a row never points at missing bytes.</summary>
    public void Keep(IncomingFile file) => store.Commit(file.Staged);

    public Stream OpenRead(string sha256, string owner) =>
        store.OpenRead(sha256) ?? throw new InvalidOperationException($"The blob {sha256} of {owner} is missing from the file store.");

    /// <summary>The message for a file past the limit, with the limit in MB as users count it.</summary>
    public static string TooLargeMessage(long maxBytes) =>
        Messages.Get("DocumentFileTooLarge", (maxBytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.CurrentCulture));

    private Problem? Refusal(StagedFile staged, string name, out FileKind? kind)
    {
        kind = null;
        if (staged.TooLarge)
        {
            return new(TooLargeField, TooLargeMessage(MaxBytes));
        }
        if (staged.Size == 0)
        {
            return new(FileField, Messages.Get("FileEmpty", name));
        }
        var sniffed = FileSniffer.Sniff(staged.Path, options.Value);
        var claimed = FileKind.ClaimedBy(name);
        if (sniffed.Outcome == SniffOutcome.SuspiciousArchive)
        {
            return new(FileField, Messages.Get("FileArchiveSuspicious", name));
        }
        if (sniffed.Kind is null)
        {
            return new(FileField, claimed is null
                ? Messages.Get("FileTypeNotAllowed", name)
                : Messages.Get("FileNotWhatNameSays", name, claimed.Name));
        }
        if (claimed is not null && claimed != sniffed.Kind)
        {
            return new(FileField, Messages.Get("FileNameContentMismatch", name, claimed.Name, sniffed.Kind.Name));
        }
        kind = sniffed.Kind;
        return null;
    }

    /// <summary>
    /// The name as the clerk's computer had it, in NFC, without a folder part (old browsers send
    /// C:\...), control characters or characters file systems refuse; at most 255 characters.
    /// </summary>
    internal static string CleanName(string? fileName)
    {
        var name = (fileName ?? "").Normalize(NormalizationForm.FormC);
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var clean = new StringBuilder(name.Length);
        foreach (var ch in name)
        {
            if (!char.IsControl(ch) && !char.IsSurrogate(ch) && ch is not ('"' or '<' or '>' or '|' or ':' or '*' or '?'))
            {
                clean.Append(ch);
            }
        }
        var result = clean.ToString().Trim().TrimStart('.');
        if (result.Length == 0)
        {
            result = Messages.Get("FileDefaultName");
        }
        if (result.Length <= MaxFileNameLength)
        {
            return result;
        }
        var extension = Path.GetExtension(result);
        return extension.Length is > 0 and <= 10 ? Shorten(result[..^extension.Length], MaxFileNameLength - extension.Length) + extension : Shorten(result, MaxFileNameLength);
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..length].TrimEnd();
}
