package org.rareearth.dashboard.service;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import java.util.concurrent.CopyOnWriteArrayList;
import org.rareearth.dashboard.domain.Dataset;
import org.rareearth.dashboard.domain.FxRate;
import org.rareearth.dashboard.domain.PolicyEvent;
import org.rareearth.dashboard.domain.PriceAssessment;
import org.rareearth.dashboard.domain.PriceFloor;
import org.rareearth.dashboard.domain.Stake;
import org.rareearth.dashboard.domain.Reaction;
import org.rareearth.dashboard.domain.Security;
import org.rareearth.dashboard.io.DataFileException;
import org.rareearth.dashboard.io.dataset.DatasetValidator;
import org.rareearth.dashboard.store.RecordConflict;
import org.rareearth.dashboard.store.RecordEdit;
import org.rareearth.dashboard.store.RecordStore;

/**
 * Manual edits: each checked with the same rules as an import, saved at once in its own transaction, announced
 * to every listener (views refresh), and kept on an undo/redo history for the session. Each is also checked
 * against the store as it is now: a record someone else changed since it was opened is refused with a
 * {@link RecordConflict} (which {@link #overwrite} or a new key can then settle), and every change lands in the
 * store's edit log (who, when, before and after; {@link #history}). The writes may run on any thread (the desktop
 * runs them off the FX thread), one at a time.
 */
public final class RecordEditor {
    private final Workspace services;
    private final RecordStore records;
    private final Deque<Change> undo = new ArrayDeque<>();
    private final Deque<Change> redo = new ArrayDeque<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /**
     * One edit and how to take it back: the record before and after, as stored (null before an add, after a
     * delete), kept up to date as undo and redo write them again.
     */
    private final class Change {
        final String label;
        Object before;
        Object after;
        final List<Object> dependents;

        Change(String label, Object before, Object after, List<Object> dependents) {
            this.label = label;
            this.before = before;
            this.after = after;
            this.dependents = dependents;
        }

        void apply() {
            if (after == null) {
                records.delete(before);
            } else {
                after = records.save(before, after);
            }
        }

        void revert() {
            if (before == null) {
                records.delete(after);
            } else if (after == null) {
                records.restore(before, dependents);
            } else {
                before = records.save(after, before);
            }
        }
    }

    public RecordEditor(Workspace services) {
        this.services = services;
        this.records = new RecordStore(services.store(), services.editLog());
    }

    /** A record as the edit log keeps it: its JSON as in a dataset file. */
    public static String json(Object record) {
        try {
            return org.rareearth.dashboard.io.Json.MAPPER.writeValueAsString(record);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a record that cannot be written as JSON: " + record, e);
        }
    }

    /** A record as a dataset file of its own (importable with Import dataset), e.g. to keep one's own version. */
    public static String datasetJson(Object record) {
        return org.rareearth.dashboard.io.dataset.DatasetFiles.toJson(Dataset.of(record));
    }

    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }

    /**
     * What checking a record and filling a form's choice lists needs, taken from one read of the store's records:
     * the known securities, events and floor programmes, the keys of every stored record, and the choices. A form
     * checks against it as the user types (no store work then); {@link #save} checks against the store again.
     */
    public record Context(Set<String> symbols, Set<String> eventCodes, Set<String> floorPrograms,
                          Map<Class<?>, Set<String>> keys, Map<String, List<String>> choices) {
        /** Nothing known yet (a form's columns need no choices). */
        public static final Context EMPTY = of(new Dataset(null, null, null, null, null, null, null, null, null, null));

        public Context {
            symbols = Set.copyOf(symbols);
            eventCodes = Set.copyOf(eventCodes);
            floorPrograms = Set.copyOf(floorPrograms);
            keys = Map.copyOf(keys);
            choices = Map.copyOf(choices);
        }

        /** From the records of a dataset (its price bars are not needed). */
        public static Context of(Dataset d) {
            Map<Class<?>, Set<String>> keys = new HashMap<>();
            for (Object r : d.records()) {
                if (!(r instanceof org.rareearth.dashboard.domain.PriceBar)) {
                    keys.computeIfAbsent(r.getClass(), k -> new HashSet<>()).add(RecordStore.key(r));
                }
            }
            keys.replaceAll((k, v) -> Set.copyOf(v));
            Map<String, List<String>> choices = new HashMap<>();
            choices.put("symbol", d.securities().stream().map(Security::symbol).toList());
            choices.put("event", d.events().stream().map(PolicyEvent::code).toList());
            choices.put("materials", d.events().stream().flatMap(e -> e.materials().stream()).distinct().sorted()
                    .toList());
            return new Context(d.securities().stream().map(Security::symbol).collect(Collectors.toSet()),
                    d.events().stream().map(PolicyEvent::code).collect(Collectors.toSet()),
                    d.floors().stream().map(PriceFloor::program).collect(Collectors.toSet()), keys, choices);
        }

        /** True when a record of {@code r}'s kind with {@code r}'s key is stored. */
        public boolean exists(Object r) {
            String key = RecordStore.key(r);
            return key != null && keys.getOrDefault(r.getClass(), Set.of()).contains(key);
        }
    }

    /** What checking needs, read from the store now (off the FX thread: it reads every record but the bars). */
    public Context context() {
        return Context.of(services.datasets.records());
    }

    /**
     * The problems of {@code record} by field name (empty when it can be saved), checked against the store now.
     * {@code old} is the record being edited, or null for a new one.
     */
    public Map<String, String> check(Object record, Object old) {
        return check(record, old, context());
    }

    /** The problems of {@code record} by field name, checked against what {@code known} holds (no store work). */
    public static Map<String, String> check(Object record, Object old, Context known) {
        Map<String, String> problems = rules(record, known);
        String key = RecordStore.key(record);
        boolean keyChanged = old == null || !RecordStore.key(old).equals(key);
        if (keyChanged && known.exists(record)) {
            problems.putIfAbsent(keyField(record), describe(record) + " already exists");
        }
        return problems;
    }

    /** The record's problems by field name under the import rules, its key's being free left aside. */
    private static Map<String, String> rules(Object record, Context known) {
        Map<String, String> problems = new LinkedHashMap<>();
        Dataset one = Dataset.of(record);
        try {
            DatasetValidator.check(one, "record", known.symbols(), known.eventCodes(), known.floorPrograms());
        } catch (DataFileException e) {
            for (String p : e.problems()) {
                // "record: $.events[0].title: missing or blank" -> field "title"
                String rest = p.substring(p.indexOf("$."));
                int dot = rest.indexOf("].");
                int colon = rest.indexOf(": ");
                String field = dot > 0 && dot < colon ? rest.substring(dot + 2, colon).replaceAll("\\[.*", "") : "";
                // A nested field ("tickers.yahoo") is the form's "tickers-yahoo".
                problems.putIfAbsent(field.replace('.', '-'), rest.substring(colon + 2));
            }
        }
        return problems;
    }

    static String keyField(Object r) {
        return r instanceof Security ? "symbol" : r instanceof PolicyEvent ? "code" : r instanceof Reaction ? "measure"
                : r instanceof PriceAssessment ? "date" : r instanceof FxRate ? "date" : r instanceof Stake ? "date"
                : r instanceof org.rareearth.dashboard.domain.CapacityProject ? "id"
                : r instanceof org.rareearth.dashboard.domain.StageShare ? "year"
                : r instanceof org.rareearth.dashboard.domain.Quota ? "year"
                : "program";
    }

    /** How a record is named in messages: "the event 'mofcom-61-2025'". */
    public static String describe(Object r) {
        if (r instanceof Security s) {
            return "the security " + s.symbol();
        } else if (r instanceof PolicyEvent e) {
            return "the event '" + e.code() + "' (" + e.title() + ")";
        } else if (r instanceof Reaction x) {
            return "the " + x.measure() + " reaction of " + x.symbol() + " to " + x.event() + " on " + x.date();
        } else if (r instanceof PriceAssessment a) {
            return "the " + a.commodity() + " quote of " + a.date() + " from " + a.source() + " (" + a.basis() + ")";
        } else if (r instanceof FxRate f) {
            return "the " + f.pair() + " rate of " + f.date();
        } else if (r instanceof PriceFloor f) {
            return "the price floor '" + f.program() + "'";
        } else if (r instanceof Stake k) {
            return "the stake of " + k.holder() + " in " + k.symbol() + " of " + k.date();
        } else if (r instanceof org.rareearth.dashboard.domain.CapacityProject p) {
            return "the capacity project '" + p.id() + "' (" + p.operator() + ", " + p.facility() + ")";
        } else if (r instanceof org.rareearth.dashboard.domain.StageShare x) {
            return "China's " + x.stage() + " share of " + x.year() + " from " + x.source();
        } else if (r instanceof org.rareearth.dashboard.domain.Quota q) {
            return "the quota of " + q.year();
        }
        return String.valueOf(r);
    }

    /**
     * Saves a new record ({@code old} null) or a changed one ({@code old} as it was opened). Throws with the reason
     * if it cannot be saved: {@link IllegalArgumentException} for a record that breaks a rule,
     * {@link RecordConflict} when someone else changed, added or deleted it since it was opened.
     */
    public synchronized void save(Object old, Object record) {
        // A key taken since the form was read is the store's to tell, as a conflict showing the other record.
        refuseBrokenRules(record);
        Object stored = records.save(old, record);
        undo.push(new Change((old == null ? "add " : "edit ") + describe(record), old, stored, List.of()));
        redo.clear();
        changed();
    }

    /** Throws, naming every field and its problem, when {@code record} breaks an import rule (store read now). */
    private void refuseBrokenRules(Object record) {
        Map<String, String> problems = rules(record, context());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems.entrySet().stream()
                    .map(e -> (e.getKey().isEmpty() ? "" : e.getKey() + ": ") + e.getValue()).toList()));
        }
    }

    /**
     * Settles a conflict by writing this user's version over theirs: their record is replaced by {@code mine}
     * (or deleted, when mine was a delete; or added again, when they deleted it). Refused again if the record
     * changed once more in the meantime.
     */
    public synchronized void overwrite(RecordConflict conflict) {
        Object theirs = conflict.theirs();
        Object mine = conflict.mine();
        if (mine == null) {
            if (theirs != null) {
                delete(theirs);
            }
            return;
        }
        refuseBrokenRules(mine);
        Object stored = records.save(theirs, mine);
        undo.push(new Change((theirs == null ? "add " : "overwrite ") + describe(mine), theirs, stored, List.of()));
        redo.clear();
        changed();
    }

    /** The record's changes through the app, newest first (who, when, before and after). */
    public List<RecordEdit> history(Object record) {
        return records.history(record);
    }

    /** The record as stored now, or null when it is gone (to show a record's latest version). */
    public Object current(Object record) {
        return records.current(record);
    }

    /** One field of a record changed by an edit. */
    public record FieldChange(String field, String before, String after) {}

    /** The fields an edit changed, in the record's order: every field of an add or a delete, else the changed ones. */
    public static List<FieldChange> changes(RecordEdit edit) {
        Map<String, String> before = fields(edit.before());
        Map<String, String> after = fields(edit.after());
        java.util.Set<String> names = new java.util.LinkedHashSet<>(after.keySet());
        names.addAll(before.keySet());
        List<FieldChange> out = new java.util.ArrayList<>();
        for (String n : names) {
            String b = before.get(n);
            String a = after.get(n);
            if (!java.util.Objects.equals(a, b)) {
                out.add(new FieldChange(n, b, a));
            }
        }
        return out;
    }

    private static Map<String, String> fields(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        if (json == null) {
            return out;
        }
        try {
            var node = org.rareearth.dashboard.io.Json.MAPPER.readTree(json);
            node.fields().forEachRemaining(e -> {
                if (!e.getValue().isNull() && !(e.getValue().isArray() && e.getValue().isEmpty())) {
                    out.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
                }
            });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            out.put("(record)", json);
        }
        return out;
    }

    /** What deleting the record would also delete (shown to the user before they confirm). */
    public List<Object> dependents(Object record) {
        return records.dependents(record);
    }

    /** Deletes the record and its dependents; refused with a {@link RecordConflict} if it changed since it was read. */
    public synchronized void delete(Object record) {
        List<Object> deps = records.dependents(record);
        Change c = new Change("delete " + describe(record), record, null, deps);
        c.apply();
        undo.push(c);
        redo.clear();
        changed();
    }

    public synchronized int deletePriceBars(String symbol, java.time.LocalDate from, java.time.LocalDate to) {
        int n = records.deletePriceBars(symbol, from, to);
        changed();
        return n;
    }

    public long countPriceBars(String symbol, java.time.LocalDate from, java.time.LocalDate to) {
        return records.countPriceBars(symbol, from, to);
    }

    /** Takes back the last edit; returns what it was, or null. */
    public synchronized String undo() {
        Change c = undo.peek();
        if (c == null) {
            return null;
        }
        c.revert(); // a conflict leaves the edit on the undo history
        undo.pop();
        redo.push(c);
        changed();
        return c.label;
    }

    public synchronized String redo() {
        Change c = redo.peek();
        if (c == null) {
            return null;
        }
        c.apply();
        redo.pop();
        undo.push(c);
        changed();
        return c.label;
    }

    /** Known values for choice lists, read from the store now. */
    public Map<String, List<String>> choices() {
        return context().choices();
    }

}
