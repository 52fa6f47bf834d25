using HarmonyPortal.Web.Features.Ledgers;
using Xunit;

namespace HarmonyPortal.Web.Tests.Ledgers;

/// <summary>
/// The import finds a person repeated in the file by the keyed hash of the ID number, kept as 32 bytes instead of its
/// text: two rows are the same person exactly when their hashes are equal, and other identities (credit codes, name
/// keys) compare as text.
/// </summary>
public sealed class ImportIdentityKeyTests
{
    private const string Hash = "6a879363f25996e783c50147e72d375e29322d5584cb38e96e6185c0e706c894";

    [Fact]
    public void EqualHashes_AreOneKey_AndAnyDifferentCharacter_IsAnother()
    {
        Assert.Equal(ImportIdentityKey.Of(Hash), ImportIdentityKey.Of(new string(Hash.AsSpan())));
        Assert.Null(ImportIdentityKey.Of(Hash).Text);
        for (var i = 0; i < Hash.Length; i++)
        {
            var other = Hash[..i] + (Hash[i] == '0' ? '1' : '0') + Hash[(i + 1)..];
            Assert.NotEqual(ImportIdentityKey.Of(Hash), ImportIdentityKey.Of(other));
        }
    }

    [Fact]
    public void OtherIdentities_CompareAsText()
    {
        var upper = Hash.ToUpperInvariant();
        Assert.Equal(upper, ImportIdentityKey.Of(upper).Text);
        Assert.NotEqual(ImportIdentityKey.Of(Hash), ImportIdentityKey.Of(upper));
        Assert.Equal(ImportIdentityKey.Of("91430602MA4L0XXXX1"), ImportIdentityKey.Of("91430602MA4L0XXXX1"));
        Assert.NotEqual(ImportIdentityKey.Of("name:岳阳市协会"), ImportIdentityKey.Of("name:岳阳市商会"));
        Assert.NotEqual(ImportIdentityKey.Of(Hash[..63] + "g"), ImportIdentityKey.Of(Hash[..63] + "0"));
    }
}
