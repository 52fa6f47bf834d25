using System.Text;
using HarmonyPortal.Core.PersonalData;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;
using Xunit;

namespace HarmonyPortal.Core.Tests.PersonalData;

/// <summary>
/// The 国密 primitives the portal seals ID numbers with (ADR 0022) give the standards' own example results:
/// GB/T 32907-2016 (SM4) appendix A, GB/T 32905-2016 (SM3) appendix A, RFC 8998 appendix A.1 (SM4-GCM), and the
/// portal's HMAC-SM3 equals RFC 2104's construction computed here from SM3 by hand.
/// </summary>
public sealed class GuomiVectorTests
{
    private static readonly byte[] Sm4Key = Convert.FromHexString("0123456789abcdeffedcba9876543210");

    [Fact]
    public void Sm4_EncryptsTheStandardsExampleBlock()
    {
        var engine = new SM4Engine();
        engine.Init(true, new KeyParameter(Sm4Key));
        var block = new byte[16];

        engine.ProcessBlock(Sm4Key, 0, block, 0);

        Assert.Equal("681edf34d206965e86b3e94f536e4246", Convert.ToHexStringLower(block));
    }

    [Fact]
    public void Sm4_EncryptingTheExampleAMillionTimes_GivesTheStandardsSecondResult()
    {
        var engine = new SM4Engine();
        engine.Init(true, new KeyParameter(Sm4Key));
        var block = (byte[])Sm4Key.Clone();

        for (var i = 0; i < 1_000_000; i++)
        {
            engine.ProcessBlock(block, 0, block, 0);
        }

        Assert.Equal("595298c7c6fd271f0402f804c33d3f66", Convert.ToHexStringLower(block));
    }

    [Theory]
    [InlineData("abc", "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0")]
    [InlineData("abcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcd", "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732")]
    public void Sm3_HashesTheStandardsExamples(string message, string expected)
    {
        Assert.Equal(expected, Convert.ToHexStringLower(Sm3(Encoding.ASCII.GetBytes(message))));
    }

    [Fact]
    public void Sm4Gcm_SealsRfc8998sExample()
    {
        var gcm = new GcmBlockCipher(new SM4Engine());
        gcm.Init(true, new AeadParameters(new KeyParameter(Sm4Key), 128, Convert.FromHexString("00001234567800000000ABCD"),
            Convert.FromHexString("FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2")));
        var plain = Convert.FromHexString(
            "AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBBCCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDDEEEEEEEEEEEEEEEEFFFFFFFFFFFFFFFFEEEEEEEEEEEEEEEEAAAAAAAAAAAAAAAA");
        var output = new byte[gcm.GetOutputSize(plain.Length)];

        var written = gcm.ProcessBytes(plain, 0, plain.Length, output, 0);
        gcm.DoFinal(output, written);

        Assert.Equal(
            "17F399F08C67D5EE19D0DC9969C4BB7D5FD46FD3756489069157B282BB200735D82710CA5C22F0CCFA7CBF93D496AC15A56834CBCF98C397B4024A2691233B8D"
            + "83DE3541E4C2B58177E065A9BF7B62EC",
            Convert.ToHexString(output));
    }

    [Fact]
    public void HmacSm3_IsRfc2104OverSm3()
    {
        var key = Enumerable.Range(1, 40).Select(i => (byte)i).ToArray();
        var message = Encoding.ASCII.GetBytes("11010519491231002X");
        var padded = new byte[64];
        key.CopyTo(padded, 0);

        var inner = Sm3([.. padded.Select(b => (byte)(b ^ 0x36)), .. message]);
        var expected = Sm3([.. padded.Select(b => (byte)(b ^ 0x5c)), .. inner]);

        Assert.Equal(Convert.ToHexStringLower(expected), Convert.ToHexStringLower(IdNumberHasher.Sm3Mac(key, message)));
    }

    private static byte[] Sm3(byte[] message)
    {
        var digest = new SM3Digest();
        digest.BlockUpdate(message, 0, message.Length);
        var result = new byte[32];
        digest.DoFinal(result, 0);
        return result;
    }
}
