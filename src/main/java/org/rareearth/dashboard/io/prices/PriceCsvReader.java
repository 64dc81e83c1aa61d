package org.rareearth.dashboard.io.prices;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.rareearth.dashboard.io.DataFileException;

/**
 * The one CSV tokenizer of price data: the import, the import dialog's preview, format detection and the Stooq
 * feed all take a file apart here, so they agree on quoted cells, doubled quotes, line breaks inside quotes and
 * trimmed spaces. Each record carries the line it starts on.
 */
public final class PriceCsvReader implements AutoCloseable {
    /** One record: the line of the file it starts on (from 1) and its cells. */
    public record Record(long line, String[] cells) {}

    /** A record that cannot be taken apart, with the line it starts on and the reason in plain words. */
    public static final class Fault extends IOException {
        private final long line;

        private final String reason;

        Fault(long line, Throwable cause) {
            super("line " + line + ": " + reason(cause), cause);
            this.line = line;
            this.reason = reason(cause);
        }

        public long line() {
            return line;
        }

        /** Why, without the line. */
        public String reason() {
            return reason;
        }

        private static String reason(Throwable cause) {
            String m = String.valueOf(cause.getMessage());
            if (m.contains("closing quote")) {
                return "a quoted cell opened on this line is never closed (a \" is missing)";
            }
            return "cannot be read as CSV (" + firstLine(m) + ")";
        }
    }

    private static final CsvMapper MAPPER = new CsvMapper();

    static {
        MAPPER.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        MAPPER.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        MAPPER.enable(CsvParser.Feature.TRIM_SPACES);
    }

    private final MappingIterator<String[]> it;
    private Record next;
    private boolean done;

    private PriceCsvReader(MappingIterator<String[]> it) {
        this.it = it;
    }

    private static ObjectReader reader(char delimiter) {
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(delimiter).withQuoteChar('"');
        return MAPPER.readerFor(String[].class).with(schema);
    }

    /** Reads records from {@code in} (closed with this reader). */
    public static PriceCsvReader open(Reader in, char delimiter) throws IOException {
        return new PriceCsvReader(reader(delimiter).readValues(in));
    }

    /** Up to {@code max} records of a text (the header among them), for previews and answers held in memory. */
    public static List<Record> read(String text, char delimiter, int max) throws Fault {
        List<Record> out = new ArrayList<>();
        try (PriceCsvReader r = open(new StringReader(text), delimiter)) {
            while (out.size() < max && r.hasNextRecord()) {
                out.add(r.nextRecord());
            }
        } catch (Fault f) {
            throw f;
        } catch (IOException e) {
            throw new Fault(1, e);
        }
        return out;
    }

    /** The cells of one line (a header, a sample row), split as the import splits them. */
    public static List<String> cells(String line, char delimiter) {
        try {
            List<Record> r = read(line, delimiter, 1);
            return r.isEmpty() ? List.of("") : List.of(r.get(0).cells());
        } catch (Fault f) {
            throw new DataFileException(f.reason());
        }
    }

    /** True when there is another record; a record that cannot be read is a {@link Fault}. */
    public boolean hasNextRecord() throws Fault {
        if (next != null) {
            return true;
        }
        if (done) {
            return false;
        }
        // Where the parser stands before a record is the record's first line, even when a quoted cell runs over
        // several lines or blank lines were skipped.
        long line = it.getParser().currentLocation().getLineNr();
        try {
            if (!it.hasNextValue()) {
                done = true;
                return false;
            }
            next = new Record(line, it.nextValue());
            return true;
        } catch (RuntimeException | IOException e) {
            done = true;
            throw new Fault(line, e);
        }
    }

    public Record nextRecord() throws Fault {
        if (!hasNextRecord()) {
            throw new NoSuchElementException();
        }
        Record r = next;
        next = null;
        return r;
    }

    @Override
    public void close() throws IOException {
        it.close();
    }

    /** A library message's first line, without the position notes meant for programmers. */
    static String firstLine(String m) {
        int cut = m.indexOf('\n');
        return (cut > 0 ? m.substring(0, cut) : m).replaceAll("\\s*\\(code \\d+\\)", "");
    }
}
