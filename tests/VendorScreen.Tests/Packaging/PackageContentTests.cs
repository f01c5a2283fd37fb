using System.IO.Compression;
using System.Xml.Linq;
using FluentAssertions;

namespace VendorScreen.Tests.Packaging;

/// <summary>Checks the packages that <c>dotnet pack -c Release</c> writes to <c>artifacts/packages</c>: readme, icon, licence,
/// repository and release notes in both, both target frameworks, and a tool that rolls forward.</summary>
/// <remarks>Packing is a build step, not a test step: <c>.ci/run</c> packs before the tests and sets
/// <c>VENDORSCREEN_REQUIRE_PACKAGES=1</c>. Elsewhere these tests are skipped with a reason until the packages exist.</remarks>
public sealed class PackageContentTests
{
    [PackagesTheory]
    [InlineData("VendorScreen")]
    [InlineData("VendorScreen.Cli")]
    [InlineData("VendorScreen.Hosting")]
    [InlineData("VendorScreen.Storage.Sqlite")]
    [InlineData("VendorScreen.Storage.PostgreSql")]
    public void Package_HasReadmeIconLicenceRepositoryAndReleaseNotes(string id)
    {
        using var package = Packages.Open(id);
        var metadata = Packages.Metadata(package);

        Value(metadata, "license").Should().Be("MIT");
        metadata.Element(metadata.Name.Namespace + "license")!.Attribute("type")!.Value.Should().Be("expression");
        Value(metadata, "icon").Should().Be("icon.png");
        Value(metadata, "readme").Should().Be("README.md");
        Value(metadata, "projectUrl").Should().StartWith("https://");
        var repository = metadata.Element(metadata.Name.Namespace + "repository")!;
        repository.Attribute("type")!.Value.Should().Be("git");
        repository.Attribute("url")!.Value.Should().StartWith("https://");
        repository.Attribute("commit")!.Value.Should().MatchRegex("^[0-9a-f]{40}$");
        Value(metadata, "releaseNotes").Should().StartWith("## ").And.Contain("CHANGELOG.md");
        package.GetEntry("README.md")!.Length.Should().BeGreaterThan(200);
        using var icon = package.GetEntry("icon.png")!.Open();
        var signature = new byte[8];
        icon.ReadExactly(signature);
        signature.Should().Equal(0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A);
    }

    [PackagesTheory]
    [InlineData("VendorScreen")]
    [InlineData("VendorScreen.Hosting")]
    [InlineData("VendorScreen.Storage.Sqlite")]
    [InlineData("VendorScreen.Storage.PostgreSql")]
    public void Library_HasBothTargetFrameworks(string id)
    {
        using var package = Packages.Open(id);

        package.Entries.Select(e => e.FullName).Should().Contain([$"lib/net8.0/{id}.dll", $"lib/net10.0/{id}.dll", $"lib/net8.0/{id}.xml"]);
    }

    [PackagesFact]
    public void Tool_RunsOnDotNet8AndRollsForward()
    {
        using var package = Packages.Open("VendorScreen.Cli");

        foreach (var tfm in new[] { "net8.0", "net10.0" })
        {
            var entry = package.GetEntry($"tools/{tfm}/any/VendorScreen.Cli.runtimeconfig.json");
            entry.Should().NotBeNull(tfm);
            using var reader = new StreamReader(entry!.Open());
            var config = System.Text.Json.Nodes.JsonNode.Parse(reader.ReadToEnd())!["runtimeOptions"]!;
            config["rollForward"]!.GetValue<string>().Should().Be("Major");
            config["tfm"]!.GetValue<string>().Should().Be(tfm);
        }
    }

    private static string Value(XElement metadata, string name) => metadata.Element(metadata.Name.Namespace + name)?.Value ?? string.Empty;
}

internal static class Packages
{
    public const string RequireVariable = "VENDORSCREEN_REQUIRE_PACKAGES";

    public static string? Directory
    {
        get
        {
            var packages = FindRepositoryRoot() is { } root ? Path.Combine(root, "artifacts", "packages") : null;
            return packages is not null && System.IO.Directory.Exists(packages) ? packages : null;
        }
    }

    public static bool IsRequired => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>Gets the folder of VendorScreen.sln above the test assembly.</summary>
    public static string RepositoryRoot() =>
        FindRepositoryRoot() ?? throw new InvalidOperationException($"VendorScreen.sln was not found above {AppContext.BaseDirectory}");

    public static ZipArchive Open(string id)
    {
        var directory = Directory ?? throw new InvalidOperationException($"artifacts/packages was not found; run dotnet pack -c Release first ({RequireVariable}=1 requires it).");
        var version = typeof(ScreeningEngine).Assembly.GetName().Version!;
        var path = Path.Combine(directory, $"{id}.{version.Major}.{version.Minor}.{version.Build}.nupkg");
        return File.Exists(path) ? ZipFile.OpenRead(path) : throw new FileNotFoundException($"{path} was not found; run dotnet pack -c Release.", path);
    }

    public static XElement Metadata(ZipArchive package)
    {
        var nuspec = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspec.Open();
        var root = XDocument.Load(stream).Root!;
        return root.Element(root.Name.Namespace + "metadata")!;
    }

    public static string? SkipReason => Directory is null && !IsRequired
        ? "artifacts/packages is not present; run dotnet pack -c Release (as .ci/run does) to check the packages."
        : null;

    private static string? FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VendorScreen.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}

[AttributeUsage(AttributeTargets.Method)]
internal sealed class PackagesFactAttribute : FactAttribute
{
    public PackagesFactAttribute() => Skip = Packages.SkipReason;
}

[AttributeUsage(AttributeTargets.Method)]
internal sealed class PackagesTheoryAttribute : TheoryAttribute
{
    public PackagesTheoryAttribute() => Skip = Packages.SkipReason;
}
