package org.rareearth.dashboard.io;

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
            throw new DataFileException(name + ": not readable as JSON text (" + e.getMessage() + ")");
        }
        if (d == null) {
            throw new DataFileException(name + ": the file holds no dataset (empty or null)");
        }
        return d;
    }

    static String describe(String name, JsonProcessingException e) {
        StringBuilder sb = new StringBuilder(name);
        JsonLocation loc = e.getLocation();
        if (loc != null && loc.getLineNr() > 0) {
            sb.append(": line ").append(loc.getLineNr()).append(", column ").append(loc.getColumnNr());
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            sb.append(" (").append(jsonPath(m.getPath())).append(')');
        }
        String detail = e.getOriginalMessage();
        if (detail != null) {
            // Jackson names Java types; users know the file, not our classes.
            detail = detail.replaceAll("`?org\\.rareearth\\.dashboard\\.domain\\.", "`")
                    .replaceAll("`java\\.(lang|time)\\.", "`")
                    .replaceAll("\\s*\\(for Object starting at.*", "");
            int cut = detail.indexOf('\n');
            if (cut > 0) {
                detail = detail.substring(0, cut);
            }
        }
        return sb.append(": ").append(detail).toString();
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
