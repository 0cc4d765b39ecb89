using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Accounts;

/// <summary>
/// The keys that protect sign-in cookies, API tokens and forms are files in DataProtection:KeysFolder.
/// With DataProtection:Certificate they are encrypted there, and the certificate alone reads them
/// back, as the app does after a restart, with the certificate it replaced for the keys written
/// before a change; a certificate that cannot be read stops the start.
/// </summary>
public sealed class EncryptingTheKeysAtRest : IDisposable
{
    private const string Password = "KeyPass2026x";

    private readonly string _folder = Directory.CreateTempSubdirectory("steerco-keys-").FullName;

    private string KeysFolder => Path.Combine(_folder, "keys");

    private string CertificateFile => Path.Combine(_folder, "keys.pfx");

    [Fact]
    public async Task With_a_certificate_the_keys_on_disk_are_encrypted_and_only_the_certificate_reads_them_back()
    {
        using var certificate = WriteCertificate();
        await using var app = await SteerCoApp.StartAsync(withHierarchy: false, settings: new Dictionary<string, string?>
        {
            ["DataProtection:KeysFolder"] = KeysFolder,
            ["DataProtection:Certificate"] = CertificateFile,
            ["DataProtection:CertificatePassword"] = Password,
        });

        // The token the API issues is protected with the key ring, so signing in writes the first key.
        var admin = await app.AsAdminAsync();
        (await admin.GetAsync("/api/v1/committees")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var keys = Directory.GetFiles(KeysFolder, "key-*.xml").Select(File.ReadAllText).ToList();
        keys.ShouldNotBeEmpty();
        keys.ShouldAllBe(xml => xml.Contains("<encryptedSecret") && !xml.Contains("unencrypted form"));

        // As after a restart: a key ring read from the folder with the certificate opens what the app protected; without it, nothing does.
        var sealedByApp = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("restart").Protect("Ban Chỉ đạo");
        var restarted = DataProtectionProvider.Create(new DirectoryInfo(KeysFolder),
            builder => builder.SetApplicationName("SteerCo").ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate));
        restarted.CreateProtector("restart").Unprotect(sealedByApp).ShouldBe("Ban Chỉ đạo");
        var withoutCertificate = DataProtectionProvider.Create(new DirectoryInfo(KeysFolder), builder => builder.SetApplicationName("SteerCo"));
        Should.Throw<CryptographicException>(() => withoutCertificate.CreateProtector("restart").Unprotect(sealedByApp));
    }

    [Fact]
    public async Task A_wrong_certificate_password_stops_the_start_naming_the_setting()
    {
        using var certificate = WriteCertificate();

        var failure = await Should.ThrowAsync<Exception>(async () =>
        {
            await using var app = await SteerCoApp.StartAsync(withHierarchy: false, settings: new Dictionary<string, string?>
            {
                ["DataProtection:KeysFolder"] = KeysFolder,
                ["DataProtection:Certificate"] = CertificateFile,
                ["DataProtection:CertificatePassword"] = "not the password",
            });
        });

        Messages(failure).ShouldContain(m => m.Contains("DataProtection:Certificate") && m.Contains(CertificateFile) && m.Contains("DataProtection:CertificatePassword"));
        Directory.Exists(KeysFolder).ShouldBeFalse();
    }

    [Fact]
    public async Task After_a_change_of_certificate_the_previous_one_still_reads_the_keys_it_encrypted()
    {
        using var old = WriteCertificate(Path.Combine(_folder, "old.pfx"));
        using var current = WriteCertificate(Path.Combine(_folder, "new.pfx"));
        string sealedBefore;
        await using (var before = await StartAsync(("Certificate", "old.pfx")))
        {
            sealedBefore = before.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("rotation").Protect("Thông báo kết luận");
        }

        await using (var after = await StartAsync(("Certificate", "new.pfx"), ("PreviousCertificate", "old.pfx")))
        {
            after.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("rotation").Unprotect(sealedBefore).ShouldBe("Thông báo kết luận");
        }
        await using (var forgetful = await StartAsync(("Certificate", "new.pfx")))
        {
            Should.Throw<CryptographicException>(() => forgetful.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("rotation").Unprotect(sealedBefore));
        }
    }

    /// <summary>An app on this test's keys folder with certificates from this test's folder, each with the one password.</summary>
    private Task<SteerCoApp> StartAsync(params (string Setting, string File)[] certificates)
    {
        var settings = new Dictionary<string, string?> { ["DataProtection:KeysFolder"] = KeysFolder };
        foreach (var (setting, file) in certificates)
        {
            settings[$"DataProtection:{setting}"] = Path.Combine(_folder, file);
            settings[$"DataProtection:{setting}Password"] = Password;
        }
        return SteerCoApp.StartAsync(withHierarchy: false, settings: settings);
    }

    private X509Certificate2 WriteCertificate(string? file = null)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=SteerCo keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var pfx = created.Export(X509ContentType.Pfx, Password);
        File.WriteAllBytes(file ?? CertificateFile, pfx);
        return X509CertificateLoader.LoadPkcs12(pfx, Password);
    }

    private static IEnumerable<string> Messages(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            yield return exception.Message;
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
