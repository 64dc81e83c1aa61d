package org.rareearth.dashboard.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.rareearth.dashboard.domain.QuoteTickers;
import org.rareearth.dashboard.io.AtomicFiles;
import org.rareearth.dashboard.io.quotes.TiingoDaily;

/**
 * The user's choices about price downloads, in a small properties file of their own: whether the desktop app may
 * download at all (unset until the user was asked), the source it uses, and a Tiingo key. The file is readable by
 * its owner only, since it may hold the key; the key is never logged.
 */
public final class FeedSettings {
    private static final String ALLOWED = "downloads.allowed";
    private static final String SOURCE = "downloads.source";
    private static final String TIINGO_KEY = "tiingo.key";

    private final Path file;
    private final Properties props = new Properties();

    public FeedSettings(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                props.load(in);
            } catch (IOException | IllegalArgumentException ignored) {
                // unreadable settings: as if never set, so the app asks again
            }
        }
    }

    /** Empty until the user has answered the question; then their answer. */
    public synchronized Optional<Boolean> downloadsAllowed() {
        String v = props.getProperty(ALLOWED);
        return v == null ? Optional.empty() : Optional.of(Boolean.parseBoolean(v));
    }

    public synchronized void setDownloadsAllowed(boolean allowed) {
        props.setProperty(ALLOWED, Boolean.toString(allowed));
        save();
    }

    public synchronized String source() {
        String v = props.getProperty(SOURCE, QuoteTickers.YAHOO);
        return QuoteTickers.isSource(v) ? v : QuoteTickers.YAHOO;
    }

    public synchronized void setSource(String source) {
        if (!QuoteTickers.isSource(source)) {
            throw new IllegalArgumentException("unknown quote source '" + source + "'");
        }
        props.setProperty(SOURCE, source);
        save();
    }

    /** The key kept in the settings (may be blank). */
    public synchronized String storedTiingoKey() {
        return props.getProperty(TIINGO_KEY, "");
    }

    public synchronized void setTiingoKey(String key) {
        if (key == null || key.isBlank()) {
            props.remove(TIINGO_KEY);
        } else {
            props.setProperty(TIINGO_KEY, key.strip());
        }
        save();
    }

    /** The Tiingo key to use: {@code TIINGO_API_KEY} from the environment first, else the settings'. */
    public String tiingoKey(Map<String, String> env) {
        String fromEnv = env.get(TiingoDaily.KEY_ENV);
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv.strip() : storedTiingoKey();
    }

    private void save() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            AtomicFiles.write(file, out -> props.store(out, "Rare Earth Dashboard price downloads"));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the user's profile folder protects it
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot save the download settings to " + file + " ("
                    + e.getMessage() + ")", e);
        }
    }
}
