package org.rareearth.dashboard.analytics;

import java.util.Locale;

/** Whether China prices are compared with the 13% VAT included or taken out. */
public enum VatBasis {
    INCLUDED("included", "VAT included"),
    EXCLUDED("excluded", "VAT excluded");

    /** China's VAT rate on rare-earth products, included in domestic quotes. */
    public static final double CHINA_VAT = 0.13;

    private final String code;
    private final String label;

    VatBasis(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    /** "VAT included (13%)" or "VAT excluded (13% taken out)": how the basis is named on screen and in exports. */
    public String label() {
        return this == INCLUDED ? label + " (13% China VAT)" : label + " (13% China VAT taken out)";
    }

    public static VatBasis parse(String text) {
        for (VatBasis b : values()) {
            if (b.code.equals(text.trim().toLowerCase(Locale.ROOT))) {
                return b;
            }
        }
        throw new IllegalArgumentException("VAT basis must be 'included' or 'excluded', not '" + text + "'");
    }
}
