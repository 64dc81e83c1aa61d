package org.rareearth.dashboard.cli;

import org.rareearth.dashboard.service.AppPaths;
import org.rareearth.dashboard.service.Workspace;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.rareearth.dashboard.domain.QuoteTickers;
import org.rareearth.dashboard.io.Json;
import org.rareearth.dashboard.io.quotes.QuoteClient;
import org.rareearth.dashboard.io.quotes.QuoteSource;
import org.rareearth.dashboard.io.quotes.QuoteSources;
import org.rareearth.dashboard.service.FeedSettings;
import org.rareearth.dashboard.service.PriceFeedService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fetch-prices}: daily prices from a quote source into the store. Running it is the consent to go online. */
@Command(name = "fetch-prices", mixinStandardHelpOptions = true,
        description = {"Downloads daily prices from a quote source into the store (the only command that uses the"
                + " network).",
                "Each security is asked for by its ticker at the source (Data > Securities; defaults come from its"
                        + " exchange), from a week before its last stored price (revisions replace stored rows), or"
                        + " its whole history when it has none. Each security is written whole or not at all; exit"
                        + " code 1 when any failed.",
                "Sources: yahoo (Yahoo Finance chart API), stooq (Stooq daily CSV), tiingo (Tiingo end-of-day;"
                        + " key from $" + "TIINGO_API_KEY or the app's settings)."})
final class FetchPricesCommand extends Cli.StoreCommand {

    @Parameters(paramLabel = "SYM", arity = "0..*", description = "Securities to update, by symbol.")
    List<String> symbols = new ArrayList<>();

    @Option(names = "--all", description = "Update every security in the store, benchmarks included.")
    boolean all;

    @Option(names = "--source", paramLabel = "SOURCE", defaultValue = "yahoo",
            description = "yahoo, stooq or tiingo (default: ${DEFAULT-VALUE}).")
    String source;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day to fetch (default: a week before"
            + " the last stored price, or the whole history).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day to fetch (default: today).")
    LocalDate to;

    @Option(names = "--endpoint", paramLabel = "URL", description = "Replace the source's scheme, host and port"
            + " (a mirror, a test server); the path and query stay the source's own.")
    String endpoint;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long one answer may take (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--json", description = "Print JSON: {\"source\":…,\"results\":[{\"symbol\",\"ticker\",\"rows\","
            + "\"inserted\",\"updated\",\"from\",\"to\"}],\"failed\":[{\"symbol\",\"reason\"}]}.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (symbols.isEmpty() && !all) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "name the securities to update (e.g. MP LYC) or use --all");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--from (" + from + ") is after --to (" + to + ")");
        }
        if (timeoutSeconds < 1 || timeoutSeconds > 600) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--timeout must be 1 to 600 seconds");
        }
        URI base = endpoint == null ? null : endpoint(endpoint);
        FeedSettings settings = new FeedSettings(AppPaths.downloadSettings());
        QuoteSource src = QuoteSources.byId(source, () -> settings.tiingoKey(System.getenv()))
                .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(), "--source: unknown quote"
                        + " source '" + source + "'; use one of " + String.join(", ", QuoteSources.ids())));
        QuoteClient.Limits d = QuoteClient.Limits.defaults();
        QuoteClient client = new QuoteClient(new QuoteClient.Limits(Duration.ofSeconds(timeoutSeconds), d.retries(),
                d.maxWait(), d.firstBackoff(), d.pause()), x -> Thread.sleep(x.toMillis()), Clock.systemUTC());
        PriceFeedService.Report report;
        try (Workspace s = open()) {
            PriceFeedService feeds = s.priceFeeds(client);
            report = feeds.fetch(src, new PriceFeedService.Request(symbols, all, from, to, base),
                    new PriceFeedService.Listener() {
                        @Override
                        public void started(String symbol, int index, int count) {
                            if (!json) {
                                spec.commandLine().getErr().printf("[%d/%d] %s…%n", index + 1, count, symbol);
                                spec.commandLine().getErr().flush();
                            }
                        }
                    }, () -> false);
        }
        if (json) {
            ObjectNode root = Json.MAPPER.createObjectNode();
            root.put("source", report.source());
            ArrayNode results = root.putArray("results");
            for (PriceFeedService.Result r : report.results()) {
                results.addObject().put("symbol", r.symbol()).put("ticker", r.ticker()).put("rows", r.rows())
                        .put("inserted", r.inserted()).put("updated", r.updated()).put("from", r.from().toString())
                        .put("to", r.to().toString());
            }
            ArrayNode failed = root.putArray("failed");
            for (PriceFeedService.Failure f : report.failed()) {
                failed.addObject().put("symbol", f.symbol()).put("reason", f.reason());
            }
            out().println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else {
            String name = QuoteTickers.displayName(report.source());
            for (PriceFeedService.Result r : report.results()) {
                out().printf("%s (%s at %s): %d rows from %s to %s, %d new, %d updated%n", r.symbol(), r.ticker(),
                        name, r.rows(), r.from(), r.to(), r.inserted(), r.updated());
            }
            for (PriceFeedService.Failure f : report.failed()) {
                out().printf("%s: failed: %s%n", f.symbol(), f.reason());
            }
        }
        return report.failed().isEmpty() ? 0 : 1;
    }

    /** The endpoint's scheme, host and port; a path or query is refused, since the source's own are used. */
    private URI endpoint(String text) {
        URI u;
        try {
            u = new URI(text.strip());
        } catch (java.net.URISyntaxException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--endpoint: '" + text + "' is not an"
                    + " address (" + e.getReason() + ")");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--endpoint: '" + text + "' needs http://"
                    + " or https:// and a host, e.g. http://127.0.0.1:8080");
        }
        if (u.getRawPath() != null && !u.getRawPath().isEmpty() && !u.getRawPath().equals("/")
                || u.getRawQuery() != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--endpoint: give only the scheme, host and"
                    + " port (e.g. http://127.0.0.1:8080); the path and query are the source's own");
        }
        return u;
    }
}
