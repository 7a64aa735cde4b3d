using System.Threading.Channels;

namespace BlackJanuary.Testing;

/// <summary>A Server-Sent Events client, reading the stream as a browser's EventSource does.</summary>
public sealed class ServerEvents : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<(string Name, string Data)> _events = Channel.CreateUnbounded<(string, string)>();
    private readonly Task _reading;

    private ServerEvents(HttpClient client, Uri address) => _reading = ReadAsync(client, address);

    public static ServerEvents Open(HttpClient client, Uri address) => new(client, address);

    private async Task ReadAsync(HttpClient client, Uri address)
    {
        try
        {
            using var response = await client.GetAsync(address, HttpCompletionOption.ResponseHeadersRead, _stop.Token);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(_stop.Token));
            var (name, data) = ("message", "");
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.Length == 0)
                {
                    await _events.Writer.WriteAsync((name, data), _stop.Token);
                    (name, data) = ("message", "");
                }
                else if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    name = line["event: ".Length..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    data = line["data: ".Length..];
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Closed by the test.
        }
        finally
        {
            _events.Writer.TryComplete();
        }
    }

    /// <summary>The next event, or a TimeoutException naming what was awaited.</summary>
    public async Task<(string Name, string Data)> NextAsync(TimeSpan timeout)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        wait.CancelAfter(timeout);
        try
        {
            return await _events.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no server-sent event within {timeout.TotalSeconds} s");
        }
    }

    /// <summary>Skips events until one named <paramref name="name"/>.</summary>
    public async Task<string> NextAsync(string name, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"no '{name}' event within {timeout.TotalSeconds} s");
            }

            var (got, data) = await NextAsync(left);
            if (got == name)
            {
                return data;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reading;
        _stop.Dispose();
    }
}
