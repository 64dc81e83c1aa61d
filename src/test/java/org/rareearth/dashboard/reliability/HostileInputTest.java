package org.rareearth.dashboard.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rareearth.dashboard.service.PriceImportService;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.io.DataFileException;

/**
 * A corpus of hostile files for both importers. Each is refused with a message naming the file and the place,
 * and the store is exactly as it was (compared through a full export). Prices here are made up.
 */
class HostileInputTest {

    @TempDir
    Path dir;

    private Workspace s;
    private String before;

    @BeforeEach
    void open() throws Exception {
        s = org.rareearth.dashboard.testing.TestStores.open(dir.resolve("store.db"));
        before = snapshot();
    }

    @AfterEach
    void close() throws Exception {
        assertThat(snapshot()).as("the store is unchanged").isEqualTo(before);
        s.close();
    }

    private String snapshot() throws IOException {
        Path out = dir.resolve("snapshot.json");
        s.exportDataset(out);
        return Files.readString(out);
    }

    private String refusedPrices(String name, byte[] content) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, content);
        DataFileException e = catchThrowableOfType(DataFileException.class,
                () -> PriceImportService.run(s.store(), f, PriceImportService.Options.of("MP")));
        assertThat(e).as(name + " must be refused").isNotNull();
        assertThat(e.getMessage()).startsWith(f.toString());
        PlainWordsCorpusTest.plainWords(e.getMessage(), f);
        return e.getMessage();
    }

    private String refusedPrices(String name, String content) throws IOException {
        return refusedPrices(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private String refusedDataset(String name, byte[] content) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, content);
        DataFileException e = catchThrowableOfType(DataFileException.class, () -> s.importDataset(f, false));
        assertThat(e).as(name + " must be refused").isNotNull();
        assertThat(e.getMessage()).startsWith(f.toString());
        PlainWordsCorpusTest.plainWords(e.getMessage(), f);
        return e.getMessage();
    }

    @Test
    void empty_and_header_only_price_files() throws Exception {
        assertThat(refusedPrices("empty.csv", "")).contains("empty");
        assertThat(refusedPrices("blank.csv", "\n\n  \n")).contains("empty");
        assertThat(refusedPrices("header.csv", "Date,Close\n")).contains("no rows");
        assertThat(refusedPrices("bom-header.csv", "\uFEFFDate,Close\n")).contains("no rows");
    }

    @Test
    void a_wrong_delimiter_leaves_no_close_column() throws Exception {
        assertThat(refusedPrices("pipes.csv", "Date|Close\n2025-07-08|10\n")).contains("line 1")
                .contains("no date column");
    }

    @Test
    void quoted_newlines_inside_a_cell_are_one_record_and_name_their_line() throws Exception {
        String msg = refusedPrices("quoted.csv", "Date,Close,Note\n2025-07-08,10,ok\n\"2025-07\n-09\",11,x\n");
        assertThat(msg).contains("line 3").contains("column Date");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "NaN|line 2, column Close ('NaN'): not a number",
            "Infinity|line 2, column Close ('Infinity'): not a number",
            "-5|line 2, column Close ('-5'): a price must be a positive number",
            "0|line 2, column Close ('0'): a price must be a positive number",
            "1e400|line 2, column Close ('1e400'): not a number",
            "12,34,56|line 2, column Close ('12,34,56'): not a number"})
    void impossible_prices_are_named(String value, String expected) throws Exception {
        assertThat(refusedPrices("price.csv", "Date,Close\n2025-07-08,\"" + value + "\"\n")).contains(expected);
    }

    @Test
    void thousands_separators_are_read_but_misplaced_ones_are_refused() throws Exception {
        assertThat(refusedPrices("thousands.csv", "Date,Close\n2025-07-08,\"1,234.5\"\n2025-07-09,\"12,34.5\"\n"))
                .contains("1 bad row").contains("line 3, column Close ('12,34.5'): not a number");
    }

    @Test
    void dates_in_the_year_0_or_9999_are_refused() throws Exception {
        assertThat(refusedPrices("dates.csv", "Date,Close\n0000-01-01,1\n9999-12-31,2\n2025-07-08,3\n"))
                .contains("line 2, column Date ('0000-01-01')").contains("line 3, column Date ('9999-12-31')")
                .contains("outside 1900–2100");
    }

    @Test
    void duplicate_dates_are_refused() throws Exception {
        assertThat(refusedPrices("dups.csv", "Date,Close\n2025-07-08,1\n2025-07-08,2\n"))
                .contains("line 3, column Date ('2025-07-08'): the same date appears earlier");
    }

    @Test
    void a_100_megabyte_single_line_is_refused_without_reading_it_whole() throws Exception {
        Path f = dir.resolve("huge.csv");
        try (OutputStream out = Files.newOutputStream(f)) {
            byte[] chunk = "Date,Close,".repeat(1000).getBytes(StandardCharsets.US_ASCII);
            for (long written = 0; written < 100L * 1024 * 1024; written += chunk.length) {
                out.write(chunk);
            }
        }
        DataFileException e = catchThrowableOfType(DataFileException.class,
                () -> PriceImportService.run(s.store(), f, PriceImportService.Options.of("MP")));
        assertThat(e.getMessage()).contains("line 1 is longer than 64 KiB");
    }

    @Test
    void binary_garbage_is_refused() throws Exception {
        byte[] junk = new byte[50_000];
        new Random(1).nextBytes(junk);
        assertThat(refusedPrices("junk.csv", junk)).containsAnyOf("binary data", "no date column", "longer than");
        assertThat(refusedDataset("junk.json", junk)).containsPattern("line \\d+");
    }

    @Test
    void hostile_dataset_files() throws Exception {
        assertThat(refusedDataset("empty.json", new byte[0])).contains("empty.json");
        assertThat(refusedDataset("array.json", "[1,2,3]".getBytes())).contains("line 1");
        String deep = "{\"events\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertThat(refusedDataset("deep.json", deep.getBytes())).contains("line 1, column 12");
        String huge = "{\"events\":[{\"code\":\"x\",\"title\":\"" + "A".repeat(25_000_000) + "\"}]}";
        assertThat(refusedDataset("huge.json", huge.getBytes())).containsIgnoringCase("length");
        assertThat(refusedDataset("nan.json", "{\"fxRates\":[{\"pair\":\"USD/CNY\",\"date\":\"2025-07-10\",\"rate\":NaN,\"source\":\"x\"}]}".getBytes()))
                .contains("line 1");
        assertThat(refusedDataset("year.json", "{\"fxRates\":[{\"pair\":\"USD/CNY\",\"date\":\"9999-01-01\",\"rate\":7,\"source\":\"x\"}]}".getBytes()))
                .contains("$.fxRates[0].date: 9999-01-01 is outside 1900–2100");
        assertThat(refusedDataset("neg.json", "{\"fxRates\":[{\"pair\":\"USD/CNY\",\"date\":\"2025-01-01\",\"rate\":-7,\"source\":\"x\"}]}".getBytes()))
                .contains("$.fxRates[0].rate: -7.0 must be a positive number");
    }
}
