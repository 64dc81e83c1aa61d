package org.rareearth.dashboard.cli;

import org.rareearth.dashboard.service.TimelineService;
import org.rareearth.dashboard.service.Workspace;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.rareearth.dashboard.analytics.timeline.EventFilter;
import org.rareearth.dashboard.domain.Actor;
import org.rareearth.dashboard.domain.Category;
import org.rareearth.dashboard.domain.PolicyEvent;
import org.rareearth.dashboard.io.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code timeline}: the events with their dates and their status on a day. */
@Command(name = "timeline", mixinStandardHelpOptions = true,
        description = {"Lists China's controls and the US/allied actions with their dates and their status on a day"
                + " (announced, in-force, suspended or ended).",
                "Filters may be repeated or comma-separated; within one filter any value matches.",
                "Events not yet announced on the --on day are left out: they did not exist then."})
final class TimelineCommand extends Cli.StoreCommand {

    @Option(names = "--actor", paramLabel = "A", split = ",",
            description = "china, united-states, allies, bilateral (or their names).")
    List<String> actors = new ArrayList<>();

    @Option(names = "--category", paramLabel = "C", split = ",",
            description = "export-control, technology-export-ban, investment, alliance, trade-investigation,"
                    + " suspension.")
    List<String> categories = new ArrayList<>();

    @Option(names = "--material", paramLabel = "M", split = ",",
            description = "A material, matched without case inside the event's materials (gallium, Dy, graphite...).")
    List<String> materials = new ArrayList<>();

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Only events still running on or after"
            + " this day.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Only events announced on or before this day.")
    LocalDate to;

    @Option(names = "--on", paramLabel = "YYYY-MM-DD", description = "The day the status is given for (default:"
            + " today).")
    LocalDate on;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        EventFilter filter;
        try {
            Set<Actor> a = new LinkedHashSet<>();
            actors.forEach(x -> a.add(Actor.fromCode(x)));
            Set<Category> c = new LinkedHashSet<>();
            categories.forEach(x -> c.add(Category.fromCode(x)));
            filter = new EventFilter(a, c, new LinkedHashSet<>(materials), "", from, to);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        LocalDate day = on != null ? on : today();
        try (Workspace s = open()) {
            TimelineService.Listing listing = s.timeline().on(filter, day, true);
            int notYet = listing.notYetAnnounced();
            List<PolicyEvent> shown = listing.entries().stream().map(TimelineService.Entry::event).toList();
            if (json) {
                ObjectNode root = Json.MAPPER.createObjectNode();
                root.put("on", day.toString());
                ArrayNode arr = root.putArray("events");
                for (TimelineService.Entry entry : listing.entries()) {
                    PolicyEvent e = entry.event();
                    ObjectNode o = arr.addObject();
                    o.put("id", e.code());
                    o.put("actor", e.actor().code());
                    o.put("category", e.category().code());
                    o.put("title", e.title());
                    ArrayNode m = o.putArray("materials");
                    e.materials().forEach(m::add);
                    o.put("announced", e.announced().toString());
                    o.put("effective", str(e.effective()));
                    o.put("ends", str(e.ends()));
                    o.put("suspendedFrom", str(e.suspendedFrom()));
                    o.put("suspendedUntil", str(e.suspendedUntil()));
                    o.put("status", e.status());
                    o.put("statusOn", entry.status().code());
                    o.put("needsReview", entry.lapse().isPresent());
                    o.put("reviewReason", entry.review().orElse(null));
                    o.put("sourceUrl", e.sourceUrl());
                    o.put("source", e.source());
                    o.put("confidence", e.confidence());
                }
                root.put("notYetAnnounced", notYet);
                out().println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            } else {
                out().printf("%-10s  %-10s  %-10s  %-17s  %-14s  %-21s  %s%n", "announced", "effective", "ends",
                        "status on " + day, "actor", "category", "title");
                for (TimelineService.Entry entry : listing.entries()) {
                    PolicyEvent e = entry.event();
                    out().printf("%-10s  %-10s  %-10s  %-17s  %-14s  %-21s  %s%n", e.announced(), text(e.effective()),
                            text(e.ends()), entry.status().code() + (entry.lapse().isPresent() ? " (lapsed?)" : ""),
                            e.actor().code(), e.category().code(), e.title());
                }
                out().printf("%d event(s)%s.%n", shown.size(),
                        notYet == 0 ? "" : "; " + notYet + " more not yet announced on " + day);
            }
        }
        return 0;
    }

    private static String text(LocalDate d) {
        return d == null ? "-" : d.toString();
    }

    private static String str(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
