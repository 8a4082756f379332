package io.freecast.catalog.examples.cli;

import io.freecast.catalog.domain.ApiToken;
import io.freecast.catalog.domain.IssuedToken;
import io.freecast.catalog.domain.NewToken;
import io.freecast.catalog.domain.Scope;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code catalog tokens …}: API tokens for the JSON API ({@code Authorization: Bearer …}). A new token is
 * printed once, alone on stdout (so {@code TOKEN=$(catalog tokens create …)} captures it), and kept only as
 * a hash: nothing can show it again. Listing shows everything else about each token.
 */
@Command(name = "tokens", mixinStandardHelpOptions = true,
        description = "Manage API tokens: create (printed once), list, revoke.",
        subcommands = {TokensCommand.Create.class, TokensCommand.ListTokens.class, TokensCommand.Revoke.class})
final class TokensCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    abstract static class Base {
        @Mixin
        DatabaseOptions database;

        @Option(names = "--json", description = "Print the result as JSON on stdout.")
        boolean json;

        @Spec
        CommandSpec spec;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a token for an account and print it once.")
    static final class Create extends Base implements Callable<Integer> {

        @Option(names = "--user", required = true, paramLabel = "NAME", description = "The account the token acts for.")
        String user;

        @Option(names = "--name", required = true, paramLabel = "LABEL", description = "What the token is for (1-100 characters).")
        String label;

        @Option(names = "--scope", required = true, paramLabel = "SCOPE",
                description = "read, edit or admin; at most the account's role allows.")
        String scope;

        @Option(names = "--expires", paramLabel = "DURATION|DATE", converter = ExpiryConverter.class,
                description = "When it stops working: a duration from now (30d, 12h, PT1H), a date (2027-01-31, "
                        + "midnight UTC) or an instant (2027-01-31T12:00:00Z). Default: never.")
        Expiry expires;

        @Override
        public Integer call() {
            Scope parsedScope = scope(scope);
            IssuedToken issued = AccessCommandSupport.withCatalog(database, catalog -> catalog.apiTokens()
                    .createToken(AccessCommandSupport.localOperator(), new NewToken(user, label, parsedScope,
                            expires == null ? null : expires.at(Instant.now()))));
            if (json) {
                Map<String, Object> body = view(issued.token());
                body.put("token", issued.secret());
                out().println(AccessCommandSupport.json(body));
            } else {
                out().println(issued.secret());
                ApiToken token = issued.token();
                spec.commandLine().getErr().println("token " + token.id() + " for " + token.accountName() + " ("
                        + token.label() + ", " + token.scope().wireName() + " scope, "
                        + (token.expiresAt() == null ? "never expires" : "expires " + token.expiresAt())
                        + "): shown this once, store it now");
                spec.commandLine().getErr().flush();
            }
            out().flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List tokens (never their values), newest first.")
    static final class ListTokens extends Base implements Callable<Integer> {

        @Option(names = "--user", paramLabel = "NAME", description = "Only this account's tokens.")
        String user;

        @Override
        public Integer call() {
            Instant[] now = new Instant[1];
            List<ApiToken> tokens = AccessCommandSupport.withCatalog(database, catalog -> {
                now[0] = Instant.now();
                return catalog.apiTokens().listTokens(AccessCommandSupport.localOperator(), user);
            });
            if (json) {
                out().println(AccessCommandSupport.json(tokens.stream().map(t -> {
                    Map<String, Object> body = view(t);
                    body.put("status", t.status(now[0]).wireName());
                    return body;
                }).toList()));
            } else {
                out().printf("%-6s %-20s %-24s %-6s %-8s %-20s %-20s %s%n", "ID", "USER", "NAME", "SCOPE", "STATUS",
                        "CREATED", "LAST USED", "EXPIRES");
                for (ApiToken t : tokens) {
                    out().printf("%-6d %-20s %-24s %-6s %-8s %-20s %-20s %s%n", t.id(), t.accountName(),
                            printable(t.label()), t.scope().wireName(), t.status(now[0]).wireName(),
                            UsersCommand.time(t.createdAt()),
                            t.lastUsedAt() == null ? "never" : UsersCommand.time(t.lastUsedAt()),
                            t.expiresAt() == null ? "never" : UsersCommand.time(t.expiresAt()));
                }
            }
            out().flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke a token: it is refused from the next request on.")
    static final class Revoke extends Base implements Callable<Integer> {

        @Parameters(paramLabel = "ID", description = "The token's id, as tokens list shows it.")
        long id;

        @Override
        public Integer call() {
            ApiToken token = AccessCommandSupport.withCatalog(database,
                    catalog -> catalog.apiTokens().revokeToken(AccessCommandSupport.localOperator(), id));
            if (json) {
                Map<String, Object> body = view(token);
                body.put("status", ApiToken.Status.REVOKED.wireName());
                out().println(AccessCommandSupport.json(body));
            } else {
                out().println("token " + token.id() + " (" + token.accountName() + ", " + printable(token.label())
                        + ") revoked");
            }
            out().flush();
            return ExitCode.OK;
        }
    }

    static Scope scope(String value) {
        try {
            return Scope.fromWireName(value.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("--scope must be read, edit or admin");
        }
    }

    static Map<String, Object> view(ApiToken token) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", token.id());
        body.put("user", token.accountName());
        body.put("name", token.label());
        body.put("scope", token.scope().wireName());
        body.put("created_at", token.createdAt().toString());
        body.put("last_used_at", token.lastUsedAt() == null ? null : token.lastUsedAt().toString());
        body.put("expires_at", token.expiresAt() == null ? null : token.expiresAt().toString());
        body.put("revoked_at", token.revokedAt() == null ? null : token.revokedAt().toString());
        return body;
    }

    /** Labels are free text without control characters; the table still keeps each token on one line. */
    private static String printable(String label) {
        return label.length() > 40 ? label.substring(0, 39) + "…" : label;
    }

    /** {@code --expires}: a time from now, or a fixed date or instant. */
    record Expiry(Duration after, Instant at) {
        Instant at(Instant now) {
            return at != null ? at : now.plus(after);
        }
    }

    static final class ExpiryConverter implements picocli.CommandLine.ITypeConverter<Expiry> {
        @Override
        public Expiry convert(String value) {
            String v = value.strip();
            try {
                if (v.length() == 10 && v.charAt(4) == '-') {
                    return new Expiry(null, LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant());
                }
                if (v.contains("T") && v.length() > 10 && Character.isDigit(v.charAt(0))) {
                    return new Expiry(null, Instant.parse(v));
                }
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + UsersCommand.safe(v) + "' is not a date or instant: write "
                        + "e.g. 2027-01-31 or 2027-01-31T12:00:00Z");
            }
            Duration duration;
            try {
                duration = new DurationConverter().convert(v);
            } catch (TypeConversionException e) {
                throw new TypeConversionException("'" + UsersCommand.safe(v) + "' is neither a duration (30d, 12h, "
                        + "PT1H) nor a date (2027-01-31) nor an instant (2027-01-31T12:00:00Z)");
            }
            if (duration.isNegative() || duration.isZero()) {
                throw new TypeConversionException("--expires must lie in the future");
            }
            return new Expiry(duration, null);
        }
    }
}
