// Usage: dotnet run -c Release --project tools/mail-throughput [messages]
// Sends the same plain-text Chinese message N times to an in-process SMTP server on 127.0.0.1 (the tests' FakeSmtpServer),
// three ways, in one process: System.Net.Mail with a connection per message (the removed SmtpEmailSender), MailKit with a
// connection per message, and MailKit with one connection per batch of 20 (EmailOutboxSender's default BatchSize).
using System.Diagnostics;
using System.Globalization;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Features.Notifications.Email;
using Microsoft.Extensions.Options;

var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
await using var smtp = new FakeSmtpServer();
var options = new SmtpOptions
{
    Enabled = true, Host = "127.0.0.1", Port = smtp.Port, Tls = MailKit.Security.SecureSocketOptions.None, FromAddress = "noreply@harmony.example.cn",
};
var transport = new MailKitEmailTransport(Options.Create(options));
var message = new EmailMessage("clerk@example.cn", "推荐表被退回：事迹材料不够具体", "退回原因：\n第 3 行联系电话缺失\n\n查看详情：https://harmony.example.cn/nominations/sheets/1\n");

async Task<double> TimeAsync(Func<int, Task> send)
{
    await send(0); // warm-up
    var watch = Stopwatch.StartNew();
    for (var i = 0; i < count; i++)
    {
        await send(i);
    }

    return count / watch.Elapsed.TotalSeconds;
}

#pragma warning disable CA2000 // disposed in the lambda
var systemNetMail = await TimeAsync(async _ =>
{
    using var client = new System.Net.Mail.SmtpClient(options.Host, options.Port) { EnableSsl = false };
    using var mail = new System.Net.Mail.MailMessage("noreply@harmony.example.cn", message.To, message.Subject, message.Body)
    {
        SubjectEncoding = System.Text.Encoding.UTF8, BodyEncoding = System.Text.Encoding.UTF8, BodyTransferEncoding = System.Net.Mime.TransferEncoding.Base64,
    };
    await client.SendMailAsync(mail);
});
#pragma warning restore CA2000
var mailKitEach = await TimeAsync(async _ =>
{
    await using var connection = await transport.ConnectAsync(default);
    await connection.SendAsync(message, default);
});
IEmailConnection? batch = null;
var mailKitBatch = await TimeAsync(async i =>
{
    if (i % options.BatchSize == 0 && batch is not null)
    {
        await batch.DisposeAsync();
        batch = null;
    }

    batch ??= await transport.ConnectAsync(default);
    await batch.SendAsync(message, default);
});
if (batch is not null)
{
    await batch.DisposeAsync();
}

Console.WriteLine($"messages: {count} each way; received: {smtp.Received.Count}");
Console.WriteLine($"System.Net.Mail, connection per message: {systemNetMail:F0} msg/s (baseline)");
Console.WriteLine($"MailKit, connection per message:         {mailKitEach:F0} msg/s ({mailKitEach / systemNetMail:F2}x)");
Console.WriteLine($"MailKit, one connection per {options.BatchSize}:       {mailKitBatch:F0} msg/s ({mailKitBatch / systemNetMail:F2}x)");
