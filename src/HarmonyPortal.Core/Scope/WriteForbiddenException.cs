namespace HarmonyPortal.Core.Scope;

/// <summary>Raised when a user may read a record but its role or region does not let it change it (403).</summary>
public sealed class WriteForbiddenException(string message) : Exception(message)
{
    public WriteForbiddenException()
        : this("The user may read but not change this record.")
    {
    }

    public WriteForbiddenException(string message, Exception innerException)
        : this(message + " " + innerException.Message)
    {
    }
}
