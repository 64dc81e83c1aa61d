package org.rareearth.dashboard.desktop.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The export dialog's last folder and choices, kept between sessions. */
final class ExportSettings {
    private final Path file;
    private final Properties props = new Properties();

    ExportSettings(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                props.load(in);
            } catch (IOException | IllegalArgumentException ignored) {
                // unreadable settings: start from the defaults
            }
        }
    }

    String get(String key, String fallback) {
        return props.getProperty(key, fallback);
    }

    void put(String key, String value) {
        if (value != null) {
            props.setProperty(key, value);
        }
    }

    void save() {
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                props.store(out, "Rare Earth Dashboard export choices");
            }
        } catch (IOException ignored) {
            // not being able to remember choices must not stop an export
        }
    }
}
