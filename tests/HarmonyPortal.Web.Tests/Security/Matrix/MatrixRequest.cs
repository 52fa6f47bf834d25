using System.Net.Http.Headers;
using HarmonyPortal.TestSupport;

namespace HarmonyPortal.Web.Tests.Security.Matrix;

/// <summary>One request of the matrix: a GET, a form POST, or a multipart POST carrying a file.</summary>
public sealed record MatrixRequest(string Method, string Url, (string, string)[] Form, byte[]? File = null)
{
    public static MatrixRequest Get(string url) => new("GET", url, []);

    public static MatrixRequest Post(string url, params (string, string)[] form) => new("POST", url, form);

    public static MatrixRequest Upload(string url, byte[] file, string fileName, params (string, string)[] form) =>
        new("POST", url, [.. form, ("__file", fileName)], file);

    public Task<HttpResponseMessage> SendAsync(PortalClient client, string token)
    {
        if (Method == "GET")
        {
            return client.Http.GetAsync(Url);
        }

        if (File is null)
        {
            return client.PostAsync(Url, token, Form);
        }

        var fileName = Form.Single(f => f.Item1 == "__file").Item2;
        return client.Http.PostAsync(Url, Multipart(token, File, fileName, Form.Where(f => f.Item1 != "__file").ToArray()));
    }

    public static MultipartFormDataContent Multipart(string token, byte[] bytes, string fileName, params (string Key, string Value)[] fields)
    {
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (key, value) in fields)
        {
            form.Add(new StringContent(value), key);
        }

        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("application/octet-stream");
        form.Add(file, "file", fileName);
        return form;
    }

    public override string ToString() => $"{Method} {Url}";
}
