package org.rareearth.dashboard.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Who took a measure. One timeline lane per actor. */
public enum Actor {
    CHINA("china", "China"),
    UNITED_STATES("united-states", "United States"),
    ALLIES("allies", "Allies & multilateral"),
    BILATERAL("bilateral", "US–China");

    private final String code;
    private final String label;

    Actor(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @JsonValue
    public String code() { return code; }

    public String label() { return label; }

    /** Accepts the code or the label, ignoring case. */
    @JsonCreator
    public static Actor fromCode(String text) {
        return Codes.parse(Actor.class, values(), text, Actor::code, Actor::label);
    }

    public static String knownCodes() {
        return Arrays.stream(values()).map(Actor::code).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() { return label; }


}
