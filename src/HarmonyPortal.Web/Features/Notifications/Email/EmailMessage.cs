namespace HarmonyPortal.Web.Features.Notifications.Email;

/// <summary>One plain-text email: what the outbox stores and the transport sends.</summary>
public sealed record EmailMessage(string To, string Subject, string Body);
