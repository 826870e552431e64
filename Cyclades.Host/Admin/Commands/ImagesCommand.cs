using System.CommandLine;
using System.Text.RegularExpressions;
using Cyclades.Ec2Api.Actions.Images;
using Cyclades.Host.Admin.Output;
using Cyclades.Logic.Catalog;

namespace Cyclades.Host.Admin.Commands;

/// <summary><c>manage images add|list|deprecate</c>: AMI ids and the Ganeti OS, variant and OS parameters behind them.</summary>
public static partial class ImagesCommand
{
    private static readonly Column<Image>[] Columns =
    [
        new("Id", i => ImageIds.Of(i.Id)),
        new("Name", i => i.Name),
        new("Os", i => i.OsType),
        new("Os parameters", i => i.OsParameters, i => string.Join(",", i.OsParameters.Select(p => $"{p.Key}={p.Value}"))),
        new("Key parameter", i => i.KeyParameter),
        new("Origin", i => i.Origin),
        new("Deprecated", i => i.Deleted),
        new("Description", i => i.Description),
    ];

    public static Command Create(AdminSession session) =>
        new("images", "Images: the AMIs on offer (configured ones come from Cyclades:Images).")
        {
            Add(session),
            CommandShapes.ListWithAll(session, "List the images on offer.", "Also deprecated and retired images.",
                (all, ct) => session.Get<CatalogService>().ListImagesAsync(all, ct), Columns),
            CommandShapes.OnOne(session, "deprecate", "Stop offering an image added here; servers built from it are not affected.", "The AMI id.",
                (id, ct) => session.Get<CatalogAdministration>().DeprecateImageAsync(ImageNumbers.TryParse(id, out var number) ? number : 0, ct), Columns, "image-id"),
        };

    private static Command Add(AdminSession session)
    {
        var id = new Option<string?>("--id") { Description = "AMI id: ami- and 8 or 17 hex digits (default: the next free one)." };
        var name = new Option<string>("--name") { Description = "A short name.", Required = true };
        var os = new Option<string>("--os") { Description = "Ganeti OS with variant, e.g. snf-image+default.", Required = true };
        var parameters = new Option<string[]>("--os-parameter")
        {
            Description = "An OS parameter as name=value; repeat for more.",
            HelpName = "name=value",
            AllowMultipleArgumentsPerToken = false,
        };
        var keyParameter = new Option<string?>("--key-parameter") { Description = "The OS parameter that receives the key pair's public key." };
        var description = new Option<string?>("--description") { Description = "What the image installs." };
        var add = new Command("add", "Offer a new image. It survives restarts: the configuration sync leaves it alone.")
        {
            id, name, os, parameters, keyParameter, description,
        };
        session.Handle(add, async (parse, output, ct) =>
        {
            var imageId = parse.GetValue(id) ?? "";
            if (imageId.Length > 0 && !ImageIdPattern().IsMatch(imageId))
            {
                throw new AdminException($"'{imageId}' is not an AMI id: use ami- and 8 or 17 lower-case hex digits, e.g. ami-0a1b2c3d.");
            }
            var image = await session.Get<CatalogAdministration>().AddImageAsync(new ImageDefinition
            {
                Id = imageId,
                Name = parse.GetRequiredValue(name),
                Os = parse.GetRequiredValue(os),
                OsParameters = OsParameters(parse.GetValue(parameters) ?? []),
                KeyParameter = parse.GetValue(keyParameter),
                Description = parse.GetValue(description) ?? "",
            }, ct);
            output.Record(image, Columns);
            return 0;
        });
        return add;
    }

    private static Dictionary<string, string> OsParameters(IEnumerable<string> pairs)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=');
            if (equals < 1 || !parameters.TryAdd(pair[..equals], pair[(equals + 1)..]))
            {
                throw new AdminException($"--os-parameter '{pair}' must be name=value, each name once.");
            }
        }
        return parameters;
    }

    [GeneratedRegex("^ami-([0-9a-f]{8}|[0-9a-f]{17})$")]
    private static partial Regex ImageIdPattern();
}
