namespace BlackJanuary.Media;

/// <summary>
/// Bounds how many pixels are being decoded at once, rather than how many images: two 24-megapixel
/// photos take the memory of a hundred thumbnails. A single image larger than the whole budget
/// still runs, alone.
/// </summary>
internal sealed class PixelBudget(long total)
{
    // Monitor.Wait needs a monitor: a System.Threading.Lock has none.
    private readonly object _gate = new();
    private long _used;

    public Lease Take(long pixels)
    {
        var wanted = Math.Min(pixels, total);
        lock (_gate)
        {
            while (_used > 0 && _used + wanted > total)
            {
                Monitor.Wait(_gate);
            }

            _used += wanted;
        }

        return new Lease(this, wanted);
    }

    private void Give(long pixels)
    {
        lock (_gate)
        {
            _used -= pixels;
            Monitor.PulseAll(_gate);
        }
    }

    public readonly struct Lease(PixelBudget budget, long pixels) : IDisposable
    {
        public void Dispose() => budget.Give(pixels);
    }
}
