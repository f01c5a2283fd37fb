using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace VendorScreen.Tests.Sources.Lists;

/// <summary>Paths of the project-written list fixtures under TestData, and helpers for in-memory inputs.</summary>
internal static class ListTestFiles
{
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static string Path(string relative) => System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", relative);

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static FakeTimeProvider Clock() => new(Now);
}
