package org.rareearth.dashboard.desktop.export;

import java.util.List;
import java.util.function.Supplier;
import javafx.scene.layout.Region;

/**
 * What a view exports: a fresh chart node (built for the export, with the view's current choices), the default
 * title and subtitle, the sources of the records shown, and the data behind the chart.
 */
public record ExportSpec(String key, String title, String subtitle, Supplier<Region> content, List<String> sources,
                         List<String> csvHeader, List<List<Object>> csvRows) {

    /**
     * A source as a footnote names it: its name, and the site of its URL when the record has one
     * ("Reuters (zawya.com)"). The full addresses are in the data export (CSV) and the Data view.
     */
    public static String cite(String source, String url) {
        if (url == null || url.isBlank()) {
            return source;
        }
        try {
            String host = java.net.URI.create(url).getHost();
            if (host == null) {
                return source;
            }
            return source + " (" + host.replaceFirst("^www\\.", "") + ")";
        } catch (IllegalArgumentException e) {
            return source;
        }
    }

    /**
     * "Sources: A; B; C" — at most {@code max} named, then how many more. A record's source that names several
     * ("Reuters; The West Australian") counts as each of them, so that a source is named once however many records
     * cite it alone or with others.
     */
    public String footnote(int max) {
        List<String> distinct = sources.stream().filter(s -> s != null)
                .flatMap(s -> java.util.Arrays.stream(s.split(";"))).map(String::strip).filter(s -> !s.isEmpty())
                .distinct().toList();
        if (distinct.isEmpty()) {
            return "Source: Rare Earth Dashboard store";
        }
        String named = String.join("; ", distinct.subList(0, Math.min(max, distinct.size())));
        return "Sources: " + named + (distinct.size() > max ? "; and " + (distinct.size() - max) + " more" : "")
                + ".";
    }
}
