namespace HarmonyPortal.Web.Infrastructure;

/// <summary>
/// A constant text answer through the portal's whole pipeline (headers, logging, routing, authorization), mapped only
/// when <c>Bench:PlaintextEndpoint</c> is true: the same server's floor for the ledger-list benchmark (bench/run.sh).
/// </summary>
public static class BenchPlaintext
{
    public const string Setting = "Bench:PlaintextEndpoint";
    public const string Path = "/bench/plaintext";
    public const string Body = "Hello, World!";
}
