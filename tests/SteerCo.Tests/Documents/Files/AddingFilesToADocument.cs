using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Documents;
using SteerCo.Documents.Files;
using SteerCo.Documents.Search;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Documents.Files;

/// <summary>The DocumentFiles service on the app's database and file store, as a provincial secretariat uses it.</summary>
public sealed class AddingFilesToADocument(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private Actor Clerk => TestFiles.Secretariat(app.Hierarchy.Danang);

    public static TheoryData<string, string, string> Kinds => new()
    {
        { "pdf", "Kế hoạch.pdf", "application/pdf" },
        { "docx", "Quyết định kiện toàn.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "xlsx", "Biểu số liệu.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "png", "Ảnh hội nghị.png", "image/png" },
        { "jpeg", "Ảnh.jpg", "image/jpeg" },
        { "gif", "Sơ đồ.gif", "image/gif" },
        { "webp", "Ảnh.webp", "image/webp" },
    };

    private static byte[] Content(string kind) => kind switch
    {
        "pdf" => TestFiles.Pdf("Ke hoach"),
        "docx" => TestFiles.Docx("Quyết định"),
        "xlsx" => TestFiles.Xlsx(),
        "png" => TestFiles.Png(),
        "jpeg" => TestFiles.Jpeg(),
        "gif" => TestFiles.Gif(),
        _ => TestFiles.WebP(),
    };

    private async Task<Result<SteerCo.Documents.DocumentFileView>> AddAsync(int documentId, byte[] content, string name, Actor? actor = null)
    {
        await using var scope = app.ServiceScope();
        return await scope.Get<DocumentFiles>().AddAsync(actor ?? Clerk, documentId, name, new MemoryStream(content));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Each_kind_is_accepted_by_its_content(string kind, string name, string contentType)
    {
        var documentId = await TestFiles.RegisterDocumentAsync(app, app.Hierarchy.Danang.Id);
        var content = Content(kind);

        var added = await AddAsync(documentId, content, name);

        added.Outcome.ShouldBe(Outcome.Ok, string.Join("; ", added.Problems.Select(p => p.Message)));
        added.Value!.ContentType.ShouldBe(contentType);
        added.Value.FileName.ShouldBe(name);
        added.Value.Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)));
    }

    [Theory]
    [InlineData("exe")]
    [InlineData("text")]
    [InlineData("zip")]
    public async Task A_program_or_text_renamed_pdf_is_refused_and_nothing_is_stored(string what)
    {
        var documentId = await TestFiles.RegisterDocumentAsync(app, app.Hierarchy.Danang.Id);
        var content = what switch
        {
            "exe" => TestFiles.Exe(),
            "text" => "Đây là văn bản thường, không phải PDF."u8.ToArray(),
            _ => ZipOf("readme.txt"),
        };
        var blobs = TestFiles.Blobs(app.FilesFolder).Length;

        var added = await AddAsync(documentId, content, "Báo cáo tổng kết.pdf");

        added.Outcome.ShouldBe(Outcome.Invalid);
        added.Problems.Single().Message.ShouldBe("Tên tệp 'Báo cáo tổng kết.pdf' ghi là PDF nhưng nội dung không phải là tệp PDF: không nhận tệp này.");
        TestFiles.Blobs(app.FilesFolder).Length.ShouldBe(blobs);
        TestFiles.TempFiles(app.FilesFolder).ShouldBeEmpty();
        await using var scope = app.ServiceScope();
        (await scope.Db.DocumentFiles.CountAsync(f => f.DocumentId == documentId)).ShouldBe(0);
    }

    [Fact]
    public async Task A_file_of_an_unaccepted_kind_is_refused_whatever_its_name()
    {
        var documentId = await TestFiles.RegisterDocumentAsync(app, app.Hierarchy.Danang.Id);

        var added = await AddAsync(documentId, TestFiles.Exe(), "setup.exe");

        added.Outcome.ShouldBe(Outcome.Invalid);
        added.Problems.Single().Message.ShouldStartWith("Tệp 'setup.exe' không phải là PDF, Word (DOCX), Excel (XLSX) hay ảnh");
    }

    [Fact]
    public async Task An_image_named_pdf_is_refused_with_what_it_really_is()
    {
        var documentId = await TestFiles.RegisterDocumentAsync(app, app.Hierarchy.Danang.Id);

        var added = await AddAsync(documentId, TestFiles.Png(), "scan.pdf");

        added.Outcome.ShouldBe(Outcome.Invalid);
        added.Problems.Single().Message.ShouldBe("Tên tệp 'scan.pdf' ghi là PDF nhưng nội dung là tệp PNG. Hãy đổi tên tệp cho đúng loại rồi tải lên lại.");
    }

    [Fact]
    public async Task A_name_without_the_kinds_extension_gets_it_and_loses_any_folder()
    {
        var documentId = await TestFiles.RegisterDocumentAsync(app, app.Hierarchy.Danang.Id);

        var added = await AddAsync(documentId, TestFiles.Pdf("x"), @"C:\Users\thu ky\Tờ trình số 5");

        added.Value!.FileName.ShouldBe("Tờ trình số 5.pdf");
    }

    [Fact]
    public async Task The_same_content_is_stored_once()
    {
        var first = await TestFiles.RegisterDocumentAsync(app, app.Hierarchy.Danang.Id);
        var second = await TestFiles.RegisterDocumentAsync(app, app.Hierarchy.Danang.Id);
        var content = TestFiles.Pdf("Ban sao " + Guid.NewGuid());

        var a = await AddAsync(first, content, "Bản gốc.pdf");
        var b = await AddAsync(second, content, "Bản sao.pdf");

        a.Value!.Sha256.ShouldBe(b.Value!.Sha256);
        a.Value.Id.ShouldNotBe(b.Value.Id);
        TestFiles.Blobs(app.FilesFolder).Count(f => Path.GetFileName(f) == a.Value.Sha256).ShouldBe(1);
        var sha = a.Value.Sha256;
        File.Exists(Path.Combine(app.FilesFolder, sha[..2], sha[2..4], sha)).ShouldBeTrue("the store lays files out as ab/cd/abcd...");
        TestFiles.TempFiles(app.FilesFolder).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_text_of_a_docx_becomes_searchable_on_its_document()
    {
        var documentId = await TestFiles.RegisterDocumentAsync(app, app.Hierarchy.Danang.Id, subject: "Công văn đề nghị");

        var added = await AddAsync(documentId, TestFiles.Docx("Triển khai Nghị quyết của Thành ủy Đà Nẵng", "về phòng, chống thiên tai"), "Công văn.docx");

        added.IsOk.ShouldBeTrue();
        await using var scope = app.ServiceScope();
        var document = await scope.Db.Documents.AsNoTracking().SingleAsync(d => d.Id == documentId);
        document.SearchText.ShouldContain("nghi quyet cua thanh uy da nang");
        document.SearchText.ShouldContain("phong, chong thien tai");
        (await scope.Db.DocumentFiles.SingleAsync(f => f.Id == added.Value!.Id)).ExtractedText.ShouldBe("Triển khai Nghị quyết của Thành ủy Đà Nẵng về phòng, chống thiên tai");
        var found = await scope.Get<DocumentSearch>().SearchAsync(Clerk, new("nghi quyet thanh uy", new DocumentQuery(UnderId: app.Hierarchy.Danang.Id)), new(1, 100));
        found.Items.Single(h => h.Document.Id == documentId).SnippetHtml
            .ShouldBe("Triển khai <mark>Nghị quyết</mark> của <mark>Thành ủy</mark> Đà Nẵng về phòng, chống thiên tai", "the extract comes from the file when the body has none of the words");
    }

    [Fact]
    public async Task The_text_of_a_pdf_becomes_searchable_on_its_document()
    {
        var documentId = await TestFiles.RegisterDocumentAsync(app, app.Hierarchy.Danang.Id, subject: "Tờ trình");

        var added = await AddAsync(documentId, TestFiles.Pdf("Ket luan cua Truong ban ve cong tac phong chong lut bao"), "Kết luận.pdf");

        added.IsOk.ShouldBeTrue();
        await using var scope = app.ServiceScope();
        (await scope.Db.Documents.AsNoTracking().SingleAsync(d => d.Id == documentId)).SearchText.ShouldContain("ket luan cua truong ban ve cong tac phong chong lut bao");
    }

    [Fact]
    public async Task A_zip_bomb_docx_is_refused_quickly_and_nothing_is_stored()
    {
        var documentId = await TestFiles.RegisterDocumentAsync(app, app.Hierarchy.Danang.Id);
        var bomb = TestFiles.ZipBombDocx(300L * 1024 * 1024);
        bomb.Length.ShouldBeLessThan(2 * 1024 * 1024, "the bomb is small on disk");
        var blobs = TestFiles.Blobs(app.FilesFolder).Length;

        var clock = Stopwatch.StartNew();
        var added = await AddAsync(documentId, bomb, "Báo cáo.docx");

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        added.Outcome.ShouldBe(Outcome.Invalid);
        added.Problems.Single().Message.ShouldContain("cấu trúc nén bất thường");
        TestFiles.Blobs(app.FilesFolder).Length.ShouldBe(blobs);
    }

    [Fact]
    public async Task A_broken_docx_is_stored_without_text()
    {
        var documentId = await TestFiles.RegisterDocumentAsync(app, app.Hierarchy.Danang.Id);
        var broken = BreakDocumentXml(TestFiles.Docx("Nội dung"));

        var added = await AddAsync(documentId, broken, "Hỏng.docx");

        added.IsOk.ShouldBeTrue();
        await using var scope = app.ServiceScope();
        (await scope.Db.DocumentFiles.SingleAsync(f => f.Id == added.Value!.Id)).ExtractedText.ShouldBeNull();
    }

    [Fact]
    public async Task A_deleted_file_leaves_the_document_its_search_text_and_the_audit_records_it()
    {
        var documentId = await TestFiles.RegisterDocumentAsync(app, app.Hierarchy.Danang.Id, subject: "Kế hoạch");
        var added = await AddAsync(documentId, TestFiles.Docx("Đề án chuyển đổi số"), "Đề án.docx");
        await using var scope = app.ServiceScope();
        var version = await scope.Db.Documents.Where(d => d.Id == documentId).Select(d => d.Version).SingleAsync();
        var files = scope.Get<DocumentFiles>();

        var stale = await files.DeleteAsync(Clerk, documentId, added.Value!.Id, version - 1);
        var deleted = await files.DeleteAsync(Clerk, documentId, added.Value.Id, version);

        stale.Outcome.ShouldBe(Outcome.Conflict);
        deleted.IsOk.ShouldBeTrue();
        (await files.ListAsync(Clerk, documentId)).Value!.ShouldBeEmpty();
        (await files.OpenAsync(Clerk, documentId, added.Value.Id)).Outcome.ShouldBe(Outcome.NotFound);
        (await scope.Db.Documents.AsNoTracking().SingleAsync(d => d.Id == documentId)).SearchText.ShouldNotContain("chuyen doi so");
        (await scope.Db.DocumentFiles.AsNoTracking().SingleAsync(f => f.Id == added.Value.Id)).DeletedAt.ShouldNotBeNull();
        var key = added.Value.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var audit = await scope.Db.AuditEntries.AsNoTracking().Where(e => e.Entity == "DocumentFile" && e.EntityKey == key).OrderBy(e => e.Sequence).ToListAsync();
        audit.Select(e => e.Action).ShouldBe(["Created", "Updated"]);
        audit[1].Changes.ShouldContain("DeletedAt");
        audit[0].Changes.ShouldNotContain("ExtractedText");
    }

    [Fact]
    public async Task Another_communes_secretariat_finds_nothing_and_a_reader_cannot_add()
    {
        var h = app.Hierarchy;
        var documentId = await TestFiles.RegisterDocumentAsync(app, h.HaiChau.Id);
        var added = await AddAsync(documentId, TestFiles.Png(), "Ảnh.png", TestFiles.Secretariat(h.HaiChau));
        await using var scope = app.ServiceScope();
        var files = scope.Get<DocumentFiles>();
        var other = TestFiles.Secretariat(h.VyDa);
        var province = TestFiles.Secretariat(h.Danang);

        (await files.ListAsync(other, documentId)).Outcome.ShouldBe(Outcome.NotFound);
        (await files.OpenAsync(other, documentId, added.Value!.Id)).Outcome.ShouldBe(Outcome.NotFound);
        (await files.AddAsync(other, documentId, "x.png", new MemoryStream(TestFiles.Png()))).Outcome.ShouldBe(Outcome.NotFound);
        (await files.DeleteAsync(other, documentId, added.Value.Id, 1)).Outcome.ShouldBe(Outcome.NotFound);
        (await files.ListAsync(province, documentId)).IsOk.ShouldBeTrue("the province reads its communes' documents");
        (await files.AddAsync(province, documentId, "x.png", new MemoryStream(TestFiles.Png()))).Outcome.ShouldBe(Outcome.Forbidden);
    }

    [Fact]
    public async Task A_directive_shared_with_the_subtree_has_its_files_read_below()
    {
        var h = app.Hierarchy;
        var documentId = await TestFiles.RegisterDocumentAsync(app, h.Danang.Id, SteerCo.Documents.DocumentVisibility.Subtree);
        var added = await AddAsync(documentId, TestFiles.Pdf("Chi thi"), "Chỉ thị.pdf");
        await using var scope = app.ServiceScope();
        var files = scope.Get<DocumentFiles>();

        using var download = (await files.OpenAsync(TestFiles.Secretariat(h.HaiChau), documentId, added.Value!.Id)).Value!.Content;
        (await files.AddAsync(TestFiles.Secretariat(h.HaiChau), documentId, "x.png", new MemoryStream(TestFiles.Png()))).Outcome.ShouldBe(Outcome.Forbidden);
        (await files.ListAsync(TestFiles.Secretariat(h.VyDa), documentId)).Outcome.ShouldBe(Outcome.NotFound);
        download.Length.ShouldBe(added.Value.Size);
    }

    [Fact]
    public async Task A_blob_no_file_refers_to_is_collected_and_the_others_stay()
    {
        var documentId = await TestFiles.RegisterDocumentAsync(app, app.Hierarchy.Danang.Id);
        var kept = await AddAsync(documentId, TestFiles.Pdf("Giu lai " + Guid.NewGuid()), "Giữ.pdf");
        await using var scope = app.ServiceScope();
        var store = scope.Get<IFileStore>();
        using (var staged = await store.StageAsync(new MemoryStream(TestFiles.Pdf("Mo coi " + Guid.NewGuid())), 1024 * 1024))
        {
            store.Commit(staged);
        }
        var orphan = store.List().Select(b => b.Sha256).Single(s => !scope.Db.DocumentFiles.Any(f => f.Sha256 == s));

        var collected = await scope.Get<DocumentFiles>().CollectOrphansAsync(TimeSpan.FromSeconds(-1));

        collected.Blobs.ShouldBeGreaterThanOrEqualTo(1);
        collected.Bytes.ShouldBeGreaterThan(0);
        store.Exists(orphan).ShouldBeFalse();
        store.Exists(kept.Value!.Sha256).ShouldBeTrue();
    }

    private static byte[] ZipOf(string name)
    {
        using var memory = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(memory, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry(name).Open();
            entry.Write("hello"u8);
        }
        return memory.ToArray();
    }

    private static byte[] BreakDocumentXml(byte[] docx)
    {
        using var memory = new MemoryStream();
        memory.Write(docx);
        using (var zip = new System.IO.Compression.ZipArchive(memory, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry("word/document.xml")!.Delete();
            using var entry = zip.CreateEntry("word/document.xml").Open();
            entry.Write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>"u8);
        }
        return memory.ToArray();
    }
}
