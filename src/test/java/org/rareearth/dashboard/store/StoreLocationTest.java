package org.rareearth.dashboard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What --db, RARE_EARTH_DB and File > Open store take: a file, or a PostgreSQL URL; never a password. */
class StoreLocationTest {

    private static StoreLocation.Postgres pg(String url) {
        return (StoreLocation.Postgres) StoreLocation.parse(url, "--db");
    }

    @Test
    void a_path_is_a_sqlite_file() {
        StoreLocation l = StoreLocation.parse("stores/x.db", "--db");
        assertThat(l).isEqualTo(new StoreLocation.SqliteFile(Path.of("stores/x.db")));
        assertThat(((StoreLocation.SqliteFile) l).path()).isAbsolute();
        assertThat(StoreLocation.parse("C:/stores/x.db", "--db")).isInstanceOf(StoreLocation.SqliteFile.class);
    }

    @Test
    void the_three_url_forms_name_the_same_database() {
        StoreLocation.Postgres a = pg("postgresql://ana@db.example.org:5433/desk");
        assertThat(a.host()).isEqualTo("db.example.org");
        assertThat(a.port()).isEqualTo(5433);
        assertThat(a.database()).isEqualTo("desk");
        assertThat(a.user()).isEqualTo("ana");
        assertThat(pg("postgres://ana@db.example.org:5433/desk")).isEqualTo(a);
        assertThat(pg("jdbc:postgresql://db.example.org:5433/desk?user=ana")).isEqualTo(a);
        assertThat(a.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.org:5433/desk");
        assertThat(a.display()).isEqualTo("postgresql://ana@db.example.org:5433/desk");
    }

    @Test
    void the_port_defaults_to_5432_and_tls_settings_pass_to_the_driver() {
        StoreLocation.Postgres l = pg("postgresql://db.example.org/desk?sslmode=verify-full&sslrootcert=/etc/ca.pem");
        assertThat(l.port()).isEqualTo(5432);
        assertThat(l.user()).isNull();
        assertThat(l.jdbcUrl()).isEqualTo(
                "jdbc:postgresql://db.example.org:5432/desk?sslmode=verify-full&sslrootcert=%2Fetc%2Fca.pem");
        assertThat(l.display()).doesNotContain("sslmode");
    }

    @Test
    void the_user_comes_from_the_url_else_pguser_and_the_password_only_from_pgpassword() {
        var props = pg("postgresql://db/desk").connectionProperties(Map.of("PGUSER", "bo", "PGPASSWORD", "s3cret"));
        assertThat(props.getProperty("user")).isEqualTo("bo");
        assertThat(props.getProperty("password")).isEqualTo("s3cret");
        var named = pg("postgresql://ana@db/desk").connectionProperties(Map.of("PGUSER", "bo"));
        assertThat(named.getProperty("user")).isEqualTo("ana");
        assertThat(named.getProperty("password")).as("no PGPASSWORD: the driver reads ~/.pgpass").isNull();
    }

    @Test
    void a_password_in_the_url_is_refused_and_not_repeated() {
        assertThatThrownBy(() -> StoreLocation.parse("postgresql://ana:s3cret@db/desk", "--db"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PGPASSWORD")
                .hasMessageContaining("~/.pgpass").hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> StoreLocation.parse("jdbc:postgresql://db/desk?password=s3cret", "RARE_EARTH_DB"))
                .hasMessageStartingWith("RARE_EARTH_DB carries a password").hasMessageNotContaining("s3cret");
    }

    @Test
    void other_schemes_and_incomplete_urls_are_refused_with_what_to_give() {
        assertThatThrownBy(() -> StoreLocation.parse("mysql://db/desk", "--db"))
                .hasMessageContaining("is a URL (mysql)").hasMessageContaining("postgresql://user@host:5432/dbname");
        assertThatThrownBy(() -> StoreLocation.parse("jdbc:sqlite:x.db", "--db")).hasMessageContaining("URL");
        assertThatThrownBy(() -> StoreLocation.parse("postgresql://db.example.org", "--db"))
                .hasMessageContaining("names no database");
        assertThatThrownBy(() -> StoreLocation.parse("postgresql:///desk", "--db"))
                .hasMessageContaining("names no server");
        assertThatThrownBy(() -> StoreLocation.parse("postgresql://db/desk?sslmod=require", "--db"))
                .hasMessageContaining("unknown connection setting 'sslmod'");
    }
}
