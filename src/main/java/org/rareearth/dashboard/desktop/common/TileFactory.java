package org.rareearth.dashboard.desktop.common;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import javafx.geometry.Pos;

/** Tiles built one way everywhere: a number with a unit and a description, or a text. */
public final class TileFactory {
    private TileFactory() {}

    public static Tile number(String title, double value, String unit, int decimals, String description,
                              double width, double height) {
        Tile t = TileBuilder.create().skinType(Tile.SkinType.NUMBER).prefSize(width, height).title(title)
                .value(value).unit(unit).decimals(decimals).description(description)
                .descriptionAlignment(Pos.TOP_LEFT).textVisible(true).animated(false).build();
        t.getStyleClass().add("dashboard-tile");
        Theme.current().style(t);
        return t;
    }

    public static Tile text(String title, String description, double width, double height) {
        Tile t = TileBuilder.create().skinType(Tile.SkinType.TEXT).prefSize(width, height).title(title)
                .description(description).descriptionAlignment(Pos.TOP_LEFT).textVisible(true).build();
        t.getStyleClass().add("dashboard-tile");
        Theme.current().style(t);
        return t;
    }
}
