package org.rareearth.dashboard.desktop.common;

import eu.hansolo.tilesfx.Tile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.paint.Color;

/**
 * The app's two looks. CSS does most of the work (app.css, plus dark.css on top for the dark theme); what CSS
 * cannot reach — tiles, which take their colours as properties, and canvas drawing — reads {@link Colors}.
 */
public enum Theme {
    LIGHT("Light", new Colors(Color.WHITE, Color.web("#f3f5f7"), Color.web("#d5dbe1"), Color.web("#e3e7eb"),
            Color.web("#8a96a3"), Color.web("#39434d"), Color.web("#eef1f4"), Color.web("#c5ccd3"),
            Color.web("#1f2d3a"), Color.web("#5b6670"), Color.web("#fff4c2"), Color.web("#b08900"),
            Color.web("#1f5f8b"), Color.WHITE, Color.web("#d5dbe1"))),
    DARK("Dark", new Colors(Color.web("#23272e"), Color.web("#2a2f37"), Color.web("#3a4049"), Color.web("#323840"),
            Color.web("#7a8591"), Color.web("#c5ccd4"), Color.web("#1b1f24"), Color.web("#3a4049"),
            Color.web("#e3e7eb"), Color.web("#9aa5b1"), Color.web("#4d4216"), Color.web("#d9b44a"),
            Color.web("#5aa0d0"), Color.web("#2a2f37"), Color.web("#3a4049")));

    /** Colours for what is drawn in code. {@code tile*} are the dashboard tiles'. */
    public record Colors(Color background, Color laneShade, Color rule, Color grid, Color tick, Color axisText,
                         Color gutter, Color gutterRule, Color text, Color mutedText, Color selectionFill,
                         Color selectionStroke, Color focus, Color tileBackground, Color tileBorder) {
    }

    /** Something drawn in code that follows the theme. */
    public interface Themed {
        void applyTheme(Theme theme);
    }

    private static final ObjectProperty<Theme> CURRENT = new SimpleObjectProperty<>(LIGHT);

    private final String label;
    private final Colors colors;

    Theme(String label, Colors colors) {
        this.label = label;
        this.colors = colors;
    }

    public String label() {
        return label;
    }

    public Colors colors() {
        return colors;
    }

    /** The theme of the app's window (FX thread). Exports choose their own and restyle with {@link #applyTo}. */
    public static ObjectProperty<Theme> currentProperty() {
        return CURRENT;
    }

    public static Theme current() {
        return CURRENT.get();
    }

    /** "light" or "dark", as remembered in settings. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Theme> parse(String key) {
        for (Theme t : values()) {
            if (t.key().equalsIgnoreCase(key == null ? "" : key.trim())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The stylesheets of a scene in this theme, app.css first. */
    public List<String> stylesheets() {
        List<String> out = new ArrayList<>();
        out.add(Theme.class.getResource("/org/rareearth/dashboard/desktop/app.css").toExternalForm());
        if (this == DARK) {
            out.add(Theme.class.getResource("/org/rareearth/dashboard/desktop/dark.css").toExternalForm());
        }
        return out;
    }

    /** Puts a scene in this theme: its stylesheets, and every tile and canvas in it. */
    public void applyTo(Scene scene) {
        scene.getStylesheets().setAll(stylesheets());
        applyTo(scene.getRoot());
    }

    /** A dialog in the window's theme (dialogs have scenes of their own). */
    public static <D extends javafx.scene.control.Dialog<?>> D dress(D dialog) {
        dialog.getDialogPane().getStylesheets().setAll(current().stylesheets());
        return dialog;
    }

    /** Recolours the tiles and themed canvases under {@code node}. */
    public void applyTo(Node node) {
        if (node instanceof Tile t) {
            style(t);
            if (t.getGraphic() != null) {
                // A tile's own content may not be among its children until its skin is made.
                applyTo(t.getGraphic());
            }
        } else if (node instanceof Themed th) {
            th.applyTheme(this);
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                applyTo(child);
            }
        }
        if (node instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
            applyTo(sp.getContent());
        }
    }

    /** A tile in this theme: TilesFX's own dark look, or dark text on white. */
    public void style(Tile t) {
        if (this == DARK) {
            t.setBackgroundColor(Tile.BACKGROUND);
            t.setForegroundBaseColor(Tile.FOREGROUND);
            t.setTickLabelColor(Tile.FOREGROUND);
            t.setBorderColor(Color.TRANSPARENT);
            t.setBorderWidth(0);
        } else {
            t.setBackgroundColor(colors.tileBackground());
            t.setForegroundBaseColor(colors.text());
            t.setTickLabelColor(colors.mutedText());
            t.setBorderColor(colors.tileBorder());
            t.setBorderWidth(1);
        }
        t.setChartGridColor(colors.grid());
    }
}
