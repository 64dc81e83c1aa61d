package org.rareearth.dashboard.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Parsing of the short codes that name enum values in files and on the command line. */
final class Codes {
    private Codes() {}

    static <E extends Enum<E>> E parse(Class<E> type, E[] values, String text,
                                       Function<E, String> code, Function<E, String> label) {
        if (text == null) {
            throw new IllegalArgumentException("missing " + nameOf(type));
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (E e : values) {
            if (code.apply(e).equals(t) || label.apply(e).toLowerCase(Locale.ROOT).equals(t)
                    || e.name().toLowerCase(Locale.ROOT).equals(t)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + nameOf(type) + " '" + text + "' (known: "
                + Arrays.stream(values).map(code).collect(Collectors.joining(", ")) + ")");
    }

    private static String nameOf(Class<?> type) {
        return type.getSimpleName().toLowerCase(Locale.ROOT);
    }
}
