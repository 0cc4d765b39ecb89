using System.Globalization;
using System.Text;

namespace SteerCo.Bench;

/// <summary>
/// A valid 1 MiB PDF made once: one A4 page with forty lines of text (Helvetica, what pdftotext
/// extracts, <see cref="Marker"/> among it) and a 1024 x 1024 grey image stored uncompressed
/// (noise, as a scan is: nothing to compress), which makes up the size. <see cref="Next"/> writes
/// a serial number into a fixed-width slot of the text, so every upload has new bytes (a new
/// SHA-256: the store deduplicates) and the cross-reference offsets stay right.
/// </summary>
internal static class TestPdf
{
    /// <summary>A word only these PDFs carry: searching it proves the text was extracted and indexed.</summary>
    public const string Marker = "steercobenchpdf";

    private const string Slot = "0000000000000000";

    private static readonly byte[] Template = Build(out SlotOffset);
    private static readonly int SlotOffset;

    public static int Length => Template.Length;

    public static byte[] Next(long serial)
    {
        var bytes = (byte[])Template.Clone();
        Encoding.ASCII.GetBytes(serial.ToString("D16", CultureInfo.InvariantCulture), 0, Slot.Length, bytes, SlotOffset);
        return bytes;
    }

    private static byte[] Build(out int slotOffset)
    {
        const int side = 1024;
        var text = new StringBuilder("BT /F1 11 Tf 56 800 Td 14 TL\n");
        text.Append(CultureInfo.InvariantCulture, $"(BAO CAO KET QUA KIEM TRA so {Slot} {Marker}) Tj T*\n");
        for (var line = 1; line < 40; line++)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"({line}. Ban Chi dao tinh ke hoach kiem tra, don doc thuc hien nhiem vu phong chong thien tai nam 2025.) Tj T*\n");
        }
        text.Append("ET\nq 300 0 0 300 150 60 cm /Im1 Do Q\n");
        var content = Encoding.ASCII.GetBytes(text.ToString());
        var image = new byte[side * side];
        var state = 0x2545F491u;
        for (var i = 0; i < image.Length; i++)
        {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            image[i] = (byte)state;
        }

        using var pdf = new MemoryStream();
        var offsets = new List<long>();
        void Write(string s) => pdf.Write(Encoding.ASCII.GetBytes(s));
        void Object(string dictionary, byte[]? stream = null)
        {
            offsets.Add(pdf.Position);
            Write($"{offsets.Count} 0 obj\n{dictionary}\n");
            if (stream is not null)
            {
                Write("stream\n");
                pdf.Write(stream);
                Write("\nendstream\n");
            }
            Write("endobj\n");
        }
        Write("%PDF-1.4\n");
        pdf.Write([(byte)'%', 0xE2, 0xE3, 0xCF, 0xD3, (byte)'\n']);
        Object("<< /Type /Catalog /Pages 2 0 R >>");
        Object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        Object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> /Contents 4 0 R >>");
        var contentOffset = pdf.Position;
        Object($"<< /Length {content.Length} >>", content);
        Object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        Object($"<< /Type /XObject /Subtype /Image /Width {side} /Height {side} /ColorSpace /DeviceGray /BitsPerComponent 8 /Length {image.Length} >>", image);
        var xref = pdf.Position;
        Write($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            Write($"{offset:D10} 00000 n \n");
        }
        Write($"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        var bytes = pdf.ToArray();
        slotOffset = IndexOf(bytes, Encoding.ASCII.GetBytes(Slot), (int)contentOffset);
        return bytes;
    }

    private static int IndexOf(byte[] bytes, byte[] part, int from)
    {
        for (var i = from; i <= bytes.Length - part.Length; i++)
        {
            if (bytes.AsSpan(i, part.Length).SequenceEqual(part))
            {
                return i;
            }
        }
        throw new InvalidOperationException("The serial number's slot is not in the PDF.");
    }
}
