package org.opencg.core.migration;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.opencg.core.config.StartupFailure;

/**
 * Brings the database schema to the version this build expects before anything else uses it. Migrations are
 * versioned SQL files under {@code db/migration}; they only ever move forward, so data survives upgrades.
 * The EAR starts its modules in order and this module first, so no other bean sees an old schema.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    private volatile String schemaVersion = "none";

    @PostConstruct
    void migrate() {
        requireReachable();
        Flyway flyway = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load();
        flyway.migrate();
        MigrationVersion current = flyway.info().current() == null ? null : flyway.info().current().getVersion();
        schemaVersion = current == null ? "none" : current.getVersion();
    }

    private void requireReachable() {
        try (Connection connection = dataSource.getConnection()) {
            connection.isValid(5);
        } catch (SQLException e) {
            throw new StartupFailure("opencg.db.url", "cannot connect to the database (" + e.getMessage() + ")", e);
        }
    }

    /** The version of the newest applied migration, e.g. {@code 1}. */
    public String schemaVersion() {
        return schemaVersion;
    }
}
