namespace VendorScreen.Tests.Infrastructure;

/// <summary>The repository the tests run from: the folder above the test binaries that holds VendorScreen.sln.</summary>
internal static class Repository
{
    /// <summary>Gets the repository's root folder.</summary>
    /// <exception cref="InvalidOperationException">No VendorScreen.sln above the test binaries.</exception>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VendorScreen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("VendorScreen.sln not found above " + AppContext.BaseDirectory);
    }
}
