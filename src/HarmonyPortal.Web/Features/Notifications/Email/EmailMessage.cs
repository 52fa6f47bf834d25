namespace HarmonyPortal.Web.Features.Notifications.Email;

/// <summary>One plain-text email waiting to be sent; <see cref="Attempt"/> counts from 1.</summary>
public sealed record EmailMessage(string To, string Subject, string Body, int Attempt = 1);
