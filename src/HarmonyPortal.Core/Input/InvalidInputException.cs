namespace HarmonyPortal.Core.Input;

/// <summary>
/// A value in the request (a query string, a hidden field, a select) outside its range: the portal answers 400
/// with <see cref="Exception.Message"/>, a Chinese sentence naming the field, instead of a default or a 500.
/// </summary>
public sealed class InvalidInputException : Exception
{
    public InvalidInputException()
        : base("请求中的参数无效")
    {
    }

    public InvalidInputException(string message)
        : base(message)
    {
    }

    public InvalidInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
