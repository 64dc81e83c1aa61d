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
    private static final String ENDPOINT = "downloads.endpoint";

    private final Path file;
    private final Properties props = new Properties();

    private java.nio.file.attribute.FileTime loaded;

    public FeedSettings(Path file) {
        this.file = file;
        reload();
    }

    /** Reads the file again when it changed since it was read (another window or the user changed it). */
    private void reload() {
        java.nio.file.attribute.FileTime now;
        try {
            now = Files.isRegularFile(file) ? Files.getLastModifiedTime(file) : null;
        } catch (IOException e) {
            now = null;
        }
        if (java.util.Objects.equals(now, loaded) && loaded != null) {
            return;
        }
        loaded = now;
        props.clear();
        if (now != null) {
            try (InputStream in = Files.newInputStream(file)) {
                props.load(in);
            } catch (IOException | IllegalArgumentException ignored) {
                // unreadable settings: as if never set, so the app asks again
            }
        }
    }

    /** Empty until the user has answered the question; then their answer. */
    public synchronized Optional<Boolean> downloadsAllowed() {
        reload();
        String v = props.getProperty(ALLOWED);
        return v == null ? Optional.empty() : Optional.of(Boolean.parseBoolean(v));
    }

    public synchronized void setDownloadsAllowed(boolean allowed) {
        reload();
        props.setProperty(ALLOWED, Boolean.toString(allowed));
        save();
    }

    public synchronized String source() {
        reload();
        String v = props.getProperty(SOURCE, QuoteTickers.YAHOO);
        return QuoteTickers.isSource(v) ? v : QuoteTickers.YAHOO;
    }

    public synchronized void setSource(String source) {
        reload();
        if (!QuoteTickers.isSource(source)) {
            throw new IllegalArgumentException("unknown quote source '" + source + "'");
        }
        props.setProperty(SOURCE, source);
        save();
    }

    /**
     * A mirror to ask instead of the source's own host (scheme, host and port, as {@code fetch-prices --endpoint}
     * takes), when one is set.
     */
    public synchronized Optional<java.net.URI> endpoint() {
        reload();
        String v = props.getProperty(ENDPOINT, "").strip();
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            java.net.URI u = new java.net.URI(v);
            return u.getScheme() != null && u.getHost() != null ? Optional.of(u) : Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    public synchronized void setEndpoint(String endpoint) {
        reload();
        if (endpoint == null || endpoint.isBlank()) {
            props.remove(ENDPOINT);
        } else {
            java.net.URI u;
            try {
                u = new java.net.URI(endpoint.strip());
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException("the mirror '" + endpoint + "' is not an address");
            }
            if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null
                    || u.getRawPath() != null && !u.getRawPath().isEmpty() && !u.getRawPath().equals("/")) {
                throw new IllegalArgumentException("the mirror needs only http:// or https://, a host and a port,"
                        + " e.g. http://127.0.0.1:8080");
            }
            props.setProperty(ENDPOINT, endpoint.strip());
        }
        save();
    }

    /** The key kept in the settings (may be blank). */
    public synchronized String storedTiingoKey() {
        reload();
        return props.getProperty(TIINGO_KEY, "");
    }

    public synchronized void setTiingoKey(String key) {
        reload();
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
            loaded = Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot save the download settings to " + file + " ("
                    + e.getMessage() + ")", e);
        }
    }
}
