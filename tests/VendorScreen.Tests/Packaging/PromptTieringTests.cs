using System.Diagnostics;
using System.Text.Json.Nodes;
using FluentAssertions;

namespace VendorScreen.Tests.Packaging;

/// <summary>
/// The targets file the VendorScreen package brings to the applications that reference it (<c>buildTransitive/VendorScreen.targets</c>):
/// an application's <c>runtimeconfig.json</c> sets the runtime's call-counting wait to 0, unless the application sets the option
/// itself (its value is kept) or turns the targets off with <c>VendorScreenPromptTiering=false</c>. Each case builds a small
/// console application that imports the file, as NuGet imports it from the package.
/// </summary>
public sealed class PromptTieringTests
{
    private const string Option = "System.Runtime.TieredCompilation.CallCountingDelayMs";

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("<PropertyGroup><VendorScreenPromptTiering>false</VendorScreenPromptTiering></PropertyGroup>", "", null)]
    [InlineData("", "<ItemGroup><RuntimeHostConfigurationOption Include=\"" + Option + "\" Value=\"250\" /></ItemGroup>", 250)]
    public async Task Application_RuntimeConfig_HasTheWaitOfItsSettings(string properties, string items, int? expected)
    {
        var folder = Directory.CreateTempSubdirectory("vendorscreen-tiering-");
        try
        {
            var targets = Path.Combine(Packages.RepositoryRoot(), "src", "VendorScreen", "buildTransitive", "VendorScreen.targets");
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "App.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>disable</ImplicitUsings>
                  </PropertyGroup>
                  {properties}
                  {items}
                  <Import Project="{targets}" />
                </Project>
                """);
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "Program.cs"), "System.Console.WriteLine(1);");
            // Empty files end the search for those of the folders above (a temporary folder is outside the repository, but its
            // parents may hold some): no Directory.Build files or central package versions apply.
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "Directory.Build.props"), "<Project />");
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "Directory.Build.targets"), "<Project />");
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "Directory.Packages.props"), "<Project />");

            var (exitCode, output) = await RunAsync(folder.FullName, "build", "-c", "Release", "-nr:false", "-p:UseSharedCompilation=false", "--nologo", "-v", "q");
            exitCode.Should().Be(0, output);

            var config = Path.Combine(folder.FullName, "bin", "Release", "net10.0", "App.runtimeconfig.json");
            var configProperties = JsonNode.Parse(await File.ReadAllTextAsync(config))!["runtimeOptions"]!["configProperties"];
            var value = configProperties?[Option];
            if (expected is null)
            {
                value.Should().BeNull();
            }
            else
            {
                value!.GetValue<int>().Should().Be(expected.Value);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [PackagesFact]
    public void Package_CarriesTheTargetsForApplications()
    {
        using var package = Packages.Open("VendorScreen");
        var entry = package.GetEntry("buildTransitive/VendorScreen.targets");

        entry.Should().NotBeNull();
        using var reader = new StreamReader(entry!.Open());
        reader.ReadToEnd().Should().Be(File.ReadAllText(Path.Combine(Packages.RepositoryRoot(), "src", "VendorScreen", "buildTransitive", "VendorScreen.targets")));
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string folder, params string[] arguments)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
