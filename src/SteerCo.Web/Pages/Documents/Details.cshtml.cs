using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SteerCo.Access;
using SteerCo.Documents;
using SteerCo.Documents.Files;
using SteerCo.Resources;
using SteerCo.Text;
using SteerCo.Web.Infrastructure;
using SteerCo.WorkItems;

namespace SteerCo.Web.Pages.Documents;

/// <summary>One document: its fields, files, relations both ways, and the cascade of documents implementing it below.</summary>
[StreamedUpload("Upload")]
public sealed class DetailsModel(DocumentRegister register, DocumentFiles files, WorkItemService workItems, IStringLocalizer<SharedResource> text) : SteerCoPageModel
{
    /// <summary>The model state key of upload problems, shown above the upload form.</summary>
    public const string UploadKey = "Upload";

    public DocumentDetail Document { get; private set; } = null!;
    public CascadeNode? Cascade { get; private set; }

    /// <summary>The tasks under this document and under each document of its cascade, by document.</summary>
    public IReadOnlyDictionary<int, RollUp> TaskRollUps { get; private set; } = new Dictionary<int, RollUp>();

    /// <summary>What the relation search box was given, and the documents it found.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Find { get; set; }

    public IReadOnlyList<DocumentSummary> Found { get; private set; } = [];

    /// <summary>The file limit (Files:MaxBytes), for the hint beside the upload form.</summary>
    public long MaxFileBytes => files.MaxBytes;

    /// <summary>The authority line as printed above a signature (Decree 30, Article 13).</summary>
    public static string AuthorityPrefix(SigningAuthority authority) => authority switch
    {
        SigningAuthority.OnBehalf => "TM.",
        SigningAuthority.Deputy => "KT.",
        SigningAuthority.ByOrder => "TL.",
        SigningAuthority.Authorized => "TUQ.",
        SigningAuthority.Acting => "Q.",
        _ => "",
    };

    public static string FileSize(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes / (1024.0 * 1024):0.#} MB",
    };

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ?? Page();

    /// <summary>
    /// A file of the document, for the signed-in user (the files API takes only bearer tokens), sent
    /// as the API sends it.
    /// </summary>
    public async Task<IActionResult> OnGetFileAsync(int id, int fileId, CancellationToken ct) =>
        await SendFileAsync(await files.OpenAsync(Actor, id, fileId, ct));

    public async Task<IActionResult> OnPostRelateAsync(int id, int relatedId, RelationKind kind, CancellationToken ct)
    {
        var result = await register.RelateAsync(Actor, id, relatedId, kind, ct);
        return await AfterAsync(id, result.As<bool>(), Messages.Get("RelationAdded"), ct);
    }

    public async Task<IActionResult> OnPostUnrelateAsync(int id, int relationId, CancellationToken ct)
    {
        var result = await register.UnrelateAsync(Actor, id, relationId, ct);
        return await AfterAsync(id, result.As<bool>(), Messages.Get("RelationRemoved"), ct);
    }

    /// <summary>
    /// The file comes as a stream (see <see cref="StreamedUploadAttribute"/>): it goes to the store
    /// as it arrives, read only up to the limit, and nothing is kept when it is refused.
    /// </summary>
    public async Task<IActionResult> OnPostUploadAsync(int id, CancellationToken ct)
    {
        var upload = HttpContext.Features.Get<StreamedUpload>();
        Result<DocumentFileView> result;
        try
        {
            result = await files.AddAsync(Actor, id, upload?.FileName, upload?.Content, ct);
        }
        catch (BadHttpRequestException ex) when (MultipartUpload.IsTooLarge(ex))
        {
            result = Result<DocumentFileView>.Invalid(FileIntake.TooLargeField, FileIntake.TooLargeMessage(files.MaxBytes));
        }
        switch (result.Outcome)
        {
            case Outcome.Ok:
                TempData["Flash"] = text["FileUploaded", result.Value!.FileName].Value;
                return RedirectToPage("Details", null, new { id }, "files");
            case Outcome.NotFound:
                return OutOfScope();
            case Outcome.Forbidden:
                return Forbid();
        }
        foreach (var problem in result.Problems)
        {
            ModelState.AddModelError(UploadKey, problem.Message);
        }
        return await LoadAsync(id, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostDeleteFileAsync(int id, int fileId, int? version, CancellationToken ct)
    {
        var result = await files.DeleteAsync(Actor, id, fileId, version, ct);
        return await AfterAsync(id, result, text["FileDeleted"].Value, ct);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, int version, CancellationToken ct)
    {
        var result = await register.DeleteAsync(Actor, id, version, ct);
        if (result.IsOk)
        {
            TempData["Flash"] = Messages.Get("DocumentDeleted");
            return RedirectToPage("Index");
        }
        return await AfterAsync(id, result, null, ct);
    }

    private async Task<IActionResult> AfterAsync(int id, Result<bool> result, string? done, CancellationToken ct)
    {
        switch (result.Outcome)
        {
            case Outcome.Ok:
                TempData["Flash"] = done;
                return RedirectToPage("Details", new { id });
            case Outcome.NotFound:
                return OutOfScope();
            case Outcome.Forbidden:
                return Forbid();
        }
        if (result.Outcome == Outcome.Conflict)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        foreach (var problem in result.Problems)
        {
            ModelState.AddModelError("", problem.Message);
        }
        return await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var document = await register.GetAsync(Actor, id, ct);
        if (!document.IsOk)
        {
            return OutOfScope();
        }
        Document = document.Value!;
        var cascade = await register.CascadeAsync(Actor, id, ct);
        Cascade = cascade.IsOk && cascade.Value!.Children.Count > 0 ? cascade.Value : null;
        TaskRollUps = await workItems.RollUpsByDocumentAsync(Actor, [id, .. DocumentsIn(Cascade)], ct);
        ViewData["TaskRollUps"] = TaskRollUps;
        if (Document.CanManage && VietnameseText.Clean(Find) is { Length: > 0 } text)
        {
            Found = await FindAsync(id, text, ct);
        }
        return null;
    }

    private static IEnumerable<int> DocumentsIn(CascadeNode? node) =>
        node is null ? [] : node.Documents.Select(d => d.Id).Concat(node.Children.SelectMany(DocumentsIn));

    /// <summary>Documents to relate to: by id, or by symbol and subject without diacritics; a handful, newest first.</summary>
    private async Task<IReadOnlyList<DocumentSummary>> FindAsync(int id, string text, CancellationToken ct)
    {
        var documents = (await register.FilterAsync(Actor, new(), ct)).Where(d => d.Id != id);
        var folded = VietnameseText.Fold(text);
        documents = int.TryParse(text, out var wanted)
            ? documents.Where(d => d.Id == wanted)
            : documents.Where(d => d.SearchText.Contains(folded));
        return await DocumentRegister.Summaries(documents.OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id)).Take(10).ToListAsync(ct);
    }
}
