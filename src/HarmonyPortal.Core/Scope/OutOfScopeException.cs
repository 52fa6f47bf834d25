namespace HarmonyPortal.Core.Scope;

/// <summary>Raised when a user names a record outside its scope; answered exactly like a missing record.</summary>
public sealed class OutOfScopeException(string message) : Exception(message)
{
    public OutOfScopeException()
        : this("The record is outside the user's scope or does not exist.")
    {
    }

    public OutOfScopeException(string message, Exception innerException)
        : this(message + " " + innerException.Message)
    {
    }
}
