package org.rareearth.dashboard.io.prices;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
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
 *
 * <p>It reads Jackson's CSV parser token by token (with no schema, a record is an array of strings) rather than
 * through a data-binding mapper: the same tokenizer, without the mapper's set-up, which cost an import 0.3-0.4 s
 * of its start before the first row was read.
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

    private static final CsvFactory FACTORY = CsvFactory.builder()
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .build();

    private final CsvParser parser;
    private final List<String> cells = new ArrayList<>();
    private Record next;
    private boolean done;

    private PriceCsvReader(CsvParser parser) {
        this.parser = parser;
    }

    /** Reads records from {@code in} (closed with this reader). */
    public static PriceCsvReader open(Reader in, char delimiter) throws IOException {
        CsvParser p = FACTORY.createParser(in);
        p.setSchema(CsvSchema.emptySchema().withColumnSeparator(delimiter).withQuoteChar('"'));
        return new PriceCsvReader(p);
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
        long line = parser.currentLocation().getLineNr();
        try {
            JsonToken t = parser.nextToken();
            if (t == null) {
                done = true;
                return false;
            }
            if (t != JsonToken.START_ARRAY) {
                throw new IOException("unexpected " + t + " at the start of a record");
            }
            cells.clear();
            while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    throw new IOException("the file ends inside a record");
                }
                cells.add(parser.getText());
            }
            next = new Record(line, cells.toArray(String[]::new));
            return true;
        } catch (DataFileException e) {
            // Refused by what the text is read through (binary data, an over-long line): said as it is.
            done = true;
            throw e;
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
        parser.close();
    }

    /** A library message's first line, without the position notes meant for programmers. */
    static String firstLine(String m) {
        int cut = m.indexOf('\n');
        return (cut > 0 ? m.substring(0, cut) : m).replaceAll("\\s*\\(code \\d+\\)", "");
    }
}
