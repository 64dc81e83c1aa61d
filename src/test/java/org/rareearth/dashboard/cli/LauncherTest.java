package org.rareearth.dashboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the start guesses from its arguments before the command line reads them. */
class LauncherTest {

    private static boolean postgres(Map<String, String> env, String... args) {
        return Launcher.namesPostgres(args, env);
    }

    @Test
    void the_warm_up_leaves_sqlite_alone_only_when_the_store_named_is_a_postgresql_database() {
        Map<String, String> none = Map.of();
        Map<String, String> pgEnv = Map.of("RARE_EARTH_DB", "postgresql://team@db.example:5432/rare");
        assertThat(postgres(none, "info")).as("the default store file").isFalse();
        assertThat(postgres(none, "--db", "postgresql://team@localhost/rare", "info")).isTrue();
        assertThat(postgres(none, "info", "--db=postgres://localhost/rare")).isTrue();
        assertThat(postgres(none, "info", "--db", "jdbc:postgresql://localhost/rare?user=team")).isTrue();
        assertThat(postgres(none, "--db", "a.db", "info")).isFalse();
        assertThat(postgres(pgEnv, "info")).as("RARE_EARTH_DB").isTrue();
        assertThat(postgres(pgEnv, "info", "--db", "local.db")).as("--db before the variable").isFalse();
        assertThat(postgres(none, "--db", "postgresql://x/y", "info", "--db", "b.db"))
                .as("the command's own --db, the last").isFalse();
        assertThat(postgres(none, "info", "--", "--db", "postgresql://x/y")).as("after --, a parameter").isFalse();
        assertThat(postgres(none, "--db", "https://example.com/store")).as("refused later, by the command line")
                .isFalse();
        assertThat(postgres(none, "--db")).as("a --db without its value").isFalse();
    }
}
