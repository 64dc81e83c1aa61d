package org.rareearth.dashboard.service;

import org.rareearth.dashboard.testing.TestStores;
import org.rareearth.dashboard.service.PriceImportService;
import org.rareearth.dashboard.service.Workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareearth.dashboard.domain.PriceBar;
import org.rareearth.dashboard.io.DataFileException;

/** Every price layout with its quirks. All prices here are made up for the tests. */
class PriceImportTest {

    @TempDir
    Path dir;

    private Workspace s;

    @BeforeEach
    void open() {
        s = TestStores.open(dir.resolve("store.db"));
    }

    @AfterEach
    void close() {
        s.close();
    }

    private Path csv(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private PriceImportService.Result imp(Path file, String symbol) {
        return PriceImportService.run(s.store(), file, PriceImportService.Options.of(symbol));
    }

    private PriceBar bar(String symbol, String date) {
        return s.priceBars.forSymbol(symbol).stream().filter(b -> b.date().equals(LocalDate.parse(date))).findFirst()
                .orElseThrow(() -> new AssertionError("no bar on " + date));
    }

    @Test
    void detection_reads_the_first_rows_as_the_import_does_so_a_stray_quote_hides_no_row() throws Exception {
        // A quote inside a cell (5" pipe) is a character, not the start of a quoted cell: the import reads on. The
        // format is guessed from the same records; were the rows after it hidden, 01/02 alone would read as
        // month/day and the day-first dates below would be refused.
        Path f = csv("notes.csv", "Date,Close,Note\n01/02/2025,10,5\" pipe\n13/02/2025,11,\n14/02/2025,12,\n");
        PriceImportService.Head head = PriceImportService.head(f, 30);
        assertThat(head.records()).extracting(org.rareearth.dashboard.io.prices.PriceCsvReader.Record::line)
                .containsExactly(1L, 2L, 3L, 4L);
        assertThat(PriceImportService.detect(f).datePattern()).isEqualTo("d/M/uuuu");

        PriceImportService.Result r = imp(f, "MP");
        assertThat(r.inserted()).isEqualTo(3);
        assertThat(bar("MP", "2025-02-13").close()).isEqualTo(11.0);
    }

    @Test
    void the_first_rows_are_refused_as_no_price_file_by_the_line_an_editor_shows() throws Exception {
        Path nul = csv("nul.csv", "Date,Close\r\n2025-07-08,10\r\n2025-07-09,1\u00001\r\n");
        assertThat(catchThrowableOfType(DataFileException.class, () -> PriceImportService.head(nul, 30)))
                .hasMessage(nul + ": line 3: contains binary data (a NUL byte); this is not a CSV text file");
        Path lone = csv("lone-cr.csv", "Date,Close\r2025-07-08,10\r" + "9".repeat(70_000) + "\r");
        assertThat(catchThrowableOfType(DataFileException.class, () -> PriceImportService.head(lone, 30)))
                .hasMessage(lone + ": line 3 is longer than 64 KiB; this is not a daily-price CSV file");
        assertThat(catchThrowableOfType(DataFileException.class, () -> PriceImportService.head(csv("blank.csv",
                " \n\n  \n"), 30))).hasMessageEndingWith("blank.csv: the file is empty");
        assertThat(s.priceBars.count()).isZero();
    }

    @Test
    void the_preview_reads_quoted_cells_and_lines_exactly_as_the_import_does() throws Exception {
        Path f = csv("quoted.csv", "Date,Close,Note\n\n2025-07-08,10,\"a note\nover two lines\"\n"
                + "2025-07-09,\"1,234.5\",\"say \"\"hi\"\"\"\n2025-07-10,x,plain\n");
        org.rareearth.dashboard.io.prices.PriceCsv.Format format = PriceImportService.detect(f);
        PriceImportService.Preview preview = PriceImportService.preview(f, format.delimiter(), 10);

        assertThat(preview.fault()).isNull();
        assertThat(preview.records()).extracting(org.rareearth.dashboard.io.prices.PriceCsvReader.Record::line)
                .containsExactly(1L, 3L, 5L, 6L);
        assertThat(preview.records().get(1).cells()[2]).isEqualTo("a note\nover two lines");
        assertThat(preview.records().get(2).cells()).containsExactly("2025-07-09", "1,234.5", "say \"hi\"");
        var row = org.rareearth.dashboard.io.prices.PriceCsv.row(6, preview.records().get(3).cells(), format,
                format.dateFormatter(), "MP");
        assertThat(row.problem().toString()).isEqualTo("line 6, column Close ('x'): not a number");

        // The import names the same line for the same cell, and reads the same numbers.
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> imp(f, "MP"));
        assertThat(t.getMessage()).contains("line 6, column Close ('x'): not a number");
        PriceImportService.run(s.store(), f, new PriceImportService.Options("MP", true, false, null, null, null));
        assertThat(bar("MP", "2025-07-09").close()).isEqualTo(1234.5);
    }

    @Test
    void a_quote_never_closed_stops_the_preview_with_its_line() throws Exception {
        Path f = csv("open.csv", "Date,Close\n2025-07-08,10\n2025-07-09,\"11\n2025-07-10,12\n");
        PriceImportService.Preview preview = PriceImportService.preview(f, ',', 10);
        assertThat(preview.records()).hasSize(2);
        assertThat(preview.fault()).isEqualTo("line 3: a quoted cell opened on this line is never closed (a \" is"
                + " missing)");
    }

    @Test
    void layout_a_date_ohlc_adj_close_volume_with_null_holiday_rows() throws Exception {
        PriceImportService.Result r = imp(csv("a.csv", """
                Date,Open,High,Low,Close,Adj Close,Volume
                2025-07-08,10.00,10.50,9.80,10.20,10.10,1000
                2025-07-09,10.20,10.40,10.00,10.30,10.25,1100
                2025-07-04,null,null,null,null,null,null
                2025-07-10,10.30,15.60,10.30,15.45,15.40,5000
                """), "MP");
        assertThat(r.rows()).isEqualTo(4);
        assertThat(r.inserted()).isEqualTo(3);
        assertThat(r.blank()).isEqualTo(1);
        assertThat(r.skipped()).isEmpty();
        PriceBar b = bar("MP", "2025-07-10");
        assertThat(b.open()).isEqualTo(10.30);
        assertThat(b.high()).isEqualTo(15.60);
        assertThat(b.low()).isEqualTo(10.30);
        assertThat(b.close()).isEqualTo(15.45);
        assertThat(b.adjClose()).isEqualTo(15.40);
        assertThat(b.volume()).isEqualTo(5000L);
        assertThat(b.source()).isEqualTo("price import: a.csv");
    }

    @Test
    void layout_b_close_last_first_with_dollar_signs_and_month_day_year_newest_first() throws Exception {
        PriceImportService.Result r = imp(csv("b.csv", """
                Date,Close/Last,Volume,Open,High,Low
                07/10/2025,$15.45,5000,$10.30,$15.60,$10.30
                07/09/2025,$10.30,1100,$10.20,$10.40,$10.00
                07/08/2025,$10.20,1000,$10.00,$10.50,$9.80
                """), "MP");
        assertThat(r.inserted()).isEqualTo(3);
        assertThat(r.format().datePattern()).isEqualTo("M/d/uuuu");
        assertThat(bar("MP", "2025-07-10").close()).isEqualTo(15.45);
        assertThat(bar("MP", "2025-07-08").low()).isEqualTo(9.80);
        assertThat(bar("MP", "2025-07-08").volume()).isEqualTo(1000L);
    }

    @Test
    void layout_c_price_vol_change_with_quoted_fields_named_months_and_volume_suffixes() throws Exception {
        PriceImportService.Result r = imp(csv("c.csv", """
                "Date","Price","Open","High","Low","Vol.","Change %"
                "Jul 10, 2025","1,015.45","1,010.30","1,015.60","1,010.30","1.23M","0.51%"
                "Jul 09, 2025","1,010.30","1,010.20","1,010.40","1,010.00","850.5K","0.01%"
                "Jul 08, 2025","1,010.20","1,010.00","1,010.50","1,009.80","-","0.00%"
                """), "LYC");
        assertThat(r.inserted()).isEqualTo(3);
        PriceBar b = bar("LYC", "2025-07-10");
        assertThat(b.close()).isEqualTo(1015.45);
        assertThat(b.volume()).isEqualTo(1_230_000L);
        assertThat(bar("LYC", "2025-07-09").volume()).isEqualTo(850_500L);
        assertThat(bar("LYC", "2025-07-08").volume()).isNull();
    }

    @Test
    void layout_d_date_ohlc_volume_and_layout_e_date_close() throws Exception {
        imp(csv("d.csv", """
                Date,Open,High,Low,Close,Volume
                2025-07-08,10,11,9,10.5,100
                """), "ILU");
        assertThat(bar("ILU", "2025-07-08").adjClose()).isNull();
        assertThat(bar("ILU", "2025-07-08").returnBasis()).isEqualTo(10.5);
        imp(csv("e.csv", """
                Date,Close
                2025-07-08,20.5
                2025-07-09,21
                """), "ARU");
        assertThat(bar("ARU", "2025-07-09").close()).isEqualTo(21.0);
        assertThat(bar("ARU", "2025-07-09").open()).isNull();
    }

    @Test
    void layout_f_long_file_with_symbol_or_ticker_column_needs_no_symbol() throws Exception {
        PriceImportService.Result r = imp(csv("f.csv", """
                Symbol,Date,Close
                MP,2025-07-08,10
                LYC,2025-07-08,8
                MP,2025-07-09,11
                LYC,2025-07-09,8.5
                """), null);
        assertThat(r.symbols()).containsExactly("LYC", "MP");
        assertThat(r.inserted()).isEqualTo(4);
        PriceImportService.Result t = imp(csv("f2.csv", """
                Date,Ticker,Close
                2025-07-10,MP,12
                """), null);
        assertThat(t.symbols()).containsExactly("MP");
        assertThat(bar("MP", "2025-07-10").close()).isEqualTo(12.0);
    }

    @Test
    void a_byte_order_mark_semicolons_and_decimal_commas_are_read() throws Exception {
        PriceImportService.Result r = imp(csv("eu.csv", "\uFEFFDatum;Open;High;Low;Close;Volume\n"
                + "10.07.2025;10,30;15,60;10,30;15,45;5.000\n"
                + "09.07.2025;10,20;10,40;10,00;10,30;1.100\n"), "MP");
        assertThat(r.format().delimiter()).isEqualTo(';');
        assertThat(r.format().decimal()).isEqualTo(',');
        assertThat(r.format().datePattern()).isEqualTo("d.M.uuuu");
        assertThat(bar("MP", "2025-07-10").close()).isEqualTo(15.45);
        assertThat(bar("MP", "2025-07-10").volume()).isEqualTo(5000L);
    }

    @Test
    void empty_cells_on_holidays_are_skipped_quietly() throws Exception {
        PriceImportService.Result r = imp(csv("h.csv", """
                Date,Open,High,Low,Close,Volume
                2025-07-03,10,11,9,10.5,100
                2025-07-04,,,,,
                2025-07-07,10,11,9,10.6,100
                """), "MP");
        assertThat(r.inserted()).isEqualTo(2);
        assertThat(r.blank()).isEqualTo(1);
    }

    @Test
    void newest_first_and_oldest_first_give_the_same_store() throws Exception {
        imp(csv("old.csv", "Date,Close\n2025-07-08,10\n2025-07-09,11\n2025-07-10,12\n"), "MP");
        imp(csv("new.csv", "Date,Close\n2025-07-10,12\n2025-07-09,11\n2025-07-08,10\n"), "LYC");
        assertThat(s.priceBars.forSymbol("MP")).extracting(PriceBar::close)
                .isEqualTo(s.priceBars.forSymbol("LYC").stream().map(PriceBar::close).toList());
    }

    @Test
    void strict_mode_refuses_the_file_naming_line_column_and_value_and_writes_nothing() throws Exception {
        imp(csv("first.csv", "Date,Close\n2025-07-01,9\n"), "MP");
        Path bad = csv("bad.csv", """
                Date,Open,High,Low,Close
                2025-07-08,10,11,9,10.5
                2025-07-09,10,11,9,abc
                2025-07-10,10,11,12,10.6
                2025-13-01,10,11,9,10.7
                """);
        DataFileException e = catchThrowableOfType(DataFileException.class, () -> imp(bad, "MP"));
        assertThat(e.getMessage()).contains(bad.toString()).contains("3 bad rows; nothing was imported")
                .contains("line 3, column Close ('abc'): not a number")
                .contains("line 4, column Low ('12'): low is above high")
                .contains("line 5, column Date ('2025-13-01'): not a date");
        assertThat(s.priceBars.forSymbol("MP")).hasSize(1);
    }

    @Test
    void skip_mode_writes_the_good_rows_and_reports_every_rejected_one() throws Exception {
        PriceImportService.Result r = PriceImportService.run(s.store(), csv("skip.csv", """
                Date,Close
                2025-07-08,10.5
                2025-07-09,-3
                2025-07-10,NaN
                2025-07-11,11
                2025-07-11,12
                """), new PriceImportService.Options("MP", true, false, null, null, null));
        assertThat(r.inserted()).isEqualTo(2);
        assertThat(r.skipped()).extracting(p -> p.line()).containsExactly(3L, 4L, 6L);
        assertThat(r.skipped().get(0).reason()).contains("positive");
        assertThat(r.skipped().get(2).reason()).contains("same date appears earlier");
        assertThat(s.priceBars.forSymbol("MP")).hasSize(2);
    }

    @Test
    void reimporting_overlapping_dates_updates_them_and_duplicates_nothing() throws Exception {
        imp(csv("one.csv", "Date,Close\n2025-07-08,10\n2025-07-09,11\n"), "MP");
        PriceImportService.Result r = imp(csv("two.csv", "Date,Close\n2025-07-09,11.5\n2025-07-10,12\n"), "MP");
        assertThat(r.inserted()).isEqualTo(1);
        assertThat(r.updated()).isEqualTo(1);
        assertThat(s.priceBars.forSymbol("MP")).extracting(PriceBar::close).containsExactly(10.0, 11.5, 12.0);
        PriceImportService.Result again = imp(dir.resolve("two.csv"), "MP");
        assertThat(again.inserted()).isZero();
        assertThat(again.updated()).isEqualTo(2);
        assertThat(s.priceBars.count()).isEqualTo(3);
    }

    @Test
    void an_unknown_symbol_is_refused_unless_create_is_asked() throws Exception {
        Path f = csv("x.csv", "Date,Close\n2025-07-08,10\n");
        assertThat(catchThrowableOfType(DataFileException.class, () -> imp(f, "NEWCO")).getMessage())
                .contains("unknown security 'NEWCO'");
        PriceImportService.run(s.store(), f, new PriceImportService.Options("NEWCO", false, true, "ASX", "AUD", null));
        assertThat(s.securities.find("NEWCO")).get().satisfies(sec -> {
            assertThat(sec.exchange()).isEqualTo("ASX");
            assertThat(sec.currency()).isEqualTo("AUD");
            assertThat(sec.confidence()).isEqualTo("U");
        });
        Path longFile = csv("l.csv", "Symbol,Date,Close\nMP,2025-07-08,10\nZZZ,2025-07-08,3\n");
        assertThat(catchThrowableOfType(DataFileException.class, () -> imp(longFile, null)).getMessage())
                .contains("line 3, column Symbol ('ZZZ'): unknown security");
        assertThat(s.priceBars.forSymbol("MP")).isEmpty();
    }

    @Test
    void a_file_without_a_symbol_column_needs_a_symbol_and_a_header_without_dates_is_refused() throws Exception {
        assertThat(catchThrowableOfType(DataFileException.class,
                () -> imp(csv("n.csv", "Date,Close\n2025-07-08,10\n"), null)).getMessage()).contains("--symbol");
        assertThat(catchThrowableOfType(DataFileException.class,
                () -> imp(csv("nd.csv", "When,Close\n2025-07-08,10\n"), "MP")).getMessage())
                .contains("line 1").contains("no date column");
        assertThat(catchThrowableOfType(DataFileException.class,
                () -> imp(csv("hdr.csv", "Date,Close\n"), "MP")).getMessage()).contains("no rows");
        assertThat(catchThrowableOfType(DataFileException.class,
                () -> imp(csv("empty.csv", ""), "MP")).getMessage()).contains("empty");
    }

    @Test
    void a_cancelled_import_writes_nothing() throws Exception {
        StringBuilder sb = new StringBuilder("Date,Close\n");
        LocalDate d = LocalDate.of(2000, 1, 3);
        for (int i = 0; i < 20000; i++) {
            sb.append(d.plusDays(i)).append(',').append(10 + i % 7).append('\n');
        }
        Path f = csv("big.csv", sb.toString());
        int[] polls = {0};
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PriceImportService.run(s.store(), f,
                        PriceImportService.Options.of("MP"), p -> { }, () -> ++polls[0] > 1))
                .isInstanceOf(CancellationException.class);
        assertThat(polls[0]).as("cancelled part-way, after some rows were written in the transaction").isEqualTo(2);
        assertThat(s.priceBars.count()).isZero();
    }

    @Test
    void detection_tells_the_layouts_apart() {
        assertThat(org.rareearth.dashboard.io.prices.PriceCsv.detect("Date,Open,High,Low,Close,Adj Close,Volume",
                List.of("2025-07-08,1,1,1,1,1,1")).layout()).isEqualTo("Date, Open, High, Low, Close, Adj Close, Volume");
        assertThat(org.rareearth.dashboard.io.prices.PriceCsv.detect("Symbol,Date,Close", List.of("MP,2025-07-08,1"))
                .isLong()).isTrue();
        assertThat(org.rareearth.dashboard.io.prices.PriceCsv.detect("Date,Close", List.of("13/07/2025,1")).datePattern())
                .isEqualTo("d/M/uuuu");
    }

    /** The command line's warm-up runs the import's own detection and parsing over its sample, files untouched. */
    @Test
    void the_warm_up_detects_and_parses_its_sample_as_an_import_would() {
        assertThat(PriceImportService.warmUp()).isEqualTo(2);
    }
}
