package org.rareearth.dashboard.desktop.export;

/** Size in logical pixels, scale (1, 2, 3), theme and the texts around the chart. */
public record ExportOptions(int width, int height, double scale, Theme theme, String title, String subtitle,
                            String footnote) {

    public enum Theme {
        LIGHT, DARK;

        public static Theme parse(String s) {
            return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "light" -> LIGHT;
                case "dark" -> DARK;
                default -> throw new IllegalArgumentException("theme must be light or dark, not '" + s + "'");
            };
        }
    }

    public ExportOptions {
        if (width < 200 || height < 150 || width > 8000 || height > 8000) {
            throw new IllegalArgumentException("size must be between 200×150 and 8000×8000, not " + width + "×"
                    + height);
        }
        if (!(scale >= 1 && scale <= 4)) {
            throw new IllegalArgumentException("scale must be between 1 and 4, not " + scale);
        }
    }

    public int pixelWidth() {
        return (int) Math.round(width * scale);
    }

    public int pixelHeight() {
        return (int) Math.round(height * scale);
    }

    /** The density written into the PNG: 96 dpi times the scale. */
    public double dpi() {
        return 96 * scale;
    }
}
