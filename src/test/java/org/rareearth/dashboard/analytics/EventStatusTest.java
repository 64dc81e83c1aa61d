package org.rareearth.dashboard.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rareearth.dashboard.domain.Actor;
import org.rareearth.dashboard.domain.Category;
import org.rareearth.dashboard.domain.PolicyEvent;

class EventStatusTest {

    /** Announced 10-09, effective 12-01, suspended 11-07 through 2026-11-10, ends 2027-12-31. */
    private static final PolicyEvent E = new PolicyEvent("x", Actor.CHINA, Category.EXPORT_CONTROL, "t", null, List.of(),
            LocalDate.parse("2025-10-09"), LocalDate.parse("2025-12-01"), LocalDate.parse("2027-12-31"),
            LocalDate.parse("2025-11-07"), LocalDate.parse("2026-11-10"), "suspended", "s", "S", null);

    @ParameterizedTest
    @CsvSource({"2025-10-08, not-yet-announced", "2025-10-09, announced", "2025-11-06, announced",
            "2025-11-07, suspended", "2025-12-01, suspended", "2026-11-10, suspended", "2026-11-11, in-force",
            "2027-12-31, in-force", "2028-01-01, ended"})
    void status_follows_announce_effect_suspension_and_end(String day, String expected) {
        assertThat(EventStatus.on(E, LocalDate.parse(day)).code()).isEqualTo(expected);
    }
}
