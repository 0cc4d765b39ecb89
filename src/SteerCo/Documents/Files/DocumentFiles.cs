using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SteerCo.Access;
using SteerCo.Data;
using SteerCo.Resources;

namespace SteerCo.Documents.Files;

/// <summary>A stored file opened for download; the caller disposes <see cref="Content"/>.</summary>
public sealed record FileDownload(DocumentFileView File, Stream Content);

/// <summary>What <see cref="DocumentFiles.CollectOrphansAsync"/> deleted: how many blobs, and their bytes.</summary>
public sealed record OrphansCollected(int Blobs, long Bytes);

/// <summary>
/// The files of a document: added after their kind is read from their content, kept once per
/// content in the <see cref="IFileStore"/>, their text extracted for search, soft deleted.
/// Reading follows the document (the scope rule, with Subtree visibility); adding and deleting
/// belong to whoever manages the document's committee.
/// </summary>
public sealed class DocumentFiles(
    SteerCoDbContext db, DocumentRegister register, IFileStore store, FileIntake intake, TextExtraction extraction,
    TimeProvider clock, ILogger<DocumentFiles> logger)
{
    public long MaxBytes => intake.MaxBytes;

    public async Task<Result<IReadOnlyList<DocumentFileView>>> ListAsync(Actor actor, int documentId, CancellationToken cancellationToken = default)
    {
        if (await FindReadableAsync(actor, documentId, cancellationToken) is null)
        {
            return Result<IReadOnlyList<DocumentFileView>>.NotFound();
        }
        return await db.DocumentFiles.AsNoTracking().Where(f => f.DocumentId == documentId && f.DeletedAt == null).OrderBy(f => f.Id)
            .Select(f => new DocumentFileView(f.Id, f.FileName, f.ContentType, f.Size, f.Sha256, f.UploadedAt, f.UploadedBy))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Adds a file to a document. <paramref name="content"/> is read only after the actor is known
    /// to manage the document, and only up to the size limit; null means the request had no file.
    /// The blob is stored before the database row, so a row never points at missing bytes; if the
    /// database write fails, a new blob nobody refers to may stay until <see cref="CollectOrphansAsync"/>.
    /// </summary>
    public async Task<Result<DocumentFileView>> AddAsync(Actor actor, int documentId, string? fileName, Stream? content, CancellationToken cancellationToken = default)
    {
        var document = await FindReadableAsync(actor, documentId, cancellationToken);
        if (document is null)
        {
            return Result<DocumentFileView>.NotFound();
        }
        if (!actor.CanManage(document.Committee!))
        {
            return Result<DocumentFileView>.Forbidden();
        }
        var checkedFile = await intake.CheckAsync(fileName, content, cancellationToken);
        if (!checkedFile.IsOk)
        {
            return checkedFile.As<DocumentFileView>();
        }
        using var incoming = checkedFile.Value!;
        var name = incoming.FileName;
        var kind = incoming.Kind;
        var text = await extraction.ExtractAsync(incoming.Staged.Path, kind, cancellationToken);
        var sha256 = incoming.Sha256;
        var size = incoming.Size;
        intake.Keep(incoming);

        // Two uploads to one document at once both change its search text: the later one retries
        // on the fresh row instead of failing the clerk's upload.
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                var current = await db.Documents.FirstOrDefaultAsync(d => d.Id == documentId && d.DeletedAt == null, cancellationToken);
                if (current is null)
                {
                    return Result<DocumentFileView>.NotFound();
                }
                var file = new DocumentFile
                {
                    DocumentId = documentId,
                    Sha256 = sha256,
                    FileName = name,
                    ContentType = kind.ContentType,
                    Size = size,
                    ExtractedText = text,
                    UploadedAt = clock.GetUtcNow(),
                    UploadedBy = actor.UserName,
                };
                db.DocumentFiles.Add(file);
                await db.SaveChangesAsync(cancellationToken);
                // Changed search text moves the document's version, so that an edit made meanwhile cannot write the old text back.
                await register.RefreshSearchTextAsync(current, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return View(file);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The file's bytes and what the download headers need; a deleted file, or one of a document the actor cannot read, is not found.</summary>
    public async Task<Result<FileDownload>> OpenAsync(Actor actor, int documentId, int fileId, CancellationToken cancellationToken = default)
    {
        if (await FindReadableAsync(actor, documentId, cancellationToken) is null)
        {
            return Result<FileDownload>.NotFound();
        }
        var file = await db.DocumentFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId && f.DocumentId == documentId && f.DeletedAt == null, cancellationToken);
        if (file is null)
        {
            return Result<FileDownload>.NotFound();
        }
        return new FileDownload(View(file), intake.OpenRead(file.Sha256, $"document file {file.Id}"));
    }

    /// <summary>
    /// Soft delete: the file leaves the document and its search text, in one transaction; the audit
    /// log records it, and the bytes stay (another file may share them, and the audit may need them).
    /// <paramref name="version"/> is the document's, as the clerk saw it: required, so that a
    /// delete is never made on a stale page.
    /// </summary>
    public async Task<Result<bool>> DeleteAsync(Actor actor, int documentId, int fileId, int? version, CancellationToken cancellationToken = default)
    {
        var document = await FindReadableAsync(actor, documentId, cancellationToken);
        if (document is null)
        {
            return Result<bool>.NotFound();
        }
        if (!actor.CanManage(document.Committee!))
        {
            return Result<bool>.Forbidden();
        }
        if (version is null)
        {
            return Result<bool>.Invalid("Version", Messages.Get("FileDeleteVersionRequired"));
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var file = await db.DocumentFiles.FirstOrDefaultAsync(f => f.Id == fileId && f.DocumentId == documentId && f.DeletedAt == null, cancellationToken);
        var current = await db.Documents.FirstOrDefaultAsync(d => d.Id == documentId && d.DeletedAt == null, cancellationToken);
        if (file is null || current is null)
        {
            return Result<bool>.NotFound();
        }
        db.Entry(current).Property(d => d.Version).OriginalValue = version.Value;
        file.DeletedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await register.RefreshSearchTextAsync(current, cancellationToken);
            // The search text may come out the same; the document's version moves anyway, as the file list changed.
            db.Entry(current).Property(d => d.SearchText).IsModified = true;
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return Result<bool>.Conflict();
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Deletes blobs no file row refers to (deleted rows included: the audit keeps them), written
    /// longer ago than <paramref name="olderThan"/> so that an upload between its blob and its row
    /// is left alone. Such blobs come from uploads whose database write failed.
    /// </summary>
    public async Task<OrphansCollected> CollectOrphansAsync(TimeSpan olderThan, CancellationToken cancellationToken = default)
    {
        var before = clock.GetUtcNow() - olderThan;
        var collected = 0;
        long bytes = 0;
        foreach (var batch in store.List().Where(b => b.WrittenAt < before).Chunk(500))
        {
            var hashes = batch.Select(b => b.Sha256).ToList();
            // Attachments of progress reports and submissions share the store.
            var referenced = await db.DocumentFiles.Where(f => hashes.Contains(f.Sha256)).Select(f => f.Sha256)
                .Union(db.Attachments.Where(a => hashes.Contains(a.Sha256)).Select(a => a.Sha256)).ToListAsync(cancellationToken);
            foreach (var blob in batch.ExceptBy(referenced, b => b.Sha256))
            {
                store.Delete(blob.Sha256);
                collected++;
                bytes += blob.Size;
            }
        }
        if (collected > 0)
        {
            logger.LogInformation("Deleted {Count} stored files ({Bytes} bytes) that no document refers to", collected, bytes);
        }
        return new OrphansCollected(collected, bytes);
    }

    private async Task<Document?> FindReadableAsync(Actor actor, int documentId, CancellationToken cancellationToken)
    {
        var document = await db.Documents.AsNoTracking().Include(d => d.Committee)
            .FirstOrDefaultAsync(d => d.Id == documentId && d.DeletedAt == null, cancellationToken);
        return document is not null && actor.CanRead(document, document.Committee!) ? document : null;
    }

    private static DocumentFileView View(DocumentFile f) => new(f.Id, f.FileName, f.ContentType, f.Size, f.Sha256, f.UploadedAt, f.UploadedBy);
}
