using System.Buffers.Binary;
using System.IO.Compression;

namespace Abm.Bot.Tests.Manifest;

/// <summary>
/// A decoded PNG: size and RGBA pixels. Reads only 8-bit RGBA, non-interlaced images (colour type 6),
/// which is what the Teams icons use; anything else is rejected with the reason.
/// </summary>
internal sealed class PngImage
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly byte[] _rgba;

    private PngImage(int width, int height, byte[] rgba)
    {
        Width = width;
        Height = height;
        _rgba = rgba;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The pixel at (x, y) as red, green, blue and alpha.</summary>
    public (byte R, byte G, byte B, byte A) Pixel(int x, int y)
    {
        var offset = ((y * Width) + x) * 4;
        return (_rgba[offset], _rgba[offset + 1], _rgba[offset + 2], _rgba[offset + 3]);
    }

    public static PngImage Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (!bytes.AsSpan(0, Signature.Length).SequenceEqual(Signature))
        {
            throw new InvalidDataException($"{path} is not a PNG file (wrong signature).");
        }

        int width = 0, height = 0;
        using var compressed = new MemoryStream();
        for (var offset = Signature.Length; offset < bytes.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(bytes, offset + 4, 4);
            var data = bytes.AsSpan(offset + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                var (bitDepth, colorType, interlace) = (data[8], data[9], data[12]);
                if (bitDepth != 8 || colorType != 6 || interlace != 0)
                {
                    throw new InvalidDataException($"{path} has bit depth {bitDepth}, colour type {colorType}, interlace {interlace}; only 8-bit RGBA without interlacing (8, 6, 0) is read.");
                }
            }
            else if (type == "IDAT")
            {
                compressed.Write(data);
            }

            offset += 12 + length;
        }

        compressed.Position = 0;
        using var zlib = new ZLibStream(compressed, CompressionMode.Decompress);
        using var filtered = new MemoryStream();
        zlib.CopyTo(filtered);
        return new PngImage(width, height, Unfilter(filtered.ToArray(), width, height));
    }

    /// <summary>Reverses the per-row PNG filters (None, Sub, Up, Average, Paeth) for 4 bytes per pixel.</summary>
    private static byte[] Unfilter(byte[] filtered, int width, int height)
    {
        const int BytesPerPixel = 4;
        var stride = width * BytesPerPixel;
        var pixels = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = filtered[y * (stride + 1)];
            var source = filtered.AsSpan((y * (stride + 1)) + 1, stride);
            var row = pixels.AsSpan(y * stride, stride);
            for (var i = 0; i < stride; i++)
            {
                int left = i >= BytesPerPixel ? row[i - BytesPerPixel] : 0;
                int up = y > 0 ? pixels[((y - 1) * stride) + i] : 0;
                int upLeft = y > 0 && i >= BytesPerPixel ? pixels[((y - 1) * stride) + i - BytesPerPixel] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"Row {y} has unknown PNG filter type {filter}."),
                };
                row[i] = (byte)(source[i] + predictor);
            }
        }

        return pixels;
    }

    private static int Paeth(int left, int up, int upLeft)
    {
        var estimate = left + up - upLeft;
        var (toLeft, toUp, toUpLeft) = (Math.Abs(estimate - left), Math.Abs(estimate - up), Math.Abs(estimate - upLeft));
        if (toLeft <= toUp && toLeft <= toUpLeft)
        {
            return left;
        }

        return toUp <= toUpLeft ? up : upLeft;
    }
}
