package org.rareearth.dashboard.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportFilesTest {

    @TempDir
    Path dir;

    @Test
    void the_png_encoder_round_trips_pixels_and_writes_the_density() throws Exception {
        int w = 37;
        int h = 23;
        int[] argb = new int[w * h];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = 0xff000000 | (i * 7919 & 0xffffff);
        }
        argb[5] = 0x80123456; // a translucent pixel
        byte[] png = PngEncoder.encode(argb, w, h, 192);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(img.getWidth()).isEqualTo(w);
        assertThat(img.getHeight()).isEqualTo(h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                assertThat(img.getRGB(x, y)).isEqualTo(argb[y * w + x]);
            }
        }
        assertThat(physPixelsPerMetre(png)).isEqualTo(Math.round(192 / 0.0254));
    }

    /** Reads the pHYs chunk's x density. */
    static long physPixelsPerMetre(byte[] png) {
        ByteBuffer b = ByteBuffer.wrap(png);
        b.position(8);
        while (b.remaining() > 12) {
            int len = b.getInt();
            byte[] type = new byte[4];
            b.get(type);
            if (new String(type, StandardCharsets.US_ASCII).equals("pHYs")) {
                long x = Integer.toUnsignedLong(b.getInt());
                b.getInt();
                assertThat(b.get()).as("unit: metre").isEqualTo((byte) 1);
                return x;
            }
            b.position(b.position() + len + 4);
        }
        throw new AssertionError("no pHYs chunk");
    }

    @Test
    void a_failed_write_leaves_the_existing_file_intact_and_no_temporary_file() throws Exception {
        Path target = dir.resolve("chart.png");
        Files.writeString(target, "the earlier export");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write(new byte[10_000]);
            throw new IOException("disk full");
        })).hasMessageContaining("disk full");
        assertThat(Files.readString(target)).isEqualTo("the earlier export");
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(target);
        }
        assertThatThrownBy(() -> PngEncoder.write(new int[3], 10, 10, 96, target))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Files.readString(target)).isEqualTo("the earlier export");
    }

    @Test
    void csv_cells_that_a_spreadsheet_would_run_are_neutralised() {
        assertThat(CsvExport.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(CsvExport.cell("+1+2")).isEqualTo("'+1+2");
        assertThat(CsvExport.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvExport.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvExport.cell("\tx")).isEqualTo("'\tx");
        assertThat(CsvExport.cell("-0.4")).as("a negative number stays a number").isEqualTo("-0.4");
        assertThat(CsvExport.cell(-0.4)).isEqualTo("-0.4");
        assertThat(CsvExport.cell("Reuters; The West Australian")).isEqualTo("Reuters; The West Australian");
        assertThat(CsvExport.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvExport.cell(null)).isEmpty();
        assertThat(CsvExport.toCsv(List.of("a", "b"), List.of(Arrays.asList("=1", 2.5))))
                .isEqualTo("a,b\r\n'=1,2.5\r\n");
    }
}
