package org.rareearth.dashboard.desktop.common;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.rareearth.dashboard.io.dataset.DatasetValidator;
import org.slf4j.LoggerFactory;

/**
 * Opens a record's source URL in the user's browser, when the user asks for it (the app itself sends nothing).
 * Only http(s) addresses that pass the import rules are opened.
 */
public final class Browser {
    private static volatile Consumer<String> opener = Browser::launch;

    private Browser() {}

    /** Opens {@code url}; a URL the import rules refuse is refused here too, with the same words. */
    public static void open(String url) {
        String problem = url == null || url.isBlank() ? "no source URL" : DatasetValidator.urlProblem(url);
        if (problem != null) {
            throw new IllegalArgumentException("Cannot open the source: " + problem);
        }
        opener.accept(url);
    }

    /** For tests: what opening a URL does. */
    public static void setOpener(Consumer<String> replacement) {
        opener = replacement == null ? Browser::launch : replacement;
    }

    private static void launch(String url) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> command = os.contains("win") ? List.of("rundll32", "url.dll,FileProtocolHandler", url)
                : os.contains("mac") ? List.of("open", url) : List.of("xdg-open", url);
        try {
            // The desktop's own opener rather than AWT's Desktop, which would start a second GUI toolkit beside
            // JavaFX's.
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (Exception e) {
            LoggerFactory.getLogger(Browser.class).warn("could not open {} in a browser", url, e);
            throw new IllegalStateException("Could not open a browser for " + url + " (" + e.getMessage() + ")."
                    + " Copy the address from the record instead.");
        }
    }
}
