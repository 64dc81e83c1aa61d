package org.rareearth.dashboard.io.dataset;

import org.rareearth.dashboard.io.AtomicFiles;
import org.rareearth.dashboard.io.DataFileException;
import org.rareearth.dashboard.io.Json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.rareearth.dashboard.domain.Dataset;

/** Reads and writes dataset JSON files, the format of {@code data/dataset.json} and {@code export-dataset}. */
public final class DatasetFiles {
    private DatasetFiles() {}

    /** Reads a dataset; a file that cannot be read as one is refused with its line, column and JSON path. */
    public static Dataset read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new DataFileException(file + ": no such file");
        } catch (IOException e) {
            throw new DataFileException(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    /** Reads a dataset from a stream; {@code name} is used in messages. */
    public static Dataset read(InputStream in, String name) throws IOException {
        Dataset d;
        try {
            d = Json.MAPPER.readValue(in, Dataset.class);
        } catch (JsonProcessingException e) {
            throw new DataFileException(describe(name, e));
        } catch (java.io.CharConversionException e) {
            // Found by fuzzing: bytes that look like UTF-16/32 text but are not.
            java.util.regex.Matcher at = java.util.regex.Pattern.compile("byte #(\\d+)")
                    .matcher(String.valueOf(e.getMessage()));
            throw new DataFileException(name + ": not JSON text: the bytes" + (at.find() ? " at byte " + at.group(1)
                    : "") + " are not valid UTF-8, UTF-16 or UTF-32 (save the file as UTF-8)");
        }
        if (d == null) {
            throw new DataFileException(name + ": the file holds no dataset (empty or null)");
        }
        return d;
    }

    /**
     * A reading error in the user's words: the file, the JSON path and field, what was expected and what was found,
     * then the line and column. No type names of the app or of the JSON library.
     */
    static String describe(String name, JsonProcessingException e) {
        StringBuilder sb = new StringBuilder(name).append(": ");
        String path = e instanceof JsonMappingException m ? jsonPath(m.getPath()) : null;
        sb.append(path == null ? "" : path + ": ").append(plain(e, path));
        JsonLocation loc = e.getLocation();
        if (loc != null && loc.getLineNr() > 0) {
            sb.append(" (line ").append(loc.getLineNr()).append(", column ").append(loc.getColumnNr()).append(')');
        }
        return sb.toString();
    }

    /** What went wrong, in plain words. */
    static String plain(JsonProcessingException e, String path) {
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            List<String> known = u.getKnownPropertyIds() == null ? List.of()
                    : u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            return "unknown field \"" + u.getPropertyName() + "\"" + (known.isEmpty() ? ""
                    : " (known here: " + String.join(", ", known) + ")");
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.ValueInstantiationException v && v.getCause() != null
                && v.getCause().getMessage() != null) {
            return v.getCause().getMessage();
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m) {
            Class<?> target = m.getTargetType();
            String found = found(m);
            if (target == java.time.LocalDate.class && m instanceof
                    com.fasterxml.jackson.databind.exc.InvalidFormatException f) {
                return "\"" + f.getValue() + "\" is not a date (write YYYY-MM-DD)";
            }
            String expected = expected(target, path);
            if (expected != null && found != null) {
                return "expected " + expected + ", found " + found;
            }
        }
        String original = e.getOriginalMessage() == null ? "cannot be read" : e.getOriginalMessage();
        if (original.startsWith("Duplicate field '")) {
            String key = original.substring("Duplicate field '".length(), original.indexOf('\'', 17));
            return "the key \"" + key + "\" appears twice in one object";
        }
        if (original.startsWith("Unexpected end-of-input")) {
            return "the file ends in the middle of the JSON (cut short?)";
        }
        if (original.startsWith("Unexpected character")) {
            return "not valid JSON here (" + original.replaceAll("\\s*\\(code \\d+\\)", "")
                    .replaceAll("^Unexpected character \\(('.*?')\\)", "unexpected $1").replaceAll("\n.*", "")
                    + ")";
        }
        // Anything else: the library's words without Java type names or source positions.
        String detail = original.replaceAll("`[^`]*`", "a value").replaceAll("\\s*\\(for Object starting at.*", "")
                .replaceAll("\\(class [^)]*\\)", "").replaceAll("java\\.[a-z]+\\.[A-Za-z.]+", "value");
        int cut = detail.indexOf('\n');
        return cut > 0 ? detail.substring(0, cut) : detail;
    }

    private static String expected(Class<?> t, String path) {
        if (t == null) {
            return null;
        }
        String field = path == null ? "" : path.replaceAll(".*\\.", "").replaceAll("\\[.*", "");
        if (java.util.Collection.class.isAssignableFrom(t) || t.isArray()) {
            return switch (field) {
                case "materials" -> "a list of materials";
                case "related" -> "a list of event codes";
                default -> "a list";
            };
        }
        if (Number.class.isAssignableFrom(t) || t == double.class || t == int.class || t == long.class) {
            return "a number";
        }
        if (t == Boolean.class || t == boolean.class) {
            return "true or false";
        }
        if (t == String.class) {
            return "text";
        }
        if (t == java.time.LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (t == Dataset.class) {
            return "a dataset: an object { \"events\": [...], ... }";
        }
        return "an object { ... }";
    }

    /**
     * What the file held where reading failed, from the library's message (the parser is closed by then): a list, an
     * object, a text, a number, true or false.
     */
    static String found(com.fasterxml.jackson.databind.exc.MismatchedInputException m) {
        String msg = m.getOriginalMessage() == null ? "" : m.getOriginalMessage();
        java.util.regex.Matcher text = java.util.regex.Pattern
                .compile("(?:from|coerce) String (?:value )?\\(?['\"(]+(.*?)['\")]+\\)?(?: |:|$)").matcher(msg);
        if (text.find()) {
            return "the text \"" + abbreviate(text.group(1)) + "\"";
        }
        if (msg.contains("from Array value") || msg.contains("START_ARRAY")) {
            return "a list";
        }
        if (msg.contains("from Object value") || msg.contains("START_OBJECT")) {
            return "an object";
        }
        java.util.regex.Matcher number = java.util.regex.Pattern
                .compile("(?:from|coerce) (?:Integer|Floating-point|Number|Long|Double|Big\\w*) value \\(?([-0-9.eE+]+)")
                .matcher(msg);
        if (number.find()) {
            return "the number " + number.group(1);
        }
        if (msg.contains("from Boolean value") || msg.contains("coerce Boolean")) {
            return "true or false";
        }
        if (msg.contains("from Null value") || msg.contains("null")) {
            return "null";
        }
        return null;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "…" : s;
    }

    static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder sb = new StringBuilder("$");
        for (JsonMappingException.Reference r : path) {
            if (r.getFieldName() != null) {
                sb.append('.').append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    public static String toJson(Dataset d) {
        try {
            return Json.prettyWriter().writeValueAsString(d) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the dataset next to {@code file} and moves it into place, so a failure never leaves half a file. */
    public static void write(Dataset d, Path file) throws IOException {
        AtomicFiles.write(file, toJson(d).getBytes(StandardCharsets.UTF_8));
    }
}
