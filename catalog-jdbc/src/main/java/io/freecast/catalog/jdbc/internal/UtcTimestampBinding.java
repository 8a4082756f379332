package io.freecast.catalog.jdbc.internal;

import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.time.LocalDateTime;
import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.conf.ParamType;

/**
 * How jOOQ binds and reads every {@code TIMESTAMP} column of the schema (the code generator's forced type,
 * see catalog-jdbc's pom): through {@link ValueBinder}, like the store's own statements. jOOQ's default
 * binding converts a {@link LocalDateTime} to {@code java.sql.Timestamp} in the JVM's time zone, which
 * moves a UTC time that falls into a local daylight-saving gap by an hour.
 */
public final class UtcTimestampBinding implements Binding<LocalDateTime, LocalDateTime> {

    private static final Converter<LocalDateTime, LocalDateTime> IDENTITY =
            Converter.ofNullable(LocalDateTime.class, LocalDateTime.class, time -> time, time -> time);

    @Override
    public Converter<LocalDateTime, LocalDateTime> converter() {
        return IDENTITY;
    }

    @Override
    public void sql(BindingSQLContext<LocalDateTime> ctx) {
        if (ctx.render().paramType() == ParamType.INLINED) {
            LocalDateTime value = ctx.convert(IDENTITY).value();
            if (value == null) {
                ctx.render().sql("null");
            } else if (DatabaseKind.of(ctx.dialect()) == DatabaseKind.SQLITE) {
                ctx.render().sql('\'' + ValueBinder.text(value) + '\'');
            } else {
                ctx.render().sql("timestamp '" + ValueBinder.text(value) + '\'');
            }
        } else {
            ctx.render().sql(ctx.variable());
        }
    }

    @Override
    public void register(BindingRegisterContext<LocalDateTime> ctx) throws java.sql.SQLException {
        ctx.statement().registerOutParameter(ctx.index(), Types.TIMESTAMP);
    }

    @Override
    public void set(BindingSetStatementContext<LocalDateTime> ctx) throws java.sql.SQLException {
        DatabaseKind.of(ctx.dialect()).binder().bind(ctx.statement(), ctx.index(), ctx.value(), Types.TIMESTAMP);
    }

    @Override
    public void set(BindingSetSQLOutputContext<LocalDateTime> ctx) throws java.sql.SQLException {
        throw new SQLFeatureNotSupportedException("timestamps are not written to SQL structured types");
    }

    @Override
    public void get(BindingGetResultSetContext<LocalDateTime> ctx) throws java.sql.SQLException {
        ctx.value(DatabaseKind.of(ctx.dialect()).binder().time(ctx.resultSet(), ctx.index()));
    }

    @Override
    public void get(BindingGetStatementContext<LocalDateTime> ctx) throws java.sql.SQLException {
        ctx.value(ctx.statement().getObject(ctx.index(), LocalDateTime.class));
    }

    @Override
    public void get(BindingGetSQLInputContext<LocalDateTime> ctx) throws java.sql.SQLException {
        throw new SQLFeatureNotSupportedException("timestamps are not read from SQL structured types");
    }
}
