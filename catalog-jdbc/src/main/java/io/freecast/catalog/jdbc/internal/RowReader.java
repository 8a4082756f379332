package io.freecast.catalog.jdbc.internal;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads the current row of a JDBC result into a value (see {@link ResultSetRows}). */
@FunctionalInterface
interface RowReader<T> {

    T read(ResultSet rs) throws SQLException;
}
