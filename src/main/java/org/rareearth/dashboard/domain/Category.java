package org.rareearth.dashboard.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Kind of measure. The same colour for a category everywhere in the app and in exports. */
public enum Category {
    EXPORT_CONTROL("export-control", "Export control"),
    TECHNOLOGY_EXPORT_BAN("technology-export-ban", "Technology-export ban"),
    INVESTMENT("investment", "Investment or price support"),
    ALLIANCE("alliance", "Alliance or initiative"),
    TRADE_INVESTIGATION("trade-investigation", "Trade investigation"),
    SUSPENSION("suspension", "Suspension");

    private final String code;
    private final String label;

    Category(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @JsonValue
    public String code() { return code; }

    public String label() { return label; }

    @JsonCreator
    public static Category fromCode(String text) {
        return Codes.parse(Category.class, values(), text, Category::code, Category::label);
    }

    public static String knownCodes() {
        return Arrays.stream(values()).map(Category::code).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() { return label; }
}
