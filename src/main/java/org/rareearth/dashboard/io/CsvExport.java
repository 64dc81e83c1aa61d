package org.rareearth.dashboard.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the data behind a chart as CSV (RFC 4180 quoting). A cell a spreadsheet would run as a formula
 * (starting with =, +, -, @, a tab or a carriage return) is neutralised with a leading apostrophe, unless it is
 * a plain number such as -0.4.
 */
public final class CsvExport {
    private CsvExport() {}

    public static String toCsv(List<String> header, List<List<Object>> rows) {
        StringBuilder sb = new StringBuilder();
        line(sb, header.stream().map(h -> (Object) h).toList());
        for (List<Object> r : rows) {
            line(sb, r);
        }
        return sb.toString();
    }

    public static void write(Path file, List<String> header, List<List<Object>> rows) throws IOException {
        AtomicFiles.write(file, toCsv(header, rows).getBytes(StandardCharsets.UTF_8));
    }

    private static void line(StringBuilder sb, List<Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(cell(cells.get(i)));
        }
        sb.append("\r\n");
    }

    /** One cell, neutralised and quoted as needed. */
    public static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Number n) {
            return n instanceof Double d && (d.isNaN() || d.isInfinite()) ? "" : n.toString();
        }
        String s = v.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !isNumber(s)) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") || s.startsWith(" ")
                || s.endsWith(" ")) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    private static boolean isNumber(String s) {
        return s.matches("[+-]?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
    }
}
