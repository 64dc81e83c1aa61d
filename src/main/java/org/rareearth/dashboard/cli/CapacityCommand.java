package org.rareearth.dashboard.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.rareearth.dashboard.analytics.CapacityOutlook;
import org.rareearth.dashboard.domain.CapacityProject;
import org.rareearth.dashboard.domain.StageShare;
import org.rareearth.dashboard.domain.SupplyChain;
import org.rareearth.dashboard.domain.TargetRevision;
import org.rareearth.dashboard.io.Json;
import org.rareearth.dashboard.service.SupplyChainService;
import org.rareearth.dashboard.service.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code capacity}: non-China capacity at a stage by year and status, and the time lag to a target. */
@Command(name = "capacity", mixinStandardHelpOptions = true,
        description = {"Non-China supply-chain capacity at one stage, by year and status (operating, under"
                + " construction, planned), beside China's share of world output; with --target, the first year the"
                + " capacity on record reaches it.",
                "Capacities are in tonnes a year of the stage's product (mining: REO; separation: NdPr oxide;"
                        + " metal-alloy: metal and alloy; magnets: rare-earth magnets); projects in another product"
                        + " are listed as not counted, never added.",
                "A project counts from its first-output (or target) year on. withMedianSlip moves every"
                        + " construction and planned target by the median slip on record."})
final class CapacityCommand extends Cli.StoreCommand {

    @Option(names = "--stage", paramLabel = "S", defaultValue = "magnets",
            description = "mining, separation, metal-alloy, magnets or recycling (default: ${DEFAULT-VALUE}).")
    String stage;

    @Option(names = "--status", paramLabel = "STATUS", split = ",", arity = "1..*",
            description = "Keep only these statuses: operating, construction, planned, cancelled (repeat or"
                    + " comma-separate; default: all).")
    List<String> statuses = new ArrayList<>();

    @Option(names = "--country", paramLabel = "C", split = ",",
            description = "Keep only projects in this country (as recorded: US, Australia...; repeatable).")
    List<String> countries = new ArrayList<>();

    @Option(names = "--product", paramLabel = "P",
            description = "Add up capacities of this product instead of the stage's (e.g. REO at separation).")
    String product;

    @Option(names = "--target", paramLabel = "TONNES",
            description = "A quantity in tonnes a year of the product (e.g. 5933, China's 2025 magnet exports to"
                    + " the US).")
    Double target;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        String st = stage.strip().toLowerCase(Locale.ROOT);
        List<String> stats = statuses.stream().map(x -> x.strip().toLowerCase(Locale.ROOT)).toList();
        SupplyChainService.Query q = new SupplyChainService.Query(st, new LinkedHashSet<>(stats),
                new LinkedHashSet<>(countries.stream().map(String::strip).toList()), product, target);
        SupplyChainService.Outlook o;
        try (Workspace s = open()) {
            try {
                o = s.supplyChain().outlook(q, today().getYear());
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        CapacityOutlook.Result r = o.result();
        if (json) {
            out().println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json(o)));
            return 0;
        }
        out().printf("%s capacity outside China, t/yr of %s (year counted from first output or target)%n",
                SupplyChain.stageLabel(st), r.product());
        out().printf("%-6s  %12s  %12s  %12s  %12s  %s%n", "year", "operating", "construction", "planned", "total",
                "China's share");
        for (CapacityOutlook.YearCapacity y : r.byYear()) {
            out().printf("%-6d  %,12.0f  %,12.0f  %,12.0f  %,12.0f  %s%n", y.year(), y.operating(), y.construction(),
                    y.planned(), y.total(), share(o.chinaShare(), y.year()));
        }
        if (o.chinaShare().isEmpty()) {
            out().println("China's share at this stage: not known (none on record).");
        }
        CapacityOutlook.Slip slip = r.slip();
        out().println(slip.medianYears() == null ? "Median slip: not known (no project has more than one target on"
                + " record)." : String.format("Median slip: %s year(s), over %d project(s) with more than one target:"
                + " %s.", SupplyChainService.plain(slip.medianYears()), slip.basis().size(), String.join(", ", slip.basis())));
        if (r.lag() != null) {
            CapacityOutlook.Lag lag = r.lag();
            out().printf("Target %,.0f t/yr of %s is reached: operating only %s; with construction %s; with planned"
                            + " %s; with every target slipped by the median %s.%n", lag.target(), r.product(),
                    year(lag.operatingOnly()), year(lag.withConstruction()), year(lag.withPlanned()),
                    slip.medianYears() == null ? "not known" : year(lag.withMedianSlip()));
        }
        out().printf("%d project(s) counted", r.counted().size());
        List<CapacityOutlook.Entry> not = r.notCounted();
        out().printf(not.isEmpty() ? ".%n" : "; not counted:%n");
        for (CapacityOutlook.Entry e : not) {
            out().printf("  %s (%s, %s): %s%n", e.project().id(), e.project().operator(), e.project().facility(),
                    e.reason());
        }
        return 0;
    }

    private static String year(Integer y) {
        return y == null ? "not by the last year on record" : "in " + y;
    }

    private static String share(List<StageShare> shares, int year) {
        List<String> at = shares.stream().filter(s -> s.year() == year)
                .map(s -> SupplyChainService.plain(s.share()) + "% (" + s.source() + (s.confidence() == null ? "" : ", " + s.confidence())
                        + ")").toList();
        return at.isEmpty() ? "" : String.join("; ", at);
    }


    static ObjectNode json(SupplyChainService.Outlook o) {
        CapacityOutlook.Result r = o.result();
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("stage", o.query().stage());
        root.put("product", r.product());
        root.put("unit", "t/yr");
        ArrayNode years = root.putArray("byYear");
        for (CapacityOutlook.YearCapacity y : r.byYear()) {
            years.addObject().put("year", y.year()).put("operating", y.operating())
                    .put("construction", y.construction()).put("planned", y.planned());
        }
        ObjectNode lag = root.putObject("lag");
        CapacityOutlook.Lag l = r.lag();
        if (l == null) {
            lag.putNull("target");
        } else {
            lag.put("target", l.target());
        }
        putYear(lag, "operatingOnly", l == null ? null : l.operatingOnly());
        putYear(lag, "withConstruction", l == null ? null : l.withConstruction());
        putYear(lag, "withPlanned", l == null ? null : l.withPlanned());
        putYear(lag, "withMedianSlip", l == null ? null : l.withMedianSlip());
        if (r.slip().medianYears() == null) {
            lag.putNull("medianSlipYears");
        } else {
            lag.put("medianSlipYears", r.slip().medianYears());
        }
        ArrayNode basis = lag.putArray("slipBasis");
        r.slip().basis().forEach(basis::add);
        ArrayNode share = root.putArray("chinaShare");
        for (StageShare s : o.chinaShare()) {
            share.addObject().put("year", s.year()).put("share", s.share()).put("source", s.source())
                    .put("sourceUrl", s.sourceUrl()).put("confidence", s.confidence());
        }
        ArrayNode projects = root.putArray("projects");
        for (CapacityOutlook.Entry e : r.entries()) {
            CapacityProject p = e.project();
            ObjectNode n = projects.addObject();
            n.put("id", p.id());
            n.put("operator", p.operator());
            n.put("facility", p.facility());
            n.put("country", p.country());
            n.put("stage", p.stage());
            n.put("status", p.status());
            n.put("capacity", p.capacity());
            n.put("capacityHigh", p.capacityHigh());
            n.put("unit", p.unit());
            n.put("product", p.product());
            n.put("firstOutputYear", p.firstOutputYear());
            n.put("constructionStart", p.constructionStart());
            n.put("counted", e.counted());
            n.put("countedFrom", e.fromYear());
            n.put("reason", e.reason());
            ArrayNode t = n.putArray("targets");
            for (TargetRevision x : p.targets()) {
                t.addObject().put("asOf", x.asOf()).put("year", x.year()).put("source", x.source())
                        .put("sourceUrl", x.sourceUrl());
            }
            n.put("event", p.event());
            n.put("floor", p.floor());
            n.put("source", p.source());
            n.put("sourceUrl", p.sourceUrl());
            n.put("confidence", p.confidence());
            n.put("note", p.note());
        }
        return root;
    }

    private static void putYear(ObjectNode n, String key, Integer year) {
        if (year == null) {
            n.putNull(key);
        } else {
            n.put(key, year);
        }
    }
}
