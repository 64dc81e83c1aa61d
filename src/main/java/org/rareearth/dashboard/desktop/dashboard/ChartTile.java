package org.rareearth.dashboard.desktop.dashboard;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.fonts.Fonts;
import eu.hansolo.tilesfx.tools.Helper;
import javafx.geometry.Insets;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.BorderStrokeStyle;
import javafx.scene.layout.BorderWidths;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import org.rareearth.dashboard.desktop.common.Theme;

/**
 * A dashboard tile that holds one of the app's small charts under a title: drawn as TilesFX draws its custom tiles
 * (the same frame, corners, title font and places, in the same colours of each theme), so it stands in a row of
 * number tiles as one of them.
 *
 * <p>It is not a TilesFX {@link Tile}: a tile and its skin make four tooltips (each a popup window with a scene of
 * its own, styled at once) and three corner badges that a chart tile never shows, and on a start those four chart
 * tiles took about 20 ms of the dashboard's first frame (BENCHMARKS.md).
 */
public final class ChartTile extends Region implements Theme.Themed {
    /** TilesFX's sizes are fractions of a tile's smaller side; its border width is given for a 250 px tile. */
    private static final double TILESFX_REFERENCE_SIZE = 250;

    private final Text titleText = new Text();
    private final Region content;
    private Color background = Color.WHITE;
    private Color border = Color.TRANSPARENT;
    private double borderWidth;
    /** The size the frame was last made for. */
    private double framedAt = -1;
    /** The width and size the title's font was last fitted to. */
    private double titleForWidth = -1;
    private double titleForSize = -1;

    public ChartTile(String title, Region content) {
        this.content = content;
        titleText.setText(title);
        titleText.setManaged(false);
        content.setManaged(false);
        getStyleClass().addAll("dashboard-tile", "chart-tile");
        getChildren().addAll(titleText, content);
        applyTheme(Theme.current());
    }

    public String getTitle() {
        return titleText.getText();
    }

    @Override
    public void applyTheme(Theme theme) {
        // As Theme.style(Tile) colours a tile.
        if (theme == Theme.DARK) {
            background = Tile.BACKGROUND;
            border = Color.TRANSPARENT;
            borderWidth = 0;
            titleText.setFill(Tile.FOREGROUND);
        } else {
            background = theme.colors().tileBackground();
            border = theme.colors().tileBorder();
            borderWidth = 1;
            titleText.setFill(theme.colors().text());
        }
        frame(Math.min(getWidth(), getHeight()));
    }

    /** The tile's background and border for a tile whose smaller side is {@code size}, in the theme's colours. */
    private void frame(double size) {
        framedAt = size;
        CornerRadii corners = new CornerRadii(Math.max(0, size * 0.025));
        setBackground(new Background(new BackgroundFill(background, corners, Insets.EMPTY)));
        setBorder(borderWidth == 0 ? null : new Border(new BorderStroke(border, BorderStrokeStyle.SOLID, corners,
                new BorderWidths(borderWidth / TILESFX_REFERENCE_SIZE * Math.max(0, size)))));
    }

    @Override
    protected void layoutChildren() {
        // The frame is this region's own background and border, so its insets (the border's width) are not taken
        // from the size: a tile's places are fractions of its whole size, as in TilesFX.
        double width = getWidth();
        double height = getHeight();
        double size = Math.min(width, height);
        if (width <= 0 || height <= 0) {
            return;
        }
        if (size != framedAt) {
            frame(size);
        }
        double maxTitle = width - size * 0.1;
        if (width != titleForWidth || size != titleForSize) {
            // The title's font as TilesFX sizes it: a fraction of the size, made smaller to fit the width.
            titleForWidth = width;
            titleForSize = size;
            double fontSize = size * 0.06;
            titleText.setFont(Fonts.latoRegular(fontSize));
            if (titleText.getLayoutBounds().getWidth() > maxTitle) {
                Helper.adjustTextSize(titleText, maxTitle, fontSize);
            }
        }
        titleText.relocate(size * 0.05, size * 0.05);

        double w = width - size * 0.1;
        double h = height - size * 0.2;
        if (w > 0 && h > 0) {
            content.resizeRelocate(size * 0.05, size * 0.15, w, h);
        }
    }
}
