using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Features.Notifications;
using HarmonyPortal.Web.Features.Notifications.Email;
using HarmonyPortal.Web.Tests.Notifications;
using Microsoft.Extensions.Options;
using Xunit;
using static HarmonyPortal.Web.Tests.Nominations.NominationFlow;

namespace HarmonyPortal.Web.Tests.Security.Probe2;

/// <summary>
/// Issue 14, class "a line break in a reason never stops an email; subjects are cleaned": a return reason typed over
/// two lines reaches the clerk's mailbox with a one-line subject, text in a title cannot add a header or a recipient,
/// and a body keeps its lines.
/// </summary>
public abstract class EmailLineBreakTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : MailPortal
{
    private static readonly TimeSpan MailWait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task AReturnReasonOverTwoLines_ReachesTheClerk_WithAOneLineSubject()
    {
        portal.Clock.Set(2022, 7, 1);
        await portal.SetEmailAsync("xzxf.clerk", "xzxf.clerk@example.cn");
        using var clerk = await portal.SignedInClientAsync("xzxf.clerk");
        using var city = await portal.SignedInClientAsync("xz.reviewer");
        var id = await NominateAsync(clerk, GoldCategory.Coordinator, await LedgerRowAsync(clerk, GoldCategory.Coordinator, 2022, "忻府换行候选"));
        await AttestAllAsync(clerk, id);
        var sheet = await SheetAsync(portal, id);
        await DoneAsync(ActAsync(clerk, sheet.Id, "submit"));

        await DoneAsync(ActAsync(city, sheet.Id, "return", ("reason", "事迹材料不够具体\r\n请补充调处案件数量")));

        var mail = await portal.WaitForMailAsync(m => m.Subject.Contains("推荐表被退回", StringComparison.Ordinal), MailWait);
        Assert.Equal(["xzxf.clerk@example.cn"], mail.Recipients);
        Assert.Contains("推荐表被退回：事迹材料不够具体 请补充调处案件数量", mail.Subject);
        Assert.DoesNotContain('\r', mail.Subject);
        Assert.DoesNotContain('\n', mail.Subject);
    }

    [Fact]
    public async Task LineBreaksInATitle_AddNoHeaderAndNoRecipient_AndTheBodyKeepsItsLines()
    {
        const string address = "yyjs.clerk@example.cn";
        await portal.SetEmailAsync("yyjs.clerk", address);
        var marker = NotificationTestData.UniqueTitle("台账提醒");
        var title = marker + "\r\nBcc: intruder@evil.example\r\nX-Injected: yes\n\u2028\u202E结尾";

        await portal.NotifyAsync(NotificationTarget.Users(await portal.UserIdAsync("yyjs.clerk")), title,
            body: "退回原因：\n第 3 行联系电话缺失\r\n.\r\n第 5 行身份证号重复");

        var mail = await portal.WaitForMailAsync(m => m.Subject.StartsWith(marker, StringComparison.Ordinal), MailWait);
        Assert.Equal([address], mail.Recipients);
        Assert.Null(mail.Header("Bcc"));
        Assert.Null(mail.Header("X-Injected"));
        Assert.Equal(marker + " Bcc: intruder@evil.example X-Injected: yes 结尾", mail.Subject);
        Assert.Contains("退回原因：\r\n第 3 行联系电话缺失\r\n.\r\n第 5 行身份证号重复", mail.Body);
        Assert.DoesNotContain(portal.Smtp.Received, m => m.Recipients.Contains("intruder@evil.example"));
    }
}

public sealed class SqliteEmailLineBreakPortal() : MailPortal(DatabaseProvider.Sqlite, MailMode.Enabled);

public sealed class PostgresEmailLineBreakPortal() : MailPortal(DatabaseProvider.Postgres, MailMode.Enabled);

public sealed class SqliteEmailLineBreakTests(SqliteEmailLineBreakPortal portal) : EmailLineBreakTests<SqliteEmailLineBreakPortal>(portal);

public sealed class PostgresEmailLineBreakTests(PostgresEmailLineBreakPortal portal) : EmailLineBreakTests<PostgresEmailLineBreakPortal>(portal);

/// <summary>The sender alone against the fake SMTP server: a configured sender name over two lines still sends.</summary>
public sealed class EmailSenderNameTests : IAsyncDisposable
{
    private readonly FakeSmtpServer smtp = new();

    [Fact]
    public async Task ASenderNameAndSubjectWithLineBreaks_AreSentOnOneLineEach()
    {
        var transport = new MailKitEmailTransport(Options.Create(new SmtpOptions
        {
            Enabled = true, Host = "127.0.0.1", Port = smtp.Port, Tls = MailKit.Security.SecureSocketOptions.None, FromAddress = "noreply@harmony.example.cn",
            FromDisplayName = "协调劳动关系\r\nBcc: intruder@evil.example", TimeoutSeconds = 5,
        }));

        await using (var connection = await transport.ConnectAsync(CancellationToken.None))
        {
            await connection.SendAsync(new EmailMessage("clerk@example.cn", "推荐表被退回：材料不全\r\n请补充", "正文"), CancellationToken.None);
        }

        var mail = await smtp.WaitForAsync(_ => true, TimeSpan.FromSeconds(10));
        Assert.Equal(["clerk@example.cn"], mail.Recipients);
        Assert.Equal("推荐表被退回：材料不全 请补充", mail.Subject);
        // MailKit quotes the part of the name with a colon (RFC 5322 specials): the name is one quoted phrase, no header.
        Assert.Contains("协调劳动关系 Bcc: intruder@evil.example", SmtpMessage.DecodeWords(mail.Header("From")!).Replace("\"", "", StringComparison.Ordinal));
        Assert.Null(mail.Header("Bcc"));
    }

    [Theory]
    [InlineData("一行", "一行")]
    [InlineData("  两\r\n行\t\t文字  ", "两 行 文字")]
    [InlineData("零宽\u200B字符\u202E与\u0085控制\u0000符", "零宽字符与 控制 符")]
    public void HeaderText_IsOneCleanLine(string text, string expected) => Assert.Equal(expected, EmailHeaderText.Clean(text));

    [Fact]
    public void HeaderText_IsCappedWithoutSplittingASurrogatePair()
    {
        var cleaned = EmailHeaderText.Clean(string.Concat(Enumerable.Repeat("𠀀", 150)));
        Assert.InRange(cleaned.Length, EmailHeaderText.MaxLength - 1, EmailHeaderText.MaxLength);
        Assert.EndsWith("𠀀…", cleaned);
        Assert.Equal(cleaned, System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(cleaned))); // no lone surrogate
    }

    public ValueTask DisposeAsync() => smtp.DisposeAsync();
}
