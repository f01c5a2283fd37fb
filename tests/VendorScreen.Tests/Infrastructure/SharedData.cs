namespace VendorScreen.Tests.Infrastructure;

/// <summary>Finds the shared real-data folder (<c>../shared</c> beside the repository).</summary>
internal static class SharedData
{
    public const string RequireVariable = "VENDORSCREEN_REQUIRE_SHARED_DATA";

    private static readonly Lazy<string?> Root = new(Find);

    /// <summary>Gets the shared folder, or null when it is absent.</summary>
    public static string? Directory => Root.Value;

    public static bool IsRequired => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>Gets why a real-data test is skipped: the folder is absent and not required; <see langword="null"/> otherwise.</summary>
    public static string? SkipReason => Directory is null && !IsRequired
        ? "../shared/data is not present beside the repository; set VENDORSCREEN_SHARED_DIR or clone it there to run real-data tests."
        : null;

    /// <summary>Gets the full path of a file under <c>shared/data</c>; fails clearly when the folder is absent.</summary>
    public static string DataPath(string relative)
    {
        var root = Directory ?? throw new InvalidOperationException(
            $"The shared data folder (../shared beside the repository) was not found, and {RequireVariable}=1 requires it.");
        var path = Path.Combine(root, "data", relative);
        if (!File.Exists(path) && !System.IO.Directory.Exists(path))
        {
            throw new FileNotFoundException($"Shared data file {relative} is missing from {root}/data.", path);
        }

        return path;
    }

    private static string? Find()
    {
        var fromEnv = Environment.GetEnvironmentVariable("VENDORSCREEN_SHARED_DIR");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return System.IO.Directory.Exists(fromEnv) ? fromEnv : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VendorScreen.sln")))
            {
                var shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
                return System.IO.Directory.Exists(Path.Combine(shared, "data")) ? shared : null;
            }
        }

        return null;
    }
}

/// <summary>A fact over the real files in ../shared/data: skipped with a visible reason when they are absent,
/// failed when VENDORSCREEN_REQUIRE_SHARED_DATA=1.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute() => Skip = SharedData.SkipReason;
}

/// <summary>The theory counterpart of <see cref="SharedDataFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute() => Skip = SharedData.SkipReason;
}
