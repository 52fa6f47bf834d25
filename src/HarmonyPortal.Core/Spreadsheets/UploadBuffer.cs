using System.Buffers;

namespace HarmonyPortal.Core.Spreadsheets;

/// <summary>
/// Reads an upload into memory, refusing it as soon as it passes the size limit. Both readers need a seekable
/// stream and uploads are small (10 MB by default), so one bounded copy is simpler and safer than temporary files.
/// </summary>
internal static class UploadBuffer
{
    public static MemoryStream Read(Stream input, long maxBytes)
    {
        long? known = null;
        if (input.CanSeek)
        {
            known = Math.Max(0, input.Length - input.Position);
            if (known > maxBytes)
            {
                throw new SpreadsheetRejectedException(SpreadsheetMessages.TooLarge(known, maxBytes));
            }
        }

        var copy = new MemoryStream(known is { } k ? (int)k : 64 * 1024);
        var buffer = ArrayPool<byte>.Shared.Rent(81_920);
        try
        {
            int read;
            while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (copy.Length + read > maxBytes)
                {
                    throw new SpreadsheetRejectedException(SpreadsheetMessages.TooLarge(null, maxBytes));
                }

                copy.Write(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        copy.Position = 0;
        return copy;
    }
}
