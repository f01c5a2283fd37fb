using System.Reflection;
using System.Runtime.CompilerServices;
using FluentAssertions;
using Mono.Cecil;
using Mono.Cecil.Cil;
using MethodAttributes = Mono.Cecil.MethodAttributes;
using TypeAttributes = Mono.Cecil.TypeAttributes;

namespace VendorScreen.Tests.Architecture;

public sealed class ArchitectureTests
{
    private static readonly Assembly Core = typeof(ScreeningResult).Assembly;

    [Fact]
    public void PublicModelTypes_HaveNoMutableProperties()
    {
        var offenders = Core.GetExportedTypes()
            .Where(t => !t.Name.EndsWith("Options", StringComparison.Ordinal) && !t.Name.EndsWith("Builder", StringComparison.Ordinal))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(p => p.SetMethod is { IsPublic: true } s && !s.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}");

        offenders.Should().BeEmpty();
    }

    [Fact]
    public void PublicExceptions_HaveTheStandardConstructors()
    {
        var exceptions = Core.GetExportedTypes().Where(t => typeof(Exception).IsAssignableFrom(t)).ToList();

        exceptions.Should().HaveCount(5);
        foreach (var type in exceptions)
        {
            type.GetConstructor(Type.EmptyTypes).Should().NotBeNull(type.Name);
            type.GetConstructor([typeof(string)]).Should().NotBeNull(type.Name);
            type.GetConstructor([typeof(string), typeof(Exception)]).Should().NotBeNull(type.Name);
        }
    }

    /// <summary>
    /// The exported types of each package are exactly the types its public API files declare (the analyzer checks members at
    /// build time; this checks the compiled assemblies the tests run against).
    /// </summary>
    [Theory]
    [InlineData("VendorScreen")]
    [InlineData("VendorScreen.Hosting")]
    [InlineData("VendorScreen.Storage.Sqlite")]
    [InlineData("VendorScreen.Storage.PostgreSql")]
    public void ExportedTypes_AreExactlyTheDeclaredPublicApi(string project)
    {
        var assembly = project switch
        {
            "VendorScreen" => Core,
            "VendorScreen.Storage.Sqlite" => typeof(SqliteScreeningStore).Assembly,
            "VendorScreen.Storage.PostgreSql" => typeof(PostgreSqlScreeningStore).Assembly,
            _ => typeof(VendorScreenHostingExtensions).Assembly,
        };
        var apiFolder = Path.Combine(RepositoryRoot(), "src", project, ".PublicAPI");
        var declared = Directory.EnumerateFiles(apiFolder, "PublicAPI.*.txt", SearchOption.AllDirectories)
            .SelectMany(File.ReadLines)
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#') && !line.Contains("->", StringComparison.Ordinal) && !line.Contains('('))
            .ToHashSet(StringComparer.Ordinal);

        var exported = assembly.GetExportedTypes().Select(t => t.FullName!.Replace('+', '.')).ToHashSet(StringComparer.Ordinal);

        declared.Should().NotBeEmpty();
        exported.Should().BeEquivalentTo(declared, $"src/{project}/.PublicAPI lists the public types");
    }

    /// <summary>
    /// The stages that implement the pipeline are internal: normalisation, the candidate index, the relation graph, the scorers
    /// and the per-format readers (every source namespace other than the remote sources). See "Public API" in
    /// docs/architecture.md.
    /// </summary>
    [Fact]
    public void ExportedTypes_IncludeNoPipelineInternals()
    {
        string[] publicNamespaces = ["VendorScreen", "VendorScreen.Matching", "VendorScreen.Policies", "VendorScreen.Screening", "VendorScreen.Sources", "VendorScreen.Sources.Remote"];
        string[] matchingPublic = ["NameMatchAlgorithm", "NameMatchAlgorithms", "NameMatchFeature"];

        var offenders = Core.GetExportedTypes()
            .Where(t => !publicNamespaces.Contains(t.Namespace)
                        || (t.Namespace == "VendorScreen.Matching" && !matchingPublic.Contains(t.Name))
                        || (t.Namespace == "VendorScreen.Screening" && t != typeof(global::VendorScreen.Screening.ScreeningDataset)))
            .Select(t => t.FullName);

        offenders.Should().BeEmpty();
    }

    /// <summary>
    /// The "never" arrows of DESIGN.md over the compiled core assembly: every type reference (signatures and IL) from one part
    /// to another must be allowed by <see cref="LayerRules"/>.
    /// </summary>
    [Fact]
    public void CoreAssembly_ReferencesFollowTheArrows()
    {
        var parts = SourceParts.Read(CoreSourceFolder());
        parts.Conflicts.Should().BeEmpty("every type name is declared in one part");
        using var module = ModuleDefinition.ReadModule(Core.Location);

        var unplaced = module.Types
            .Where(t => t.Namespace.StartsWith("VendorScreen", StringComparison.Ordinal) && !t.Name.StartsWith('<') && parts.PartOf(t.FullName) is null)
            .Select(t => t.FullName)
            .ToList();
        unplaced.Should().BeEmpty("every type of the core assembly is placed in a part, so none escapes the check");

        var violations = DependencyWalker.References(module, parts.PartOf)
            .Where(r => !LayerRules.Allows(r.FromPart, r.ToPart))
            .Select(r => r.ToString())
            .Order(StringComparer.Ordinal);

        string.Join(Environment.NewLine, violations).Should().BeEmpty("no part of the core library references a part the design puts after it");
    }

    /// <summary>The check sees a forbidden reference made only inside a method body, where a signature check would not look.</summary>
    [Fact]
    public void ArrowCheck_FailsOnAForbiddenReferenceInAMethodBody()
    {
        using var module = ModuleDefinition.CreateModule("Forbidden", ModuleKind.Dll);
        var objectType = module.TypeSystem.Object;
        var pipeline = new TypeDefinition("Fake.Screening", "Pipeline", TypeAttributes.Public | TypeAttributes.Class, objectType);
        var reader = new TypeDefinition("Fake.Sources", "Reader", TypeAttributes.Public | TypeAttributes.Class, objectType);
        var readerConstructor = new MethodDefinition(".ctor", MethodAttributes.Public | MethodAttributes.HideBySig | MethodAttributes.SpecialName | MethodAttributes.RTSpecialName, module.TypeSystem.Void);
        readerConstructor.Body.GetILProcessor().Emit(OpCodes.Ret);
        reader.Methods.Add(readerConstructor);
        var run = new MethodDefinition("Run", MethodAttributes.Public | MethodAttributes.Static, module.TypeSystem.Void);
        var il = run.Body.GetILProcessor();
        il.Emit(OpCodes.Newobj, readerConstructor);
        il.Emit(OpCodes.Pop);
        il.Emit(OpCodes.Ret);
        pipeline.Methods.Add(run);
        module.Types.Add(pipeline);
        module.Types.Add(reader);

        var references = DependencyWalker.References(module, name => name switch
        {
            "Fake.Screening.Pipeline" => "Screening",
            "Fake.Sources.Reader" => "Sources/Ofac",
            _ => null,
        });

        references.Should().ContainSingle().Which.Should().Be(new PartReference("Screening", "Fake.Screening.Pipeline", "Sources/Ofac", "Fake.Sources.Reader", "newobj in Pipeline.Run"));
        LayerRules.Allows("Screening", "Sources/Ofac").Should().BeFalse();
    }

    [Theory]
    [InlineData("Normalization", "Model", true)]
    [InlineData("Model", "Normalization", false)]
    [InlineData("Indexing", "Matching", false)]
    [InlineData("Matching", "Indexing", true)]
    [InlineData("Sources/Ofac", "Screening", false)]
    [InlineData("Screening", "Sources", false)]
    [InlineData("Sources/Ofac", "Sources/Lists", true)]
    [InlineData("Sources/Lists", "Sources/Ofac", false)]
    [InlineData("Sources/Ofac", "Sources/Un", false)]
    [InlineData("Sources", "Sources/Ofac", true)]
    [InlineData("Screening", "Hosting", false)]
    [InlineData("Hosting", "Sources/Ofac", true)]
    public void LayerRules_FollowTheDesign(string from, string to, bool allowed) => LayerRules.Allows(from, to).Should().Be(allowed);

    private static string RepositoryRoot() => Path.GetDirectoryName(Path.GetDirectoryName(CoreSourceFolder()))!;

    private static string CoreSourceFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VendorScreen.sln")))
            {
                return Path.Combine(dir.FullName, "src", "VendorScreen");
            }
        }

        throw new DirectoryNotFoundException($"VendorScreen.sln was not found above {AppContext.BaseDirectory}; the arrow check reads src/VendorScreen.");
    }
}
