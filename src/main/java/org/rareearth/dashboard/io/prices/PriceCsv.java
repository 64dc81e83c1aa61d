package org.rareearth.dashboard.io.prices;

import org.rareearth.dashboard.io.DataFileException;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The daily-price CSV layouts analysts download, recognised from their header: Date/Open/High/Low/Close/Adj
 * Close/Volume, Date/Close/Last/Volume/Open/High/Low with dollar signs, Date/Price/Open/High/Low/Vol./Change %
 * with "Jul 10, 2025" dates and "1.23M" volumes, Date/Open/High/Low/Close/Volume, Date/Close, and long files with
 * a Symbol or Ticker column. Also semicolons with decimal commas, a byte-order mark, either row order, and
 * "null" or empty cells on holidays.
 */
public final class PriceCsv {

    /** What a column holds. */
    public enum Role { DATE, SYMBOL, OPEN, HIGH, LOW, CLOSE, ADJ_CLOSE, VOLUME }

    /** Date formats tried, in order; the first that reads every sampled date wins. */
    public static final List<String> DATE_PATTERNS = List.of("uuuu-MM-dd", "uuuu/MM/dd", "M/d/uuuu", "d/M/uuuu",
            "d.M.uuuu", "MMM d, uuuu", "d MMM uuuu", "d-MMM-uuuu", "d-MMM-uu", "uuuuMMdd", "M/d/uu", "d/M/uu",
            "MMM dd uuuu");

    /** How to read a file: the delimiter, the decimal separator, the date format and which column is what. */
    public record Format(char delimiter, char decimal, String datePattern, Map<Role, Integer> columns,
                         List<String> header, String layout) {
        public Format {
            // An EnumMap: looked up several times per row, a million rows at a time.
            EnumMap<Role, Integer> copy = new EnumMap<>(Role.class);
            copy.putAll(columns);
            columns = java.util.Collections.unmodifiableMap(copy);
            header = List.copyOf(header);
        }

        public boolean isLong() {
            return columns.containsKey(Role.SYMBOL);
        }

        public Format with(char delimiter, char decimal, String datePattern, Map<Role, Integer> columns) {
            return new Format(delimiter, decimal, datePattern, columns, header, layout);
        }

        public DateTimeFormatter dateFormatter() {
            return DateTimeFormatter.ofPattern(datePattern, Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
        }
    }

    /** One bad cell: where and why. */
    public record Problem(long line, String column, String value, String reason) {
        @Override
        public String toString() {
            return "line " + line + (column == null ? "" : ", column " + column)
                    + (value == null ? "" : " ('" + abbreviate(value) + "')") + ": " + reason;
        }
    }

    /** A parsed row: a bar (null for a holiday row with no price) or the problem that refused it. */
    public record Row(long line, String symbol, LocalDate date, Double open, Double high, Double low, Double close,
                      Double adjClose, Long volume, Problem problem) {
        public boolean isBlank() {
            return problem == null && close == null;
        }
    }

    private PriceCsv() {}

    // ---- detection ----

    /** Guesses the format from the header line and some data lines (BOM already removed). */
    public static Format detect(String headerLine, List<String> sampleLines) {
        char delimiter = guessDelimiter(headerLine);
        List<String> header = splitLine(headerLine, delimiter);
        List<List<String>> rows = new ArrayList<>();
        for (String line : sampleLines) {
            try {
                rows.add(splitLine(line, delimiter));
            } catch (DataFileException e) {
                // a broken sample row says nothing of the date format; the import names it by line
            }
        }
        return detect(delimiter, header, rows);
    }

    /**
     * The format of a file whose header and first rows are already taken apart with {@code delimiter} (by
     * {@link PriceCsvReader}, as the import reads them): the columns by their names, the date pattern that reads
     * the most sampled dates.
     */
    public static Format detect(char delimiter, List<String> header, List<List<String>> rows) {
        Map<Role, Integer> columns = new EnumMap<>(Role.class);
        for (int i = 0; i < header.size(); i++) {
            roleOf(header.get(i)).ifPresent(r -> {
                if (!columns.containsKey(r)) {
                    columns.put(r, columns.size() >= 0 ? indexOf(header, r) : 0);
                }
            });
        }
        if (!columns.containsKey(Role.DATE)) {
            throw new DataFileException("the header has no date column (found: " + String.join(", ", header) + ")");
        }
        if (!columns.containsKey(Role.CLOSE)) {
            if (columns.containsKey(Role.ADJ_CLOSE)) {
                columns.put(Role.CLOSE, columns.get(Role.ADJ_CLOSE));
                columns.remove(Role.ADJ_CLOSE);
            } else {
                throw new DataFileException("the header has no close or price column (found: "
                        + String.join(", ", header) + ")");
            }
        }
        char decimal = delimiter == ';' ? ',' : '.';
        List<String> dates = new ArrayList<>();
        for (List<String> cells : rows) {
            int d = columns.get(Role.DATE);
            if (d < cells.size() && !cells.get(d).isBlank()) {
                dates.add(cells.get(d).trim());
            }
        }
        String pattern = guessDatePattern(dates, delimiter);
        return new Format(delimiter, decimal, pattern, columns, header, describe(columns));
    }

    private static int indexOf(List<String> header, Role r) {
        for (int i = 0; i < header.size(); i++) {
            if (roleOf(header.get(i)).orElse(null) == r) {
                return i;
            }
        }
        return -1;
    }

    static String describe(Map<Role, Integer> c) {
        if (c.containsKey(Role.SYMBOL)) {
            return "long file (one row per security and date)";
        }
        StringBuilder sb = new StringBuilder("Date");
        for (Role r : new Role[] {Role.OPEN, Role.HIGH, Role.LOW, Role.CLOSE, Role.ADJ_CLOSE, Role.VOLUME}) {
            if (c.containsKey(r)) {
                sb.append(", ").append(label(r));
            }
        }
        return sb.toString();
    }

    public static String label(Role r) {
        return switch (r) {
            case DATE -> "Date";
            case SYMBOL -> "Symbol";
            case OPEN -> "Open";
            case HIGH -> "High";
            case LOW -> "Low";
            case CLOSE -> "Close";
            case ADJ_CLOSE -> "Adj Close";
            case VOLUME -> "Volume";
        };
    }

    static Optional<Role> roleOf(String headerCell) {
        String h = headerCell.toLowerCase(Locale.ROOT).replace("*", "").replace("\"", "").replace('_', ' ')
                .replaceAll("\\s+", " ").trim();
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return Optional.ofNullable(switch (h) {
            case "date", "datum", "day", "trade date", "timestamp", "time" -> Role.DATE;
            case "symbol", "ticker", "code", "security" -> Role.SYMBOL;
            case "open", "open price", "opening price" -> Role.OPEN;
            case "high", "high price" -> Role.HIGH;
            case "low", "low price" -> Role.LOW;
            case "close", "close/last", "price", "last", "close price", "closing price", "last price" -> Role.CLOSE;
            case "adj close", "adj. close", "adjusted close", "adjclose", "adj close price" -> Role.ADJ_CLOSE;
            case "volume", "vol", "shares traded" -> Role.VOLUME;
            default -> null;
        });
    }

    /** The delimiter a header line uses: the most frequent of comma, semicolon and tab outside quotes. */
    public static char guessDelimiter(String header) {
        int commas = 0;
        int semis = 0;
        int tabs = 0;
        boolean quoted = false;
        for (char ch : header.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (ch == ',') {
                    commas++;
                } else if (ch == ';') {
                    semis++;
                } else if (ch == '\t') {
                    tabs++;
                }
            }
        }
        if (tabs > commas && tabs > semis) {
            return '\t';
        }
        return semis > commas ? ';' : ',';
    }

    /**
     * The format that reads the most sampled dates (a stray bad date must not hide the right format; the import
     * then names it). Day/month and month/day both fit when every day is 12 or less: US files put the month
     * first, files with semicolons (European exports) the day.
     */
    static String guessDatePattern(List<String> dates, char delimiter) {
        if (dates.isEmpty()) {
            return DATE_PATTERNS.get(0);
        }
        String best = null;
        int bestCount = 0;
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (String p : DATE_PATTERNS) {
            DateTimeFormatter f = DateTimeFormatter.ofPattern(p, Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
            int ok = 0;
            for (String d : dates) {
                try {
                    LocalDate.parse(d, f);
                    ok++;
                } catch (DateTimeParseException e) {
                    // counted as a miss
                }
            }
            counts.put(p, ok);
            if (ok > bestCount) {
                best = p;
                bestCount = ok;
            }
        }
        if (best == null) {
            throw new DataFileException("the dates (such as '" + dates.get(0) + "') match none of the known formats;"
                    + " choose the format in the import dialog");
        }
        if ((best.equals("M/d/uuuu") || best.equals("d/M/uuuu"))
                && counts.get("M/d/uuuu").equals(counts.get("d/M/uuuu"))) {
            return delimiter == ';' ? "d/M/uuuu" : "M/d/uuuu";
        }
        return best;
    }

    // ---- rows ----

    /**
     * Splits one line on the delimiter as the import does ({@link PriceCsvReader}: quotes, doubled quotes, trimmed
     * spaces); a line that cannot be taken apart is a {@link DataFileException} saying why.
     */
    public static List<String> splitLine(String line, char delimiter) {
        return PriceCsvReader.cells(line, delimiter);
    }

    /** Reads one record's cells into a row; {@code symbol} is used when the file has no symbol column. */
    public static Row row(long line, String[] cells, Format f, DateTimeFormatter dates, String symbol) {
        // A row is as long as the header: one cell short is a cut or shifted row, not a holiday. Empty cells past
        // the header's end (a trailing delimiter) are tolerated.
        int expected = f.header().size();
        int n = cells.length;
        while (n > expected && cells[n - 1].isBlank()) {
            n--;
        }
        if (n != expected) {
            return bad(line, null, null, "the row has " + n + (n == 1 ? " cell" : " cells") + " where the header has "
                    + expected);
        }
        String sym = symbol;
        if (f.isLong()) {
            sym = cell(cells, f.columns().get(Role.SYMBOL));
            if (sym == null) {
                return bad(line, "Symbol", "", "missing symbol");
            }
        }
        String dateText = cell(cells, f.columns().get(Role.DATE));
        if (dateText == null) {
            return bad(line, "Date", "", "missing date");
        }
        LocalDate date;
        try {
            date = parseDate(dateText, f.datePattern(), dates);
        } catch (DateTimeParseException e) {
            return bad(line, "Date", dateText, "not a date in the format " + f.datePattern().replace("uuuu", "yyyy")
                    .replace("uu", "yy"));
        }
        String wrongDate = PriceRules.date(date);
        if (wrongDate != null) {
            return bad(line, "Date", dateText, wrongDate);
        }
        Double[] v = new Double[4];
        Role[] prices = {Role.OPEN, Role.HIGH, Role.LOW, Role.CLOSE};
        for (int k = 0; k < prices.length; k++) {
            Integer col = f.columns().get(prices[k]);
            if (col == null) {
                continue;
            }
            String text = cell(cells, col);
            try {
                v[k] = number(text, f.decimal());
            } catch (NumberFormatException e) {
                return bad(line, header(f, col), text, "not a number");
            }
            String wrong = PriceRules.price(v[k]);
            if (wrong != null) {
                return bad(line, header(f, col), text, wrong);
            }
        }
        Double adj = null;
        Integer adjCol = f.columns().get(Role.ADJ_CLOSE);
        if (adjCol != null) {
            String text = cell(cells, adjCol);
            try {
                adj = number(text, f.decimal());
            } catch (NumberFormatException e) {
                return bad(line, header(f, adjCol), text, "not a number");
            }
            String wrong = PriceRules.price(adj);
            if (wrong != null) {
                return bad(line, header(f, adjCol), text, wrong);
            }
        }
        Long volume = null;
        Integer volCol = f.columns().get(Role.VOLUME);
        if (volCol != null) {
            String text = cell(cells, volCol);
            try {
                volume = volume(text, f.decimal());
            } catch (NumberFormatException e) {
                return bad(line, header(f, volCol), text, "not a volume");
            }
        }
        if (v[3] == null) {
            // A holiday row ("null" or empty cells): nothing to store, nothing wrong.
            return new Row(line, sym, date, null, null, null, null, null, null, null);
        }
        String inverted = PriceRules.lowHigh(v[1], v[2]);
        if (inverted != null) {
            return bad(line, header(f, f.columns().get(Role.LOW)), cell(cells, f.columns().get(Role.LOW)), inverted);
        }
        return new Row(line, sym, date, v[0], v[1], v[2], v[3], adj, volume, null);
    }

    private static Row bad(long line, String column, String value, String reason) {
        return new Row(line, null, null, null, null, null, null, null, null, new Problem(line, column, value, reason));
    }

    private static String header(Format f, int col) {
        return col < f.header().size() ? f.header().get(col) : "#" + (col + 1);
    }

    private static String cell(String[] cells, Integer col) {
        if (col == null || col >= cells.length) {
            return null;
        }
        String s = cells[col].trim();
        return s.isEmpty() ? null : s;
    }

    static LocalDate parseDate(String text, String pattern, DateTimeFormatter f) {
        if ("uuuu-MM-dd".equals(pattern) && text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            // The common case, without the formatter's overhead (a million rows add up).
            try {
                return LocalDate.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10),
                        Integer.parseInt(text, 8, 10, 10));
            } catch (NumberFormatException | java.time.DateTimeException e) {
                throw new DateTimeParseException("not a date", text, 0);
            }
        }
        return LocalDate.parse(text, f);
    }

    private static final java.util.regex.Pattern PLAIN_DOT =
            java.util.regex.Pattern.compile("[+-]?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
    private static final java.util.regex.Pattern GROUPED_DOT =
            java.util.regex.Pattern.compile("[+-]?\\d{1,3}([,' ]\\d{3})+(\\.\\d+)?");
    private static final java.util.regex.Pattern PLAIN_COMMA =
            java.util.regex.Pattern.compile("[+-]?\\d+(,\\d+)?");
    private static final java.util.regex.Pattern GROUPED_COMMA =
            java.util.regex.Pattern.compile("[+-]?\\d{1,3}([.' ]\\d{3})+(,\\d+)?");

    /**
     * A price: a currency mark (US$, A$, $, €, £, ¥) and thousands separators in groups of three are accepted;
     * "null", "-", "N/A" mean no value. Anything else, NaN and Infinity included, is not a number.
     */
    static Double number(String text, char decimal) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        if (t.isEmpty() || t.equalsIgnoreCase("null") || t.equals("-") || t.equalsIgnoreCase("n/a")
                || t.equalsIgnoreCase("na")) {
            return null;
        }
        if (isPlainDecimal(t, decimal)) {
            return Double.parseDouble(decimal == '.' ? t : t.replace(',', '.'));
        }
        t = stripCurrency(t).replace('\u00a0', ' ').trim();
        String normal;
        if (decimal == '.') {
            if (PLAIN_DOT.matcher(t).matches()) {
                normal = t;
            } else if (GROUPED_DOT.matcher(t).matches()) {
                normal = t.replace(",", "").replace("'", "").replace(" ", "");
            } else {
                throw new NumberFormatException(text);
            }
        } else {
            if (PLAIN_COMMA.matcher(t).matches()) {
                normal = t.replace(',', '.');
            } else if (GROUPED_COMMA.matcher(t).matches()) {
                normal = t.replace(".", "").replace("'", "").replace(" ", "").replace(',', '.');
            } else {
                throw new NumberFormatException(text);
            }
        }
        double v = Double.parseDouble(normal);
        if (!Double.isFinite(v)) {
            throw new NumberFormatException(text);
        }
        return v;
    }

    /** Digits with at most one decimal separator: the common case, checked without a regular expression. */
    private static boolean isPlainDecimal(String t, char decimal) {
        boolean sep = false;
        boolean digit = false;
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (ch >= '0' && ch <= '9') {
                digit = true;
            } else if (ch == decimal && !sep && i > 0 && i < t.length() - 1) {
                sep = true;
            } else {
                return false;
            }
        }
        return digit;
    }

    private static String stripCurrency(String t) {
        for (String mark : new String[] {"US$", "A$", "$", "€", "£", "¥", "USD", "AUD", "CNY"}) {
            if (t.startsWith(mark)) {
                return t.substring(mark.length()).trim();
            }
            if (t.endsWith(mark)) {
                return t.substring(0, t.length() - mark.length()).trim();
            }
        }
        if (t.startsWith("-$")) {
            return "-" + t.substring(2);
        }
        return t;
    }

    /** A volume, with K, M or B suffixes ("1.23M"). */
    static Long volume(String text, char decimal) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        double mult = 1;
        if (!t.isEmpty()) {
            char last = Character.toUpperCase(t.charAt(t.length() - 1));
            if (last == 'K' || last == 'M' || last == 'B') {
                mult = last == 'K' ? 1e3 : last == 'M' ? 1e6 : 1e9;
                t = t.substring(0, t.length() - 1);
            }
        }
        Double v = number(t, decimal);
        if (v == null) {
            return null;
        }
        if (v < 0) {
            throw new NumberFormatException(text);
        }
        return Math.round(v * mult);
    }

    static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 39) + "…" : s;
    }
}
