package org.rareearth.dashboard.desktop.common;

import java.util.EnumMap;
import java.util.Map;
import javafx.scene.paint.Color;
import org.rareearth.dashboard.domain.Actor;
import org.rareearth.dashboard.domain.Category;

/**
 * One palette for the whole app and its exports. Category colours are the Okabe–Ito set, which stays
 * distinguishable for the common forms of colour blindness.
 */
public final class Palette {
    private static final Map<Category, Color> CATEGORY = new EnumMap<>(Map.of(
            Category.EXPORT_CONTROL, Color.web("#D55E00"),
            Category.TECHNOLOGY_EXPORT_BAN, Color.web("#CC79A7"),
            Category.INVESTMENT, Color.web("#0072B2"),
            Category.ALLIANCE, Color.web("#009E73"),
            Category.TRADE_INVESTIGATION, Color.web("#E69F00"),
            Category.SUSPENSION, Color.web("#56B4E9")));
    private static final Map<Actor, Color> ACTOR = new EnumMap<>(Map.of(
            Actor.CHINA, Color.web("#B03A2E"),
            Actor.UNITED_STATES, Color.web("#1F5F8B"),
            Actor.ALLIES, Color.web("#2E7D5B"),
            Actor.BILATERAL, Color.web("#6C5B7B")));

    public static final Color TODAY = Color.web("#C62828");

    private Palette() {}

    public static Color of(Category c) {
        return CATEGORY.get(c);
    }

    public static Color of(Actor a) {
        return ACTOR.get(a);
    }

    /**
     * An actor's colour for a line drawn in code on {@code theme}: lighter on the dark theme, as the charts' lines
     * are in dark.css ({@code -app-china}, {@code -app-us}).
     */
    public static Color line(Actor a, Theme theme) {
        if (theme == Theme.DARK) {
            switch (a) {
                case CHINA:
                    return DARK_CHINA;
                case UNITED_STATES:
                    return DARK_US;
                default:
                    break;
            }
        }
        return of(a);
    }

    private static final Color DARK_CHINA = Color.web("#E0685C");
    private static final Color DARK_US = Color.web("#5AA0D0");

    /** "#RRGGBB" for CSS. */
    public static String hex(Color c) {
        return String.format("#%02X%02X%02X", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}
