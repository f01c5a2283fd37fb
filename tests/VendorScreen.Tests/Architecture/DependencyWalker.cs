using System.Text.RegularExpressions;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace VendorScreen.Tests.Architecture;

/// <summary>One reference from a type of one part of the library to a type of another part, and where it was found.</summary>
internal sealed record PartReference(string FromPart, string FromType, string ToPart, string ToType, string Site)
{
    public override string ToString() => $"{FromPart} -> {ToPart}: {FromType} uses {ToType} ({Site})";
}

/// <summary>
/// Walks every type reference of a compiled module: base types, interfaces, attributes, signatures, generic
/// arguments and constraints, local variables, exception handlers and every IL instruction operand, so that a
/// reference made only inside a method body is seen as well as one in a signature. Compiler-generated types
/// (closures, iterators, async state machines) count as part of the type that declares them.
/// </summary>
internal static class DependencyWalker
{
    /// <summary>Lists every reference between different parts; <paramref name="partOf"/> maps a top-level type's full name to its part,
    /// or null for a type outside the checked code (another assembly, a compiler-generated top-level type).</summary>
    public static IReadOnlyList<PartReference> References(ModuleDefinition module, Func<string, string?> partOf)
    {
        var found = new List<PartReference>();
        var seen = new HashSet<(string, string, string)>();
        foreach (var type in module.GetTypes())
        {
            var owner = Outermost(type).FullName;
            var fromPart = partOf(owner);
            if (fromPart is null)
            {
                continue;
            }

            foreach (var (target, site) in ReferencesOf(type))
            {
                foreach (var referenced in Flatten(target))
                {
                    var toType = Outermost(referenced).FullName;
                    var toPart = partOf(toType);
                    if (toPart is null || toPart == fromPart || !seen.Add((owner, toType, site)))
                    {
                        continue;
                    }

                    found.Add(new PartReference(fromPart, owner, toPart, toType, site));
                }
            }
        }

        return found;
    }

    private static TypeReference Outermost(TypeReference type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type;
    }

    /// <summary>Yields the named types inside a type reference: the element of an array, pointer or by-ref, a generic type and its arguments.</summary>
    private static IEnumerable<TypeReference> Flatten(TypeReference? type)
    {
        if (type is null || type is GenericParameter)
        {
            yield break;
        }

        switch (type)
        {
            case GenericInstanceType generic:
                foreach (var inner in Flatten(generic.ElementType))
                {
                    yield return inner;
                }

                foreach (var argument in generic.GenericArguments)
                {
                    foreach (var inner in Flatten(argument))
                    {
                        yield return inner;
                    }
                }

                break;
            case TypeSpecification specification:
                foreach (var inner in Flatten(specification.ElementType))
                {
                    yield return inner;
                }

                break;
            default:
                yield return type;
                break;
        }
    }

    private static IEnumerable<(TypeReference Type, string Site)> ReferencesOf(TypeDefinition type)
    {
        if (type.BaseType is not null)
        {
            yield return (type.BaseType, "base type");
        }

        foreach (var implemented in type.Interfaces)
        {
            yield return (implemented.InterfaceType, "interface");
        }

        foreach (var item in Attributes(type, type.FullName))
        {
            yield return item;
        }

        foreach (var item in Constraints(type, type.FullName))
        {
            yield return item;
        }

        foreach (var field in type.Fields)
        {
            yield return (field.FieldType, $"field {field.Name}");
            foreach (var item in Attributes(field, $"field {field.Name}"))
            {
                yield return item;
            }
        }

        foreach (var property in type.Properties)
        {
            yield return (property.PropertyType, $"property {property.Name}");
            foreach (var item in Attributes(property, $"property {property.Name}"))
            {
                yield return item;
            }
        }

        foreach (var @event in type.Events)
        {
            yield return (@event.EventType, $"event {@event.Name}");
        }

        foreach (var method in type.Methods)
        {
            foreach (var item in MethodReferences(method))
            {
                yield return item;
            }
        }
    }

    private static IEnumerable<(TypeReference Type, string Site)> MethodReferences(MethodDefinition method)
    {
        var site = $"{method.DeclaringType.Name}.{method.Name}";
        yield return (method.ReturnType, $"return type of {site}");
        foreach (var parameter in method.Parameters)
        {
            yield return (parameter.ParameterType, $"parameter of {site}");
        }

        foreach (var item in Attributes(method, site))
        {
            yield return item;
        }

        foreach (var item in Constraints(method, site))
        {
            yield return item;
        }

        foreach (var overridden in method.Overrides)
        {
            yield return (overridden.DeclaringType, $"override in {site}");
        }

        if (!method.HasBody)
        {
            yield break;
        }

        foreach (var variable in method.Body.Variables)
        {
            yield return (variable.VariableType, $"local of {site}");
        }

        foreach (var handler in method.Body.ExceptionHandlers)
        {
            if (handler.CatchType is not null)
            {
                yield return (handler.CatchType, $"catch in {site}");
            }
        }

        foreach (var instruction in method.Body.Instructions)
        {
            foreach (var item in OperandReferences(instruction, site))
            {
                yield return item;
            }
        }
    }

    private static IEnumerable<(TypeReference Type, string Site)> OperandReferences(Instruction instruction, string site)
    {
        var where = $"{instruction.OpCode.Name} in {site}";
        switch (instruction.Operand)
        {
            case TypeReference type:
                yield return (type, where);
                break;
            case MethodReference called:
                yield return (called.DeclaringType, where);
                yield return (called.ReturnType, where);
                foreach (var parameter in called.Parameters)
                {
                    yield return (parameter.ParameterType, where);
                }

                if (called is GenericInstanceMethod generic)
                {
                    foreach (var argument in generic.GenericArguments)
                    {
                        yield return (argument, where);
                    }
                }

                break;
            case FieldReference field:
                yield return (field.DeclaringType, where);
                yield return (field.FieldType, where);
                break;
            case CallSite callSite:
                yield return (callSite.ReturnType, where);
                foreach (var parameter in callSite.Parameters)
                {
                    yield return (parameter.ParameterType, where);
                }

                break;
        }
    }

    private static IEnumerable<(TypeReference Type, string Site)> Attributes(ICustomAttributeProvider provider, string site)
    {
        foreach (var attribute in provider.CustomAttributes)
        {
            yield return (attribute.AttributeType, $"attribute on {site}");
            foreach (var argument in attribute.ConstructorArguments.Concat(attribute.Properties.Select(p => p.Argument)))
            {
                if (argument.Value is TypeReference typeArgument)
                {
                    yield return (typeArgument, $"typeof in attribute on {site}");
                }
            }
        }
    }

    private static IEnumerable<(TypeReference Type, string Site)> Constraints(IGenericParameterProvider provider, string site)
    {
        foreach (var parameter in provider.GenericParameters)
        {
            foreach (var constraint in parameter.Constraints)
            {
                yield return (constraint.ConstraintType, $"constraint in {site}");
            }
        }
    }
}

/// <summary>
/// Places each type of the core library in its part: the folder of <c>src/VendorScreen</c> that declares it (a list's folder
/// under <c>Sources/</c> is a part of its own). Read from the source files, because namespaces do not follow folders for the
/// types users see (they live in the root namespace).
/// </summary>
internal sealed partial class SourceParts
{
    private readonly Dictionary<string, string> _partByType;

    private SourceParts(Dictionary<string, string> partByType, IReadOnlyList<string> conflicts)
    {
        _partByType = partByType;
        Conflicts = conflicts;
    }

    /// <summary>Gets type names declared in two parts (the map cannot place them, so the check must fail).</summary>
    public IReadOnlyList<string> Conflicts { get; }

    public int Count => _partByType.Count;

    public string? PartOf(string fullName)
    {
        var tick = fullName.IndexOf('`', StringComparison.Ordinal);
        return _partByType.GetValueOrDefault(tick < 0 ? fullName : fullName[..tick]);
    }

    public static SourceParts Read(string sourceRoot)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var conflicts = new List<string>();
        foreach (var file in Directory.EnumerateFiles(sourceRoot, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(sourceRoot, file).Replace('\\', '/');
            if (relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal))
            {
                continue;
            }

            var part = PartOfPath(relative);
            var text = StripComments(File.ReadAllText(file));
            var ns = FileScopedNamespace().Match(text) is { Success: true } m ? m.Groups[1].Value : string.Empty;
            foreach (Match declaration in TypeDeclaration().Matches(text).Concat(DelegateDeclaration().Matches(text)))
            {
                var name = (ns.Length == 0 ? string.Empty : ns + ".") + declaration.Groups["name"].Value;
                if (map.TryGetValue(name, out var existing) && existing != part)
                {
                    conflicts.Add($"{name}: {existing} and {part}");
                }

                map[name] = part;
            }
        }

        return new SourceParts(map, conflicts);
    }

    /// <summary>The part of a file: its first folder, or <c>Sources/&lt;folder&gt;</c> for a list's folder; a file at the root is part "(root)".</summary>
    public static string PartOfPath(string relative)
    {
        var segments = relative.Split('/');
        if (segments.Length == 1)
        {
            return "(root)";
        }

        if (segments[0] == "Sources" && segments.Length > 2)
        {
            return $"Sources/{segments[1]}";
        }

        return segments[0];
    }

    private static string StripComments(string text) => LineComment().Replace(BlockComment().Replace(text, " "), string.Empty);

    [GeneratedRegex(@"^\s*namespace\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex FileScopedNamespace();

    [GeneratedRegex(@"\b(?:class|struct|interface|enum|record(?:\s+class|\s+struct)?)\s+(?<name>[A-Za-z_]\w*)")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"\bdelegate\s+[\w<>\[\]?,. ]+?\s(?<name>[A-Za-z_]\w*)\s*(?:<[^>]*>)?\s*\(")]
    private static partial Regex DelegateDeclaration();

    [GeneratedRegex(@"//.*$", RegexOptions.Multiline)]
    private static partial Regex LineComment();

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex BlockComment();
}
