package org.rareearth.dashboard.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** One forward-only schema step: the SQL that takes a store from {@code version - 1} to {@code version}. */
public record Migration(int version, String description, List<String> statements) {

    /** The migrations this version of the app ships, in order. */
    public static List<Migration> bundled() {
        return List.of(fromResource(1, "initial schema", "migrations/V1__initial_schema.sql"),
                fromResource(2, "equity stakes", "migrations/V2__stakes.sql"),
                fromResource(3, "source URLs, event links, floor terms",
                        "migrations/V3__source_urls_links_floor_terms.sql"),
                fromResource(4, "quote-source tickers, price downloads", "migrations/V4__quote_feeds.sql"),
                fromResource(5, "supply-chain projects, stage shares, quotas", "migrations/V5__supply_chain.sql"));
    }

    static Migration fromResource(int version, String description, String resource) {
        try (InputStream in = Migration.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing migration resource " + resource);
            }
            return new Migration(version, description, split(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits a script on semicolons at line ends; comment lines are dropped. */
    static List<String> split(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                out.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return List.copyOf(out);
    }
}
