package org.rareearth.dashboard.desktop;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Remembers the window's size, position, last view and theme in a small properties file. */
final class WindowState {
    private final Path file;
    private final Properties props = new Properties();

    WindowState(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                props.load(in);
            } catch (IOException | IllegalArgumentException e) {
                log().warn("Ignoring unreadable window settings {}: {}", file, e.getMessage());
            }
        }
    }

    /** Puts the stage where it was, if that place is still on a screen; else a default size. */
    void restore(Stage stage) {
        double w = number("width", 1360), h = number("height", 860);
        double x = number("x", Double.NaN), y = number("y", Double.NaN);
        // Never larger than the screen: a window saved on a big monitor must still fit a laptop.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(screen.getWidth(), Math.max(900, w)));
        stage.setHeight(Math.min(screen.getHeight(), Math.max(600, h)));
        if (!Double.isNaN(x) && !Double.isNaN(y)
                && !Screen.getScreensForRectangle(new Rectangle2D(x, y, 100, 40)).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(Boolean.parseBoolean(props.getProperty("maximized", "false")));
    }

    String lastView() {
        return props.getProperty("view", "");
    }

    String theme() {
        return props.getProperty("theme", "");
    }

    /** Remembers the theme at once, so a switch survives even a crash. */
    void saveTheme(String key) {
        props.setProperty("theme", key);
        write();
    }

    void save(Stage stage, String view) {
        if (!stage.isMaximized()) {
            props.setProperty("x", Double.toString(stage.getX()));
            props.setProperty("y", Double.toString(stage.getY()));
            props.setProperty("width", Double.toString(stage.getWidth()));
            props.setProperty("height", Double.toString(stage.getHeight()));
        }
        props.setProperty("maximized", Boolean.toString(stage.isMaximized()));
        props.setProperty("view", view);
        write();
    }

    private void write() {
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                props.store(out, "Rare Earth Dashboard window");
            }
        } catch (IOException e) {
            log().warn("Could not save window settings to {}: {}", file, e.getMessage());
        }
    }

    /** Looked up only when there is something to say: the window's first frame does not wait for logging. */
    private static Logger log() {
        return LoggerFactory.getLogger(WindowState.class);
    }

    private double number(String key, double fallback) {
        try {
            return Double.parseDouble(props.getProperty(key, ""));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
