package org.rareearth.dashboard.io;

import java.util.List;

/** A data file that was refused. The message names the file and the places (line, JSON path, field). */
public class DataFileException extends RuntimeException {
    private final List<String> problems;

    public DataFileException(String message, List<String> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public DataFileException(String message) {
        this(message, List.of(message));
    }

    /** Each problem on its own, for lists in the UI. */
    public List<String> problems() {
        return problems;
    }
}
