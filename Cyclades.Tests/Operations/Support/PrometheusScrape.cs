using System.Globalization;
using System.Text.RegularExpressions;

namespace Cyclades.Tests.Operations.Support;

/// <summary>One scrape of <c>/metrics</c> (the Prometheus text format), read back by metric name and labels.</summary>
public sealed partial class PrometheusScrape
{
    private readonly List<(string Name, Dictionary<string, string> Labels, double Value)> _samples;

    private PrometheusScrape(string text, List<(string, Dictionary<string, string>, double)> samples)
    {
        Text = text;
        _samples = samples;
    }

    public string Text { get; }

    public static async Task<PrometheusScrape> ReadAsync(HttpClient http, Uri endpoint)
    {
        using var response = await http.GetAsync(new Uri(endpoint, "/metrics"));
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
        var text = await response.Content.ReadAsStringAsync();
        var samples = text.Split('\n')
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => SamplePattern().Match(line))
            .Where(match => match.Success)
            .Select(match => (
                match.Groups["name"].Value,
                LabelPattern().Matches(match.Groups["labels"].Value).ToDictionary(l => l.Groups[1].Value, l => l.Groups[2].Value),
                double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture)))
            .ToList();
        return new PrometheusScrape(text, samples);
    }

    /// <summary>The sum over the samples of <paramref name="name"/> whose labels include <paramref name="labels"/>.</summary>
    public double Sum(string name, params (string Name, string Value)[] labels) =>
        _samples.Where(s => s.Name == name && labels.All(l => s.Labels.GetValueOrDefault(l.Name) == l.Value)).Sum(s => s.Value);

    public bool Has(string name) => _samples.Any(s => s.Name == name);

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)")]
    private static partial Regex SamplePattern();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPattern();
}
