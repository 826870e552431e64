using System.Diagnostics.Metrics;
using Cyclades.Logic.Diagnostics;

namespace Cyclades.Logic.Maintenance;

/// <summary>
/// The <c>reconciliation.findings</c> counter: what a reconciliation run found, by kind
/// (e.g. <c>commission_rejected</c>, <c>usage_drift</c>), whether or not it was asked to fix it.
/// </summary>
public sealed class ReconciliationMetrics(IMeterFactory? meters = null)
{
    private readonly Counter<long> _findings = LogicMeter.Create(meters).CreateCounter<long>(
        "reconciliation.findings", unit: "{finding}", description: "Differences found by reconciliation, by kind.");

    public void Found(string kind, int count = 1)
    {
        if (count > 0)
        {
            _findings.Add(count, new KeyValuePair<string, object?>("kind", kind));
        }
    }
}
