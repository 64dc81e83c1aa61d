package org.rareearth.dashboard.io;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A small PNG encoder for opaque or translucent ARGB pixels: RGBA 8-bit, the "Sub" filter on every row (cheap, and
 * it compresses chart flats well), fast deflate, and a pHYs chunk giving the pixel density (96 dpi × scale).
 */
public final class PngEncoder {
    private static final byte[] SIGNATURE = {(byte) 137, 80, 78, 71, 13, 10, 26, 10};

    private PngEncoder() {}

    /** Pixels per metre for a density in dots per inch. */
    public static long pixelsPerMetre(double dpi) {
        return Math.round(dpi / 0.0254);
    }

    /** Encodes {@code argb} (row-major, {@code width × height}) as a PNG with the given density. */
    public static byte[] encode(int[] argb, int width, int height, double dpi) {
        if (argb.length < (long) width * height) {
            throw new IllegalArgumentException("pixel buffer too small for " + width + "x" + height);
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(width * height);
            out.write(SIGNATURE);
            ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
            DataOutputStream d = new DataOutputStream(ihdr);
            d.writeInt(width);
            d.writeInt(height);
            d.writeByte(8); // bit depth
            d.writeByte(6); // RGBA
            d.writeByte(0); // deflate
            d.writeByte(0); // adaptive filtering method (per-row filter bytes)
            d.writeByte(0); // no interlace
            chunk(out, "IHDR", ihdr.toByteArray());
            ByteArrayOutputStream phys = new ByteArrayOutputStream();
            DataOutputStream p = new DataOutputStream(phys);
            long ppm = pixelsPerMetre(dpi);
            p.writeInt((int) ppm);
            p.writeInt((int) ppm);
            p.writeByte(1); // unit: metre
            chunk(out, "pHYs", phys.toByteArray());

            ByteArrayOutputStream idat = new ByteArrayOutputStream(width * height);
            Deflater deflater = new Deflater(Deflater.BEST_SPEED);
            try (DeflaterOutputStream z = new DeflaterOutputStream(idat, deflater, 1 << 16)) {
                byte[] row = new byte[1 + width * 4];
                row[0] = 1; // Sub filter
                for (int y = 0; y < height; y++) {
                    int base = y * width;
                    int pr = 0;
                    int pg = 0;
                    int pb = 0;
                    int pa = 0;
                    int o = 1;
                    for (int x = 0; x < width; x++) {
                        int c = argb[base + x];
                        int a = c >>> 24;
                        int r = (c >> 16) & 0xff;
                        int g = (c >> 8) & 0xff;
                        int b = c & 0xff;
                        row[o++] = (byte) (r - pr);
                        row[o++] = (byte) (g - pg);
                        row[o++] = (byte) (b - pb);
                        row[o++] = (byte) (a - pa);
                        pr = r;
                        pg = g;
                        pb = b;
                        pa = a;
                    }
                    z.write(row);
                }
            } finally {
                deflater.end();
            }
            chunk(out, "IDAT", idat.toByteArray());
            chunk(out, "IEND", new byte[0]);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("in-memory PNG encoding failed", e);
        }
    }

    /** Encodes and writes atomically: the target is the old file or the whole new one, never half of one. */
    public static void write(int[] argb, int width, int height, double dpi, Path target) throws IOException {
        AtomicFiles.write(target, encode(argb, width, height, dpi));
    }

    private static void chunk(OutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        d.writeInt(data.length);
        d.write(t);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }
}
