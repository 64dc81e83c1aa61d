package org.rareearth.dashboard.service;

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
import org.rareearth.dashboard.domain.Security;
import org.rareearth.dashboard.io.DataFileException;
import org.rareearth.dashboard.io.prices.PriceCsv;
import org.rareearth.dashboard.io.prices.PriceCsvReader;
import org.rareearth.dashboard.store.PriceBarWriter;
import org.rareearth.dashboard.store.Store;

/**
 * Imports a daily-price CSV file into the store in one transaction. Strict by default: one bad row and nothing
 * is written, with every bad row named (line, column, value). With {@code skipBadRows} the good rows are written
 * and the bad ones reported. Re-importing the same dates updates them; nothing is duplicated.
 */
public final class PriceImportService {
    static final int MAX_LISTED = 50;
    /** A line longer than this is not a price row (the longest real ones are under 200 characters). */
    static final int MAX_LINE = 64 * 1024;
    private static final long EPOCH_BASE = java.time.LocalDate.of(1800, 1, 1).toEpochDay();

    /**
     * What to import and how. {@code format} overrides detection (the dialog passes the user's choices).
     * {@code storeAlone}: the program has the store to itself while the import runs (the command line's), so the
     * rows may be written with the store kept from other programs until the import ends ({@link
     * Store#writeBulkAlone}); the desktop app, whose screens read while an import runs, leaves it false.
     */
    public record Options(String symbol, boolean skipBadRows, boolean createMissing, String newExchange,
                          String newCurrency, PriceCsv.Format format, boolean storeAlone) {
        public Options(String symbol, boolean skipBadRows, boolean createMissing, String newExchange,
                       String newCurrency, PriceCsv.Format format) {
            this(symbol, skipBadRows, createMissing, newExchange, newCurrency, format, false);
        }

        public static Options of(String symbol) {
            return new Options(symbol, false, false, null, null, null);
        }
    }

    /** The outcome: rows read, bars new and updated, holiday rows with no price, and rows refused. */
    public record Result(Path file, PriceCsv.Format format, List<String> symbols, long rows, long inserted,
                         long updated, long blank, List<PriceCsv.Problem> skipped) {}

    private PriceImportService() {}

    /**
     * The file's first records as the import reads them: the delimiter its header line gives, then the header and up
     * to {@code n} rows taken apart by the import's own tokenizer ({@link PriceCsvReader}), so that detection, the
     * import dialog and the import agree on every record, a quoted cell running over several lines included. Records
     * of blank cells only are left out; a record that cannot be read ends the rows (the import names it by its
     * line). Refused as not a price file: a NUL byte or a line over 64 KiB in what is read; an empty file.
     */
    public record Head(char delimiter, List<PriceCsvReader.Record> records) {
        public List<String> header() {
            return List.of(records.get(0).cells());
        }

        public List<List<String>> rows() {
            return records.subList(1, records.size()).stream().map(r -> List.of(r.cells())).toList();
        }
    }

    public static Head head(Path file, int n) {
        char delimiter = PriceCsv.guessDelimiter(headerLine(file));
        Preview p = preview(file, delimiter, Integer.MAX_VALUE, n + 1);
        if (p.records().isEmpty()) {
            throw new DataFileException(file + ": " + (p.fault() != null ? p.fault() : "the file is empty"));
        }
        return new Head(delimiter, p.records());
    }

    /** The first line that holds more than white space (which gives the delimiter), refused as {@link LineGuard} does. */
    private static String headerLine(Path file) {
        try (BufferedReader r = new BufferedReader(new LineGuard(reader(Files.newInputStream(file)), file))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    return line;
                }
            }
        } catch (NoSuchFileException e) {
            throw new DataFileException(file + ": no such file");
        } catch (IOException e) {
            throw new DataFileException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        throw new DataFileException(file + ": the file is empty");
    }

    /**
     * Text read through this is refused as soon as it shows it is no price file: a NUL byte (binary data) or a line
     * longer than {@link #MAX_LINE} (a 100 MB line is refused after 64 KiB, not read whole). Lines are counted as an
     * editor counts them (a CR, an LF or a CR LF each end one).
     */
    private static final class LineGuard extends java.io.FilterReader {
        private final Path file;
        private long line = 1;
        private int length;
        private boolean afterCr;

        LineGuard(Reader in, Path file) {
            super(in);
            this.file = file;
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            return read(one, 0, 1) == -1 ? -1 : one[0];
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            for (int i = off; i < off + n; i++) {
                char ch = buf[i];
                if (ch == '\n' || ch == '\r') {
                    if (!(ch == '\n' && afterCr)) {
                        line++;
                    }
                    length = 0;
                    afterCr = ch == '\r';
                    continue;
                }
                afterCr = false;
                if (ch == 0) {
                    throw new DataFileException(file + ": line " + line + ": contains binary data (a NUL byte); this"
                            + " is not a CSV text file");
                }
                if (++length > MAX_LINE) {
                    throw new DataFileException(file + ": line " + line + " is longer than " + MAX_LINE / 1024
                            + " KiB; this is not a daily-price CSV file");
                }
            }
            return n;
        }

        /** Skipped text is read through the guard too, so that it is checked and its lines counted. */
        @Override
        public long skip(long n) throws IOException {
            if (n <= 0) {
                return 0;
            }
            char[] buf = new char[(int) Math.min(n, 8192)];
            long left = n;
            while (left > 0) {
                int r = read(buf, 0, (int) Math.min(left, buf.length));
                if (r == -1) {
                    break;
                }
                left -= r;
            }
            return n - left;
        }
    }

    /**
     * The file's first records as the import will read them (the header first, then up to {@code rows} rows), each
     * with its line in the file: the import dialog's preview takes them apart with the import's own tokenizer. A
     * record that cannot be read ends the list; its fault is the last element's {@code fault}.
     */
    public record Preview(List<PriceCsvReader.Record> records, String fault) {}

    public static Preview preview(Path file, char delimiter, int rows) {
        return preview(file, delimiter, rows + 1, Integer.MAX_VALUE);
    }

    /** Up to {@code records} records, or {@code filled} records that are not blank; read through a {@link LineGuard}. */
    private static Preview preview(Path file, char delimiter, int records, int filled) {
        List<PriceCsvReader.Record> out = new ArrayList<>();
        int seen = 0;
        try (Reader r = new LineGuard(reader(Files.newInputStream(file)), file);
             PriceCsvReader it = PriceCsvReader.open(r, delimiter)) {
            while (seen < records && out.size() < filled && it.hasNextRecord()) {
                PriceCsvReader.Record rec = it.nextRecord();
                seen++;
                if (filled == Integer.MAX_VALUE || !blank(rec)) {
                    out.add(rec);
                }
            }
        } catch (PriceCsvReader.Fault f) {
            return new Preview(List.copyOf(out), f.getMessage());
        } catch (NoSuchFileException e) {
            throw new DataFileException(file + ": no such file");
        } catch (IOException e) {
            throw new DataFileException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        return new Preview(List.copyOf(out), null);
    }

    private static boolean blank(PriceCsvReader.Record r) {
        for (String c : r.cells()) {
            if (!c.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs the import's detection and row parsing once over a few rows held in memory, and returns how many rows it
     * read. The command line calls it on its spare thread while picocli reads the arguments of
     * {@code import-prices}: the first detection otherwise loads and links its classes (the tokenizer, the layouts,
     * the date patterns) on the import's own path, 17-29 ms of an installed import before its transaction
     * (BENCHMARKS.md). Touches no file and no store.
     */
    public static int warmUp() {
        String sample = "Symbol,Date,Open,High,Low,Close,Adj Close,Volume\n"
                + "AAA,2024-01-02,1.50,1.60,1.40,1.55,1.55,1000\n"
                + "AAA,2024-01-03,1.55,1.70,1.50,1.65,1.65,1200\n";
        try {
            char delimiter = PriceCsv.guessDelimiter(sample.substring(0, sample.indexOf('\n')));
            List<PriceCsvReader.Record> records = PriceCsvReader.read(sample, delimiter, Integer.MAX_VALUE);
            Head head = new Head(delimiter, records);
            PriceCsv.Format f = PriceCsv.detect(head.delimiter(), head.header(), head.rows());
            DateTimeFormatter dates = dates(f);
            int n = 0;
            for (PriceCsvReader.Record rec : records.subList(1, records.size())) {
                PriceCsv.row(rec.line(), rec.cells(), f, dates, null);
                n++;
            }
            return n;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the import's warm-up failed on its own sample", e);
        }
    }

    /** How the import reads the dates of a file in format {@code f}: its pattern, strictly. */
    private static DateTimeFormatter dates(PriceCsv.Format f) {
        return DateTimeFormatter.ofPattern(f.datePattern(), Locale.ENGLISH)
                .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    }

    /** Detects the file's format from its first records. */
    public static PriceCsv.Format detect(Path file) {
        Head head = head(file, 30);
        try {
            return PriceCsv.detect(head.delimiter(), head.header(), head.rows());
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
        StartupTrace.mark("import: layout read");
        // Every bar's security is resolved inside this transaction and checked once at the end (w.finish()), so
        // the store's check of each row against its security is left out (Store.writeBulk). An import with the
        // store to itself (the command line's) writes past the WAL (Store.writeBulkAlone).
        Store.Work<Result> work = c -> {
            StartupTrace.mark("import: transaction begun");
            java.util.EnumSet<PriceBarWriter.Column> present = java.util.EnumSet.noneOf(PriceBarWriter.Column.class);
            Map<PriceCsv.Role, PriceBarWriter.Column> optional = Map.of(PriceCsv.Role.OPEN, PriceBarWriter.Column.OPEN,
                    PriceCsv.Role.HIGH, PriceBarWriter.Column.HIGH, PriceCsv.Role.LOW, PriceBarWriter.Column.LOW,
                    PriceCsv.Role.ADJ_CLOSE, PriceBarWriter.Column.ADJ_CLOSE, PriceCsv.Role.VOLUME,
                    PriceBarWriter.Column.VOLUME);
            optional.forEach((role, col) -> {
                if (f.columns().containsKey(role)) {
                    present.add(col);
                }
            });
            PriceBarWriter w = PriceBarWriter.on(c, present, source);
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
            String lastSymbol = null;
            long lastId = -1;
            BitSet lastSeen = null;
            // Parsing runs on its own thread, a chunk ahead of the writer: on two cores the CSV work and the
            // SQLite work overlap.
            Parser parser = new Parser(file, f, opt.symbol(), counter);
            Thread parsing = new Thread(parser, "price-import-parser");
            parsing.setDaemon(true);
            parsing.start();
            try {
                while (true) {
                    Chunk chunk = parser.take();
                    if (chunk.error() != null) {
                        Throwable e = chunk.error();
                        if (e instanceof DataFileException de) {
                            throw de;
                        }
                        throw new DataFileException(file + ": " + describe(e));
                    }
                    if (chunk.rows() == null) {
                        break;
                    }
                    if (cancelled.getAsBoolean()) {
                        throw new CancellationException("the import was cancelled; nothing was written");
                    }
                    progress.accept(counter.fraction());
                    for (PriceCsv.Row row : chunk.rows()) {
                        rows++;
                        long line = row.line();
                        PriceCsv.Problem problem = row.problem();
                        long id = -1;
                        BitSet datesSeen = null;
                        if (problem == null) {
                            if (!row.symbol().equals(lastSymbol)) {
                                Optional<Long> known = idCache.get(row.symbol());
                                if (known == null) {
                                    known = resolve(w, row.symbol(), opt, source);
                                    idCache.put(row.symbol(), known);
                                }
                                lastSymbol = row.symbol();
                                lastId = known.orElse(-1L);
                                lastSeen = seen.computeIfAbsent(row.symbol(), k -> new BitSet());
                            }
                            if (lastId < 0) {
                                problem = new PriceCsv.Problem(line, "Symbol", row.symbol(), "unknown security; add"
                                        + " it in the Data view first, or import with --create");
                            } else {
                                id = lastId;
                                datesSeen = lastSeen;
                            }
                        }
                        if (problem == null && row.isBlank()) {
                            blank++;
                            continue;
                        }
                        if (problem == null) {
                            int bit = (int) (row.date().toEpochDay() - EPOCH_BASE);
                            if (datesSeen.get(bit)) {
                                problem = new PriceCsv.Problem(line, "Date", row.date().toString(),
                                        "the same date appears earlier in the file"
                                                + (f.isLong() ? " for " + row.symbol() : ""));
                            } else {
                                datesSeen.set(bit);
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
                        if (w.write(id, row.date(), row.open(), row.high(), row.low(), row.close(), row.adjClose(),
                                row.volume())) {
                            inserted++;
                        } else {
                            updated++;
                        }
                    }
                }
                w.finish();
                StartupTrace.mark("import: rows written");
            } finally {
                parser.stop();
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
            idCache.forEach((sym, id) -> {
                if (id.isPresent() && seen.containsKey(sym) && !seen.get(sym).isEmpty()) {
                    symbols.add(sym);
                }
            });
            return new Result(file, f, List.copyOf(symbols), rows, inserted, updated, blank, List.copyOf(problems));
        };
        return opt.storeAlone() ? store.writeBulkAlone(work) : store.writeBulk(work);
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
        if (e instanceof PriceCsvReader.Fault f) {
            return f.getMessage();
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "cannot be read as CSV (" + firstLine(m) + ")";
    }

    /** A library message's first line, without the position notes meant for programmers. */
    private static String firstLine(String m) {
        int cut = m.indexOf('\n');
        return (cut > 0 ? m.substring(0, cut) : m).replaceAll("\\s*\\(code \\d+\\)", "");
    }

    /** A batch of parsed rows; {@code rows == null} ends the stream, {@code error} reports a failure. */
    private record Chunk(List<PriceCsv.Row> rows, Throwable error) {}

    /** Reads and parses the file into chunks of rows, on its own thread. */
    private static final class Parser implements Runnable {
        private static final int CHUNK = 4096;
        private final java.util.concurrent.BlockingQueue<Chunk> queue = new java.util.concurrent.ArrayBlockingQueue<>(8);
        private final Path file;
        private final PriceCsv.Format f;
        private final String symbol;
        private final Counter counter;
        private volatile boolean stopped;

        Parser(Path file, PriceCsv.Format f, String symbol, Counter counter) {
            this.file = file;
            this.f = f;
            this.symbol = symbol;
            this.counter = counter;
        }

        Chunk take() {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("the import was interrupted; nothing was written");
            }
        }

        void stop() {
            stopped = true;
            queue.clear();
        }

        private void put(Chunk c) throws InterruptedException {
            while (!stopped && !queue.offer(c, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                // wait for the writer, or for a stop
            }
        }

        @Override
        public void run() {
            try {
                DateTimeFormatter dates = dates(f);
                try (Reader r = reader(counter.wrap(Files.newInputStream(file)));
                     PriceCsvReader it = PriceCsvReader.open(r, f.delimiter())) {
                    boolean header = true;
                    List<PriceCsv.Row> chunk = new ArrayList<>(CHUNK);
                    while (!stopped && it.hasNextRecord()) {
                        PriceCsvReader.Record rec = it.nextRecord();
                        if (header) {
                            header = false;
                            continue;
                        }
                        chunk.add(PriceCsv.row(rec.line(), rec.cells(), f, dates, symbol));
                        if (chunk.size() == CHUNK) {
                            put(new Chunk(chunk, null));
                            chunk = new ArrayList<>(CHUNK);
                        }
                    }
                    if (!chunk.isEmpty()) {
                        put(new Chunk(chunk, null));
                    }
                }
                StartupTrace.mark("import: file parsed"); // the writer has the queue's chunks still to write
                put(new Chunk(null, null));
            } catch (Throwable t) {
                try {
                    put(new Chunk(null, t));
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /**
     * UTF-8 text with a leading byte-order mark removed; a file that starts with a UTF-16 byte-order mark (as Excel's
     * "Unicode text" saves it) is read as UTF-16.
     */
    static BufferedReader reader(InputStream raw) throws IOException {
        java.io.BufferedInputStream in = new java.io.BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        java.nio.charset.Charset cs = (b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE)
                ? StandardCharsets.UTF_16 : StandardCharsets.UTF_8;
        if (cs == StandardCharsets.UTF_16) {
            // The UTF-16 decoder reads and drops the byte-order mark itself.
            return new BufferedReader(new InputStreamReader(in, cs), 1 << 16);
        }
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
        private volatile long read;

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
