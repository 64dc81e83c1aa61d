package org.rareearth.dashboard.desktop.data;

import java.util.List;
import java.util.function.Supplier;

/** One field of a record form: its name (as the validator names it), label, kind of control and choices. */
record Field(String name, String label, Type type, boolean required, Supplier<List<String>> choices, String tip) {

    enum Type { TEXT, AREA, DATE, NUMBER, BOOL, CHOICE, EDITABLE_CHOICE, MULTI }

    static Field text(String name, String label, boolean required, String tip) {
        return new Field(name, label, Type.TEXT, required, List::of, tip);
    }

    static Field area(String name, String label, String tip) {
        return new Field(name, label, Type.AREA, false, List::of, tip);
    }

    static Field date(String name, String label, boolean required, String tip) {
        return new Field(name, label, Type.DATE, required, List::of, tip);
    }

    static Field number(String name, String label, boolean required, String tip) {
        return new Field(name, label, Type.NUMBER, required, List::of, tip);
    }

    static Field bool(String name, String label, String tip) {
        return new Field(name, label, Type.BOOL, false, List::of, tip);
    }

    static Field choice(String name, String label, boolean required, Supplier<List<String>> choices, String tip) {
        return new Field(name, label, Type.CHOICE, required, choices, tip);
    }

    static Field editableChoice(String name, String label, boolean required, Supplier<List<String>> choices,
                                String tip) {
        return new Field(name, label, Type.EDITABLE_CHOICE, required, choices, tip);
    }

    static Field multi(String name, String label, Supplier<List<String>> choices, String tip) {
        return new Field(name, label, Type.MULTI, false, choices, tip);
    }
}
