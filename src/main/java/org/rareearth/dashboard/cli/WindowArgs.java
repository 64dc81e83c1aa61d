package org.rareearth.dashboard.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * The desktop start's own options when they come alone and in their plain forms: nothing, {@code --db PATH},
 * {@code --db=PATH} and {@code --exit-after-first-frame}, each at most once. Such a start opens the window without
 * loading the command-line library, whose loading took about 0.12 s of the 0.3 s by which the app's first frame
 * trailed a bare JavaFX window on a two-core machine. Anything else (a command, help, any other option, a repeated
 * or odd-looking one) is left to the full command line, which reads it as before; a test holds that the two read
 * every accepted form alike.
 */
record WindowArgs(String db, boolean exitAfterFirstFrame) {
    static final String DB = "--db";
    static final String EXIT_AFTER_FIRST_FRAME = "--exit-after-first-frame";
    /** The words that ask for help or the version. */
    static final Set<String> HELP = Set.of("help", "-h", "--help", "-V", "--version");
    /**
     * The words that name a command (the commands' names and aliases, as a test checks) or ask for help or the
     * version: with any of them the app opens no window.
     */
    static final Set<String> NOT_A_WINDOW;
    /** The commands' names, in the order of {@link Cli#COMMANDS} (a test checks them against the annotations). */
    static final java.util.List<String> COMMAND_NAMES = java.util.List.of("info", "export-dataset", "import-dataset",
            "import-prices", "fetch-prices", "event-study", "event-study-pooled", "gap", "timeline", "capacity",
            "export-png", "review", "backup", "restore", "copy-store", "bench");

    static {
        Set<String> words = new java.util.HashSet<>(HELP);
        words.addAll(COMMAND_NAMES);
        NOT_A_WINDOW = Set.copyOf(words);
    }

    /** The options, or empty when the full command line must read the arguments. */
    static Optional<WindowArgs> read(String[] args) {
        String db = null;
        boolean exit = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value;
            if (a.equals(EXIT_AFTER_FIRST_FRAME) && !exit) {
                exit = true;
                continue;
            } else if (a.equals(DB) && i + 1 < args.length) {
                value = args[++i];
            } else if (a.startsWith(DB + "=")) {
                value = a.substring(DB.length() + 1);
            } else {
                return Optional.empty();
            }
            if (db != null || value.isEmpty() || value.startsWith("-") || value.startsWith("@")
                    || NOT_A_WINDOW.contains(value)) {
                return Optional.empty();
            }
            // A URL (a PostgreSQL store) is the store location's to read; anything else must be a path.
            if (!value.contains("://")) {
                try {
                    Path.of(value);
                } catch (InvalidPathException e) {
                    return Optional.empty();
                }
            }
            db = value;
        }
        return Optional.of(new WindowArgs(db, exit));
    }
}
