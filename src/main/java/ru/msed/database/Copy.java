package ru.msed.database;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * PostgreSQL's {@code COPY … FROM STDIN} for bulk writes (the legacy import), on the connection of
 * the caller's transaction: rows written this way commit or roll back with everything else in it.
 * A {@code null} is SQL NULL; values are written with {@code toString()} (ISO dates, true/false).
 */
public final class Copy {

    private Copy() {
    }

    /** Copies the rows into {@code table (columns)}; returns the number of rows copied. */
    public static long into(DataSource dataSource, String table, List<String> columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        StringWriter csv = new StringWriter(rows.size() * 200);
        try (CSVPrinter printer = CSVFormat.DEFAULT.print(csv)) {
            for (Object[] row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN WITH (FORMAT csv)",
                    new StringReader(csv.toString()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY into " + table + " failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
