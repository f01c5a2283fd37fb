using System.Reflection;
using System.Runtime.CompilerServices;
using FluentAssertions;

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

        exceptions.Should().HaveCount(3);
        foreach (var type in exceptions)
        {
            type.GetConstructor(Type.EmptyTypes).Should().NotBeNull(type.Name);
            type.GetConstructor([typeof(string)]).Should().NotBeNull(type.Name);
            type.GetConstructor([typeof(string), typeof(Exception)]).Should().NotBeNull(type.Name);
        }
    }

    [Theory]
    [InlineData("VendorScreen.Normalization", new[] { "VendorScreen.Indexing", "VendorScreen.Matching", "VendorScreen.Graph", "VendorScreen.Policies", "VendorScreen.Screening", "VendorScreen.Sources" })]
    [InlineData("VendorScreen.Matching", new[] { "VendorScreen.Indexing", "VendorScreen.Graph", "VendorScreen.Policies", "VendorScreen.Screening", "VendorScreen.Sources" })]
    [InlineData("VendorScreen.Graph", new[] { "VendorScreen.Policies", "VendorScreen.Screening", "VendorScreen.Sources" })]
    [InlineData("VendorScreen.Policies", new[] { "VendorScreen.Screening", "VendorScreen.Sources" })]
    public void Stages_NeverReferenceLaterStages(string stage, string[] later)
    {
        var types = Core.GetTypes().Where(t => t.Namespace == stage).ToList();
        var referenced = types
            .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .SelectMany(ReferencedTypes)
            .Where(t => t?.Namespace is not null)
            .Select(t => t!.Namespace!)
            .Distinct();

        types.Should().NotBeEmpty();
        referenced.Should().NotContain(later);
    }

    private static IEnumerable<Type?> ReferencedTypes(MemberInfo member) => member switch
    {
        FieldInfo f => [f.FieldType],
        PropertyInfo p => [p.PropertyType],
        MethodInfo m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType),
        ConstructorInfo c => c.GetParameters().Select(p => p.ParameterType),
        _ => [],
    };
}
