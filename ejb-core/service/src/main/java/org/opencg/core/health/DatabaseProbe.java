package org.opencg.core.health;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import org.opencg.core.migration.SchemaMigration;

/** The database is up when a pooled connection answers a validity check within two seconds. */
@Stateless
@Local(HealthProbe.class)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseProbe implements HealthProbe {

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @EJB
    SchemaMigration migration;

    @Override
    public ProbeResult probe() {
        try (Connection connection = dataSource.getConnection()) {
            Map<String, String> data = Map.of(
                    "product", connection.getMetaData().getDatabaseProductName(),
                    "schema", migration.schemaVersion());
            return connection.isValid(2) ? ProbeResult.up(data) : ProbeResult.down("database connection is not valid", data);
        } catch (SQLException e) {
            return ProbeResult.down("database unreachable: " + e.getMessage());
        }
    }
}
