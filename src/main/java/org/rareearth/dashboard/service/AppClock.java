package org.rareearth.dashboard.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The app's one clock: every read of "today" (statuses on a day, the dashboard's tiles, the timeline's today line,
 * days-since figures, exports' footnotes, a new record's default date) goes through it. The day can be pinned for
 * reproducible screenshots and reports with {@code --today YYYY-MM-DD} or the {@value #TODAY_ENV} environment
 * variable; tests pin it too. Time stamps of files (backups, moved-aside stores) keep the wall clock: they say when
 * something happened on this machine, not what day the analysis is for.
 */
public final class AppClock {
    /** The environment variable that pins the day, as {@code YYYY-MM-DD}. */
    public static final String TODAY_ENV = "RARE_EARTH_TODAY";

    /**
     * The process's own day: {@value #TODAY_ENV} as the process was started with it, else none (the machine's date).
     * It is honoured from the first read, so a process started with it (a test JVM included) never sees another day
     * unless told. A bad value is reported by the launcher (see {@link #configure}); here it is ignored.
     */
    private static final LocalDate PROCESS_DAY = processDay();

    private static volatile Clock clock = Clock.systemDefaultZone();
    private static volatile LocalDate pinned;

    static {
        reset();
    }

    private static LocalDate processDay() {
        try {
            return fromEnvironment(System.getenv()).orElse(null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private AppClock() {}

    /** The clock itself, for code that needs an instant or a zone. */
    public static Clock clock() {
        return clock;
    }

    /** Today as the app sees it: the pinned day, or the machine's date. */
    public static LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The pinned day, or empty when the app follows the machine's date. */
    public static Optional<LocalDate> pinnedDay() {
        return Optional.ofNullable(pinned);
    }

    /** Pins today to {@code day} (the start of that day in the machine's zone, standing still). */
    public static void pin(LocalDate day) {
        Objects.requireNonNull(day, "day");
        ZoneId zone = ZoneId.systemDefault();
        clock = Clock.fixed(day.atStartOfDay(zone).toInstant(), zone);
        pinned = day;
    }

    /** Back to the process's own day: the {@value #TODAY_ENV} it was started with, else the machine's date. */
    public static void reset() {
        if (PROCESS_DAY != null) {
            pin(PROCESS_DAY);
        } else {
            clock = Clock.systemDefaultZone();
            pinned = null;
        }
    }

    /**
     * Sets the day from a {@code --today} value (when given), else the given environment's {@value #TODAY_ENV},
     * else the process's own day (see {@link #reset}).
     *
     * @throws IllegalArgumentException naming the option or variable when the value is not a date
     */
    public static void configure(String todayOption, Map<String, String> env) {
        if (todayOption != null) {
            pin(parseDay(todayOption, "--today"));
            return;
        }
        Optional<LocalDate> fromEnv = fromEnvironment(env);
        if (fromEnv.isPresent()) {
            pin(fromEnv.get());
        } else {
            reset();
        }
    }

    /** The day {@value #TODAY_ENV} names, if it is set and not blank. */
    static Optional<LocalDate> fromEnvironment(Map<String, String> env) {
        String v = env.get(TODAY_ENV);
        if (v == null || v.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(parseDay(v, TODAY_ENV));
    }

    /** Reads {@code YYYY-MM-DD}; a message naming {@code where} otherwise. */
    public static LocalDate parseDay(String text, String where) {
        String t = text.strip();
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": '" + t + "' is not a date (write YYYY-MM-DD, for example"
                    + " 2025-10-15)");
        }
    }
}
