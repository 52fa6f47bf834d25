using System.Text.RegularExpressions;
using HarmonyPortal.TestSupport;
using Xunit;

namespace HarmonyPortal.Web.Tests.Architecture;

/// <summary>
/// The Web feature folders (Features/Ledgers, Features/Rules, …) may use one another, but never in a cycle: a folder a
/// reader opens must not need the folder that needs it. Domain services shared by several features live in Core (ADR
/// 0031). The scan reads the sources: a file of feature X uses feature Y when it names a type declared in Y through
/// a using of Y's namespace, a qualified name (Y.Type, Features.Y.…) or a fully qualified one.
/// </summary>
public sealed partial class FeatureDependencyTests
{
    private const string Prefix = "HarmonyPortal.Web.Features.";

    [Fact]
    public void WebFeatureFolders_DependOnEachOtherWithoutACycle()
    {
        var edges = FeatureEdges();
        var cycles = Cycles(edges.Keys.ToHashSet());

        Assert.True(cycles.Count == 0, "Web feature folders in a cycle:\n" + string.Join("\n", cycles.Select(c =>
            string.Join(" → ", c) + "\n" + string.Join("\n", edges.Where(e => c.Contains(e.Key.From) && c.Contains(e.Key.To))
                .Select(e => $"  {e.Key.From} → {e.Key.To}: {string.Join(", ", e.Value.Take(3))}")))));
    }

    [Fact]
    public void CycleFinder_ReportsAFolderPairThatUseEachOther()
    {
        HashSet<(string From, string To)> graph = [("Ledgers", "Rules"), ("Rules", "Nominations"), ("Nominations", "Ledgers"), ("Print", "Ledgers")];

        var cycle = Assert.Single(Cycles(graph));

        Assert.Equal("Ledgers,Nominations,Rules", string.Join(",", cycle.Order(StringComparer.Ordinal)));
        Assert.Empty(Cycles([("Print", "Ledgers"), ("Ledgers", "Rules")]));
    }

    /// <summary>Feature → feature, with the files that make each dependency.</summary>
    private static Dictionary<(string From, string To), List<string>> FeatureEdges()
    {
        var web = typeof(HarmonyPortal.Web.Infrastructure.FeatureViewLocationExpander).Assembly;
        var typesByNamespace = web.GetTypes()
            .Where(t => t.Namespace?.StartsWith(Prefix, StringComparison.Ordinal) == true && !t.Name.Contains('<'))
            .GroupBy(t => t.Namespace!)
            .ToDictionary(g => g.Key, g => g.Select(t => Regex.Replace(t.Name, "`.*$", "")).ToHashSet(StringComparer.Ordinal));
        var root = Path.Combine(TestPaths.RepositoryRoot(), "src", "HarmonyPortal.Web", "Features");
        Assert.True(Directory.Exists(root), $"sources not found at {root}");

        var edges = new Dictionary<(string, string), List<string>>();
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            var from = Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar)[0];
            var source = Comments().Replace(File.ReadAllText(file), "");
            var words = Words().Matches(source).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
            var imported = Usings().Matches(source).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
            foreach (var (ns, names) in typesByNamespace)
            {
                var to = ns[Prefix.Length..].Split('.')[0];
                if (to == from)
                {
                    continue;
                }

                var feature = Regex.Escape(to);
                var used = (imported.Contains(ns) && names.Overlaps(words))
                    || Regex.IsMatch(source, $@"Features\.{feature}\b")
                    || names.Any(n => Regex.IsMatch(source, $@"(?<![\w.]){feature}\.{n}\b"));
                if (used)
                {
                    (edges.TryGetValue((from, to), out var files) ? files : edges[(from, to)] = []).Add(Path.GetRelativePath(root, file));
                }
            }
        }

        return edges;
    }

    /// <summary>The strongly connected sets of more than one folder (Tarjan), each a cycle of dependencies.</summary>
    private static List<List<string>> Cycles(HashSet<(string From, string To)> edges)
    {
        var next = edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToList());
        var nodes = edges.SelectMany(e => new[] { e.From, e.To }).Distinct().Order(StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var result = new List<List<string>>();

        void Visit(string node)
        {
            var order = index.Count;
            index[node] = order;
            low[node] = order;
            stack.Push(node);
            foreach (var to in next.GetValueOrDefault(node) ?? [])
            {
                if (!index.TryGetValue(to, out var reached))
                {
                    Visit(to);
                    low[node] = Math.Min(low[node], low[to]);
                }
                else if (stack.Contains(to))
                {
                    low[node] = Math.Min(low[node], reached);
                }
            }

            if (low[node] == index[node])
            {
                var set = new List<string>();
                string popped;
                do
                {
                    popped = stack.Pop();
                    set.Add(popped);
                }
                while (popped != node);
                if (set.Count > 1)
                {
                    result.Add(set);
                }
            }
        }

        foreach (var node in nodes.Where(n => !index.ContainsKey(n)))
        {
            Visit(node);
        }

        return result;
    }

    [GeneratedRegex(@"//[^\n]*")]
    private static partial Regex Comments();

    [GeneratedRegex(@"\b[A-Z]\w*\b")]
    private static partial Regex Words();

    [GeneratedRegex(@"^using (HarmonyPortal\.Web\.Features\.[\w.]+);", RegexOptions.Multiline)]
    private static partial Regex Usings();
}
