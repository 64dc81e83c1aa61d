package org.rareearth.dashboard.app;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.rareearth.dashboard.domain.PriceBar;
import org.rareearth.dashboard.domain.Security;
import org.rareearth.dashboard.io.DataFileException;
import org.rareearth.dashboard.io.PriceCsv;
import org.rareearth.dashboard.store.PriceBarWriter;
import org.rareearth.dashboard.store.Store;

/**
 * Imports a daily-price CSV file into the store in one transaction. Strict by default: one bad row and nothing
 * is written, with every bad row named (line, column, value). With {@code skipBadRows} the good rows are written
 * and the bad ones reported. Re-importing the same dates updates them; nothing is duplicated.
 */
public final class PriceImport {
    static final int MAX_LISTED = 50;
    private static final long EPOCH_BASE = java.time.LocalDate.of(1800, 1, 1).toEpochDay();

    /** What to import and how. {@code format} overrides detection (the dialog passes the user's choices). */
    public record Options(String symbol, boolean skipBadRows, boolean createMissing, String newExchange,
                          String newCurrency, PriceCsv.Format format) {
        public static Options of(String symbol) {
            return new Options(symbol, false, false, null, null, null);
        }
    }

    /** The outcome: rows read, bars new and updated, holiday rows with no price, and rows refused. */
    public record Result(Path file, PriceCsv.Format format, List<String> symbols, long rows, long inserted,
                         long updated, long blank, List<PriceCsv.Problem> skipped) {}

    private PriceImport() {}

    /** Reads the header and the first {@code n} data lines, for detection and previews (BOM removed). */
    public static List<String> head(Path file, int n) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = reader(Files.newInputStream(file))) {
            String line;
            while (lines.size() <= n && (line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
        } catch (NoSuchFileException e) {
            throw new DataFileException(file + ": no such file");
        } catch (IOException e) {
            throw new DataFileException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        if (lines.isEmpty()) {
            throw new DataFileException(file + ": the file is empty");
        }
        return lines;
    }

    /** Detects the file's format from its first lines. */
    public static PriceCsv.Format detect(Path file) {
        List<String> head = head(file, 30);
        try {
            return PriceCsv.detect(head.get(0), head.subList(1, head.size()));
        } catch (DataFileException e) {
            throw new DataFileException(file + ": line 1: " + e.getMessage());
        }
    }

    public static Result run(Store store, Path file, Options opt) {
        return run(store, file, opt, p -> { }, () -> false);
    }

    /**
     * Runs the import. {@code progress} receives the fraction of the file read; {@code cancelled} is polled and a
     * cancelled import writes nothing ({@link CancellationException}).
     */
    public static Result run(Store store, Path file, Options opt, DoubleConsumer progress, BooleanSupplier cancelled) {
        PriceCsv.Format f = opt.format() != null ? opt.format() : detect(file);
        if (!f.isLong() && (opt.symbol() == null || opt.symbol().isBlank())) {
            throw new DataFileException(file + ": the file has no Symbol or Ticker column; say which security its"
                    + " prices are for (--symbol SYM)");
        }
        long size;
        try {
            size = Math.max(1, Files.size(file));
        } catch (IOException e) {
            throw new DataFileException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        String source = "price import: " + file.getFileName();
        return store.write(c -> {
            PriceBarWriter w = PriceBarWriter.on(c);
            if (!f.isLong()) {
                resolve(w, opt.symbol(), opt, source).orElseThrow(() -> new DataFileException(file
                        + ": unknown security '" + opt.symbol() + "'; add it in the Data view first, or import with"
                        + " --create"));
            }
            Counter counter = new Counter(size);
            List<PriceCsv.Problem> problems = new ArrayList<>();
            long problemCount = 0;
            long rows = 0;
            long inserted = 0;
            long updated = 0;
            long blank = 0;
            TreeSet<String> symbols = new TreeSet<>();
            Map<String, BitSet> seen = new HashMap<>();
            Map<String, Optional<Long>> idCache = new HashMap<>();
            DateTimeFormatter dates = DateTimeFormatter.ofPattern(f.datePattern(), Locale.ENGLISH)
                    .withResolverStyle(java.time.format.ResolverStyle.STRICT);
            CsvMapper mapper = new CsvMapper();
            mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
            mapper.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
            mapper.enable(CsvParser.Feature.TRIM_SPACES);
            CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(f.delimiter()).withQuoteChar('"');
            try (Reader r = reader(counter.wrap(Files.newInputStream(file)));
                 MappingIterator<String[]> it = mapper.readerFor(String[].class).with(schema).readValues(r)) {
                boolean header = true;
                while (it.hasNextValue()) {
                    String[] cells = it.nextValue();
                    long line = it.getParser().getTokenLocation().getLineNr();
                    if (header) {
                        header = false;
                        continue;
                    }
                    rows++;
                    if ((rows & 1023) == 0) {
                        if (cancelled.getAsBoolean()) {
                            throw new CancellationException("the import was cancelled; nothing was written");
                        }
                        progress.accept(counter.fraction());
                    }
                    PriceCsv.Row row = PriceCsv.row(line, cells, f, dates, opt.symbol());
                    PriceCsv.Problem problem = row.problem();
                    Long id = null;
                    if (problem == null) {
                        Optional<Long> known = idCache.computeIfAbsent(row.symbol(), s -> {
                            try {
                                return resolve(w, s, opt, source);
                            } catch (SQLException e) {
                                throw new IllegalStateException(e);
                            }
                        });
                        if (known.isEmpty()) {
                            problem = new PriceCsv.Problem(line, "Symbol", row.symbol(), "unknown security; add it"
                                    + " in the Data view first, or import with --create");
                        } else {
                            id = known.get();
                        }
                    }
                    if (problem == null && row.isBlank()) {
                        blank++;
                        continue;
                    }
                    if (problem == null) {
                        BitSet s = seen.computeIfAbsent(row.symbol(), k -> new BitSet());
                        int bit = (int) (row.date().toEpochDay() - EPOCH_BASE);
                        if (s.get(bit)) {
                            problem = new PriceCsv.Problem(line, "Date", row.date().toString(),
                                    "the same date appears earlier in the file" + (f.isLong() ? " for " + row.symbol()
                                            : ""));
                        } else {
                            s.set(bit);
                        }
                    }
                    if (problem != null) {
                        problemCount++;
                        if (problems.size() < (opt.skipBadRows() ? Integer.MAX_VALUE : MAX_LISTED)) {
                            problems.add(problem);
                        }
                        continue;
                    }
                    if (problemCount > 0 && !opt.skipBadRows()) {
                        continue; // nothing will be written: just keep finding the bad rows
                    }
                    symbols.add(row.symbol());
                    PriceBar bar = new PriceBar(row.symbol(), row.date(), row.open(), row.high(), row.low(),
                            row.close(), row.adjClose(), row.volume(), source);
                    if (w.write(id, bar)) {
                        inserted++;
                    } else {
                        updated++;
                    }
                }
                w.flush();
            } catch (IOException | RuntimeException e) {
                if (e instanceof CancellationException ce) {
                    throw ce;
                }
                if (e instanceof DataFileException de) {
                    throw de;
                }
                Throwable cause = e.getCause() != null && e instanceof IllegalStateException ? e.getCause() : e;
                throw new DataFileException(file + ": " + describe(cause));
            }
            if (rows == 0) {
                throw new DataFileException(file + ": the file has a header but no rows");
            }
            if (problemCount > 0 && !opt.skipBadRows()) {
                StringBuilder msg = new StringBuilder(file + ": " + problemCount + " bad row"
                        + (problemCount == 1 ? "" : "s") + "; nothing was imported (use --skip-bad-rows to import"
                        + " the good rows):");
                for (PriceCsv.Problem p : problems) {
                    msg.append("\n  ").append(p);
                }
                if (problemCount > problems.size()) {
                    msg.append("\n  … and ").append(problemCount - problems.size()).append(" more");
                }
                throw new DataFileException(msg.toString(),
                        problems.stream().map(p -> file + ": " + p).toList());
            }
            progress.accept(1.0);
            return new Result(file, f, List.copyOf(symbols), rows, inserted, updated, blank, List.copyOf(problems));
        });
    }

    private static Optional<Long> resolve(PriceBarWriter w, String symbol, Options opt, String source)
            throws SQLException {
        Optional<Long> id = w.securityId(symbol);
        if (id.isPresent() || !opt.createMissing()) {
            return id;
        }
        return Optional.of(w.createSecurity(new Security(symbol, symbol,
                opt.newExchange() == null ? "unknown" : opt.newExchange(),
                opt.newCurrency() == null ? "USD" : opt.newCurrency(), null, false, source, "U",
                "Created by a price import; complete its name, exchange and currency in the Data view.")));
    }

    private static String describe(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int cut = m.indexOf('\n');
        return "cannot be read as CSV (" + (cut > 0 ? m.substring(0, cut) : m) + ")";
    }

    /** UTF-8 text with a leading byte-order mark removed. */
    static BufferedReader reader(InputStream in) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        r.mark(1);
        if (r.read() != '\uFEFF') {
            r.reset();
        }
        return r;
    }

    /** Counts the bytes read, for progress. */
    private static final class Counter {
        private final long size;
        private long read;

        Counter(long size) {
            this.size = size;
        }

        InputStream wrap(InputStream in) {
            return new FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        read++;
                    }
                    return b;
                }

                @Override
                public int read(byte[] buf, int off, int len) throws IOException {
                    int n = super.read(buf, off, len);
                    if (n > 0) {
                        read += n;
                    }
                    return n;
                }
            };
        }

        double fraction() {
            return Math.min(1.0, (double) read / size);
        }
    }
}
