using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace HarmonyPortal.TestSupport;

/// <summary>
/// A minimal SMTP server on a loopback port (EHLO/HELO, MAIL FROM, RCPT TO, DATA, RSET, NOOP, QUIT)
/// that keeps every message it is given. No TLS, no authentication: for tests only.
/// </summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Channel<SmtpMessage> arrivals = Channel.CreateUnbounded<SmtpMessage>();
    private readonly List<SmtpMessage> received = [];
    private readonly Task acceptLoop;

    public FakeSmtpServer()
    {
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        acceptLoop = AcceptAsync();
    }

    public int Port { get; }

    public IReadOnlyList<SmtpMessage> Received
    {
        get
        {
            lock (received)
            {
                return received.ToList();
            }
        }
    }

    /// <summary>The first message, in arrival order, that matches; fails after <paramref name="timeout"/>.</summary>
    public async Task<SmtpMessage> WaitForAsync(Func<SmtpMessage, bool> match, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            var already = Received.FirstOrDefault(match);
            if (already is not null)
            {
                return already;
            }

            while (true)
            {
                var message = await arrivals.Reader.ReadAsync(cts.Token);
                if (match(message))
                {
                    return message;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No matching email within {timeout}; received {Received.Count}.");
        }
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.UTF8);
                await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220 localhost fake SMTP");
                string? from = null;
                var to = new List<string>();
                while (await reader.ReadLineAsync(stop.Token) is { } line)
                {
                    var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                    if (verb is "EHLO" or "HELO")
                    {
                        await writer.WriteLineAsync("250 localhost");
                    }
                    else if (line.StartsWith("MAIL FROM:", StringComparison.OrdinalIgnoreCase))
                    {
                        (from, to) = (Address(line[10..]), []);
                        await writer.WriteLineAsync("250 OK");
                    }
                    else if (line.StartsWith("RCPT TO:", StringComparison.OrdinalIgnoreCase))
                    {
                        to.Add(Address(line[8..]));
                        await writer.WriteLineAsync("250 OK");
                    }
                    else if (verb == "DATA")
                    {
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(stop.Token) is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        }

                        var message = new SmtpMessage(from ?? "", to.ToList(), data.ToString());
                        lock (received)
                        {
                            received.Add(message);
                        }

                        arrivals.Writer.TryWrite(message);
                        await writer.WriteLineAsync("250 OK: queued");
                    }
                    else if (verb is "RSET" or "NOOP")
                    {
                        await writer.WriteLineAsync("250 OK");
                    }
                    else if (verb == "QUIT")
                    {
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    }
                    else
                    {
                        await writer.WriteLineAsync("502 Command not implemented");
                    }
                }
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                // Server stopping.
            }
            catch (IOException)
            {
                // Client went away.
            }
        }
    }

    private static string Address(string argument)
    {
        var text = argument.Trim();
        var end = text.IndexOf('>', StringComparison.Ordinal);
        return text.StartsWith('<') && end > 0 ? text[1..end] : text.Split(' ')[0];
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await acceptLoop;
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }
}
