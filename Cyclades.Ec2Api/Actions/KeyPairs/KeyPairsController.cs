using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Errors;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Logic.KeyPairs;
using Cyclades.Logic.Tags;

namespace Cyclades.Ec2Api.Actions.KeyPairs;

/// <summary>The caller's SSH key pairs; another user's key pair is as unknown as one that never was.</summary>
public sealed class KeyPairsController(KeyPairService keyPairs, TagService tags) : Ec2Controller
{
    [Ec2Action("CreateKeyPair")]
    public async Task<CreateKeyPairResponse> CreateKeyPair(CreateKeyPairRequest request, CancellationToken cancellationToken)
    {
        var type = request.KeyType == "ed25519" ? KeyType.Ed25519 : KeyType.Rsa;
        var format = request.KeyFormat == "ppk" ? PrivateKeyFormat.Ppk : PrivateKeyFormat.Pem;
        var keyTags = TagRules.TagsOf(request.TagSpecifications);
        var created = await keyPairs.CreateAsync(Caller.LogicUserId(), request.KeyName, type, format, keyTags, cancellationToken);
        return new CreateKeyPairResponse
        {
            KeyPairId = KeyPairIds.Of(created.KeyPair.Id),
            KeyName = created.KeyPair.Name,
            KeyFingerprint = created.KeyPair.Fingerprint,
            KeyMaterial = created.PrivateKey,
            Tags = TagItem.From(keyTags),
        };
    }

    [Ec2Action("ImportKeyPair")]
    public async Task<ImportKeyPairResponse> ImportKeyPair(ImportKeyPairRequest request, CancellationToken cancellationToken)
    {
        var keyTags = TagRules.TagsOf(request.TagSpecifications);
        var keyPair = await keyPairs.ImportAsync(Caller.LogicUserId(), request.KeyName, request.PublicKeyMaterial, keyTags, cancellationToken);
        return new ImportKeyPairResponse
        {
            KeyFingerprint = keyPair.Fingerprint,
            KeyName = keyPair.Name,
            KeyPairId = KeyPairIds.Of(keyPair.Id),
            Tags = TagItem.From(keyTags),
        };
    }

    [Ec2Action("DescribeKeyPairs")]
    public async Task<DescribeKeyPairsResponse> DescribeKeyPairs(DescribeKeyPairsRequest request, CancellationToken cancellationToken)
    {
        var all = await keyPairs.ListAsync(Caller.LogicUserId(), cancellationToken);
        if (request.KeyNames.FirstOrDefault(name => all.All(k => k.Name != name)) is { } unknownName)
        {
            throw Ec2Errors.InvalidKeyPairNotFound(unknownName);
        }
        if (request.KeyPairIds.FirstOrDefault(id => all.All(k => KeyPairIds.Of(k.Id) != id)) is { } unknownId)
        {
            throw Ec2Errors.InvalidKeyPairNotFound(unknownId);
        }
        var keyTags = await tags.ListForAsync(Caller.LogicUserId(), TaggedResourceType.KeyPair,
            all.Select(k => KeyPairService.ResourceOf(k.Id).Id).ToList(), cancellationToken);
        var items = all
            .Where(k => request.KeyNames.Count == 0 || request.KeyNames.Contains(k.Name))
            .Where(k => request.KeyPairIds.Count == 0 || request.KeyPairIds.Contains(KeyPairIds.Of(k.Id)))
            .Select(k => KeyPairItem.From(k, keyTags[KeyPairService.ResourceOf(k.Id).Id], request.IncludePublicKey));
        return new DescribeKeyPairsResponse { KeyPairs = TagFilters.Apply(KeyPairFilters.Set, items, request.Filters, k => k.Tags).ToList() };
    }

    [Ec2Action("DeleteKeyPair")]
    public async Task<DeleteKeyPairResponse> DeleteKeyPair(DeleteKeyPairRequest request, CancellationToken cancellationToken)
    {
        long? id = null;
        if (request.KeyPairId is { } keyPairId)
        {
            id = KeyPairIds.TryParse(keyPairId, out var parsed) ? parsed : -1;
        }
        var deleted = await keyPairs.DeleteAsync(Caller.LogicUserId(), request.KeyName, id, cancellationToken);
        return new DeleteKeyPairResponse { KeyPairId = deleted is null ? null : KeyPairIds.Of(deleted.Id) };
    }
}
