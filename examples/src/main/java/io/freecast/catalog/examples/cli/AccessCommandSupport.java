package io.freecast.catalog.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.freecast.catalog.Catalog;
import io.freecast.catalog.domain.Actor;
import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.jdbc.JdbcCatalogStore;
import io.freecast.catalog.port.in.InvalidEditException;
import io.freecast.catalog.port.in.ItemNotFoundException;
import java.util.function.Function;

/**
 * What the {@code users} and {@code tokens} commands share: the catalog on {@code --db}, the caller they act
 * as, how a refused change ends (one line, exit 2, nothing changed), and JSON output.
 */
final class AccessCommandSupport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AccessCommandSupport() {
    }

    /**
     * Whoever runs the launcher against the database already holds everything in it (they could edit the
     * tables directly), so the commands act for them with the admin scope, recorded in the audit trail as
     * the operating-system user at the command line.
     */
    static Caller localOperator() {
        String user = System.getProperty("user.name");
        return new Caller(Actor.operator(user == null || user.isBlank() ? "unknown" : user), Scope.ADMIN);
    }

    /** Opens the catalog on {@code --db}, runs {@code work} on it and closes it; a refusal becomes exit 2. */
    static <T> T withCatalog(DatabaseOptions database, Function<Catalog, T> work) {
        JdbcCatalogStore store = CatalogAssembly.openStore(database, true);
        try (Catalog catalog = Catalog.builder().storage(store).build()) {
            return work.apply(catalog);
        } catch (InvalidEditException e) {
            throw new ConfigurationException(e.getMessage() + "; nothing was changed", e);
        } catch (ItemNotFoundException e) {
            throw new ConfigurationException(e.getMessage() + "; nothing was changed", e);
        }
    }

    static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the answer could not be written as JSON", e);
        }
    }
}
