package org.rareearth.dashboard.cli;

import org.rareearth.dashboard.service.Workspace;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.rareearth.dashboard.analytics.GapAnalysis;
import org.rareearth.dashboard.analytics.GapReport;
import org.rareearth.dashboard.analytics.VatBasis;
import org.rareearth.dashboard.domain.PriceFloor;
import org.rareearth.dashboard.io.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gap}: the floor against every China price of its commodity, on one USD/kg basis. */
@Command(name = "gap", mixinStandardHelpOptions = true,
        description = {"Compares price floors with every China price quote of their commodity in USD/kg.",
                "Each quote is converted at the FX fixing of its date or the nearest earlier one (at most 10 days"
                        + " older); a quote with no such rate is left out and named, with its date, under"
                        + " \"skipped\" (and on stderr).",
                "The first programme named (or the first in the store) is reported in full; \"programs\" compares"
                        + " every programme named (or all), each with its own volume and upside terms."})
final class GapCommand extends Cli.StoreCommand {

    @Option(names = "--vat", paramLabel = "included|excluded", defaultValue = "excluded",
            converter = VatConverter.class,
            description = "Compare with China's 13%% VAT included or taken out (default: ${DEFAULT-VALUE}).")
    VatBasis vat;

    @Option(names = "--volume", paramLabel = "T",
            description = "Tonnes a year each floor covers, for the top-up payment (default: each programme's own"
                    + " volume from its terms, else 0).")
    Double volume;

    @Option(names = "--program", paramLabel = "NAME", split = ",",
            description = "The price floors to compare, by programme name; repeat or separate with commas (default:"
                    + " every floor in the store; the first is reported in full).")
    List<String> programs = new java.util.ArrayList<>();

    @Option(names = "--from", paramLabel = "YYYY-MM-DD",
            description = "Start of the period for the yearly top-up (default: the floor's start).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD",
            description = "End of the period for the yearly top-up (default: the latest quote).")
    LocalDate to;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    static final class VatConverter implements picocli.CommandLine.ITypeConverter<VatBasis> {
        @Override
        public VatBasis convert(String value) {
            try {
                return VatBasis.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        if (volume != null && (!(volume >= 0) || Double.isInfinite(volume))) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--volume must be zero or more tonnes a year, not " + volume);
        }
        try (Workspace s = open()) {
            org.rareearth.dashboard.service.GapService gaps = s.gaps();
            List<PriceFloor> chosen = gaps.choose(programs);
            List<GapReport> reports = gaps.compare(chosen, vat, volume, from, to);
            GapReport r = reports.get(0);
            for (String skipped : r.skipped()) {
                spec.commandLine().getErr().println("warning: left out a quote that cannot be converted to USD: "
                        + skipped);
            }
            if (json) {
                ObjectNode root = toJson(r);
                ArrayNode programsNode = root.putArray("programs");
                for (GapReport p : reports) {
                    programsNode.add(programJson(p));
                }
                out().println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            } else {
                print(r, out());
                if (reports.size() > 1) {
                    printComparison(reports, out());
                }
            }
        }
        return 0;
    }

    /** One programme's terms and figures, for the comparison. */
    static ObjectNode programJson(GapReport r) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        PriceFloor f = r.floor();
        o.put("program", f.program());
        o.put("commodity", f.commodity());
        o.put("floorUsdPerKg", GapAnalysis.floorUsdPerKg(f));
        o.put("start", f.start().toString());
        o.put("end", f.end() == null ? null : f.end().toString());
        o.put("volumeTonnesPerYear", r.volumeTonnes());
        o.put("volumeFromTerms", f.volume());
        o.put("upsideShare", f.upsideShare());
        o.put("upsideFromUsdPerKg", f.upsideFrom());
        o.put("upsideCapUsdPerYear", f.upsideCap());
        o.put("confidence", f.confidence());
        o.put("source", f.source());
        o.put("sourceUrl", f.sourceUrl());
        r.latest().ifPresentOrElse(p -> {
            o.put("latestDate", p.date().toString());
            o.put("latestChinaUsdPerKg", p.chinaUsdPerKg());
            o.put("latestGapUsdPerKg", p.gapUsdPerKg());
            o.put("latestFloorInForce", p.floorInForce());
            o.put("latestTopUpUsdPerYear", p.topUpUsd());
            o.put("latestUpsideShareUsdPerYear", p.upsideShareUsd());
        }, () -> o.putNull("latestDate"));
        o.put("periodFrom", r.periodFrom().toString());
        o.put("periodTo", r.periodTo().toString());
        o.put("annualTopUpUsd", r.annualTopUpUsd());
        return o;
    }

    private static void printComparison(List<GapReport> reports, PrintWriter out) {
        out.println();
        out.printf(Locale.ROOT, "%-34s  %8s  %-10s  %-10s  %10s  %16s%n", "programme", "USD/kg", "start", "end",
                "t/year", "avg top-up USD/yr");
        for (GapReport r : reports) {
            PriceFloor f = r.floor();
            out.printf(Locale.ROOT, "%-34s  %8.2f  %-10s  %-10s  %,10.0f  %,16.0f%n", f.program(),
                    GapAnalysis.floorUsdPerKg(f), f.start(), f.end() == null ? "not stated" : f.end(),
                    r.volumeTonnes(), r.annualTopUpUsd());
        }
    }

    static ObjectNode toJson(GapReport r) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("floorUsdPerKg", GapAnalysis.floorUsdPerKg(r.floor()));
        root.put("vat", r.basis().code());
        root.put("basis", "USD/kg, " + r.basis().label());
        ObjectNode floor = root.putObject("floor");
        floor.put("program", r.floor().program());
        floor.put("commodity", r.floor().commodity());
        floor.put("start", r.floor().start().toString());
        floor.put("end", r.floor().end() == null ? null : r.floor().end().toString());
        floor.put("upsideShare", r.floor().upsideShare());
        floor.put("source", r.floor().source());
        root.put("volumeTonnesPerYear", r.volumeTonnes());
        ArrayNode skipped = root.putArray("skipped");
        r.skipped().forEach(skipped::add);
        ObjectNode period = root.putObject("period");
        period.put("from", r.periodFrom().toString());
        period.put("to", r.periodTo().toString());
        period.put("annualTopUpUsd", r.annualTopUpUsd());
        ArrayNode points = root.putArray("points");
        for (GapAnalysis.Point p : r.points()) {
            ObjectNode o = points.addObject();
            o.put("date", p.date().toString());
            o.put("source", p.quote().source());
            ObjectNode q = o.putObject("quote");
            q.put("low", p.quote().low());
            q.put("high", p.quote().high());
            q.put("currency", p.quote().currency());
            q.put("unit", p.quote().unit());
            q.put("vatIncluded", p.quote().vatIncluded());
            q.put("basis", p.quote().basis());
            if (p.fx() == null) {
                o.putNull("fxRate");
                o.putNull("fxDate");
                o.putNull("fxPair");
            } else {
                o.put("fxRate", p.fx().rate());
                o.put("fxDate", p.fx().date().toString());
                o.put("fxPair", p.fx().pair());
            }
            o.put("chinaUsdPerKg", p.chinaUsdPerKg());
            o.put("chinaLowUsdPerKg", p.lowUsdPerKg());
            o.put("chinaHighUsdPerKg", p.highUsdPerKg());
            o.put("gapUsdPerKg", p.gapUsdPerKg());
            o.put("ratio", p.ratio());
            o.put("floorInForce", p.floorInForce());
            o.put("topUpUsd", p.topUpUsd());
            o.put("upsideShareUsd", p.upsideShareUsd());
            o.put("arithmetic", p.arithmetic());
        }
        return root;
    }

    private static void print(GapReport r, PrintWriter out) {
        out.printf(Locale.ROOT, "%s: %.2f USD/kg from %s. China prices in USD/kg, %s.%n", r.floor().program(),
                GapAnalysis.floorUsdPerKg(r.floor()), r.floor().start(), r.basis().label());
        out.printf(Locale.ROOT, "%-10s  %10s  %10s  %6s  %14s  %-22s  %s%n", "date", "China", "gap", "ratio",
                "top-up USD/yr", "FX used", "source");
        for (GapAnalysis.Point p : r.points()) {
            out.printf(Locale.ROOT, "%-10s  %10.2f  %10.2f  %5.2fx  %14s  %-22s  %s%n", p.date(), p.chinaUsdPerKg(),
                    p.gapUsdPerKg(), p.ratio(), p.floorInForce() ? String.format(Locale.ROOT, "%,.0f", p.topUpUsd())
                            : "not in force",
                    p.fx() == null ? "(USD quote)" : p.fx().pair() + " " + p.fx().rate() + " " + p.fx().date(),
                    p.quote().source());
        }
        out.printf(Locale.ROOT, "Volume %,.0f t/year: average top-up %,.0f USD/year over %s to %s.%n",
                r.volumeTonnes(), r.annualTopUpUsd(), r.periodFrom(), r.periodTo());
    }
}
