using System.Buffers.Binary;

namespace HarmonyPortal.TestSupport;

/// <summary>Reads the iteration count out of an ASP.NET Core Identity V3 password hash.</summary>
public static class PasswordHashFormat
{
    public static int Iterations(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        if (bytes[0] != 0x01)
        {
            throw new FormatException("Not an Identity V3 (PBKDF2) hash.");
        }

        // Layout: format marker (1), PRF (4), iteration count (4), salt length (4), salt, subkey; big-endian.
        return (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4));
    }
}
