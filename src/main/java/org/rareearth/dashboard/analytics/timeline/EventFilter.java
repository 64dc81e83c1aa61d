package org.rareearth.dashboard.analytics.timeline;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.rareearth.dashboard.domain.Actor;
import org.rareearth.dashboard.domain.Category;
import org.rareearth.dashboard.domain.PolicyEvent;

/**
 * Which events to show: by actor, category and material (each a set; empty means all), a text search over
 * title, summary, materials, source and note, and a date window the event's span must touch.
 */
public record EventFilter(Set<Actor> actors, Set<Category> categories, Set<String> materials, String text,
                          LocalDate from, LocalDate to) implements Predicate<PolicyEvent> {

    public static final EventFilter ALL = new EventFilter(Set.of(), Set.of(), Set.of(), "", null, null);

    public EventFilter {
        actors = actors.isEmpty() ? Set.of() : EnumSet.copyOf(actors);
        categories = categories.isEmpty() ? Set.of() : EnumSet.copyOf(categories);
        materials = materials.stream().map(EventFilter::norm).collect(Collectors.toUnmodifiableSet());
        text = text == null ? "" : text.strip();
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("the window ends (" + to + ") before it starts (" + from + ")");
        }
    }

    @Override
    public boolean test(PolicyEvent e) {
        if (!actors.isEmpty() && !actors.contains(e.actor())) {
            return false;
        }
        if (!categories.isEmpty() && !categories.contains(e.category())) {
            return false;
        }
        if (!materials.isEmpty() && e.materials().stream().map(EventFilter::norm)
                .noneMatch(m -> materials.stream().anyMatch(f -> wordsIn(f, m)))) {
            return false;
        }
        if (!text.isEmpty()) {
            String needle = text.toLowerCase(Locale.ROOT);
            String hay = String.join("\n", nz(e.title()), nz(e.summary()), String.join(" ", e.materials()),
                    nz(e.source()), nz(e.note()), e.code()).toLowerCase(Locale.ROOT);
            if (!hay.contains(needle)) {
                return false;
            }
        }
        if (to != null && e.announced().isAfter(to)) {
            return false;
        }
        if (from != null) {
            LocalDate last = lastDay(e);
            return last == null || !last.isBefore(from);
        }
        return true;
    }

    public List<PolicyEvent> apply(Collection<PolicyEvent> events) {
        return events.stream().filter(this).toList();
    }

    /** The last day an event spans, or null when it is open-ended. */
    static LocalDate lastDay(PolicyEvent e) {
        return e.ends();
    }

    /** True when {@code f} is {@code m} or a run of whole words in it ("graphite" in "graphite anode", not "er" in
     * "superhard"). */
    static boolean wordsIn(String f, String m) {
        return java.util.regex.Pattern.compile("(^|\\W)" + java.util.regex.Pattern.quote(f) + "($|\\W)")
                .matcher(m).find();
    }

    private static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replace('-', ' ').strip();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
