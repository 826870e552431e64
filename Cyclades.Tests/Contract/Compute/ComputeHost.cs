using System.Globalization;
using Cyclades.Logic.Accounts;
using Cyclades.Logic.Persistence;
using Cyclades.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Cyclades.Tests.Contract.Compute;

/// <summary>The real host on the simulated cluster, with jobs fast enough that states settle in well under a second.</summary>
public static class ComputeHost
{
    public const string Image = "ami-00000001";
    public const string FailingImage = "ami-00000003";
    public const string Type = "t2.micro";

    public static Task<Ec2ApiHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var all = new Dictionary<string, string?>
        {
            ["Cyclades:Ganeti:Simulator:JobLatencyMs"] = "20",
            ["Cyclades:Ganeti:Simulator:NodeMemoryMiB"] = "1048576",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        return Ec2ApiHost.StartAsync(all, provider: provider);
    }

    /// <summary>The user's id as the logic core knows it (to set quotas, look at tags …).</summary>
    public static async Task<string> LogicUserIdAsync(this Ec2ApiHost host, TestUser user) =>
        (await host.Services.GetRequiredService<IAccountService>().FindUserAsync(user.Name))!.Id.ToString(CultureInfo.InvariantCulture);
}
