package io.freecast.catalog.examples.cli;

import io.freecast.catalog.domain.Account;
import io.freecast.catalog.domain.AccountNames;
import io.freecast.catalog.domain.Role;
import java.io.PrintWriter;
import java.time.Instant;
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

/**
 * {@code catalog users …}: the accounts people sign in to the admin with and own API tokens through. A
 * password is read from a terminal prompt (without echo, asked twice) or from standard input's first line
 * when it is piped; it is never an argument. Every change is recorded in the audit trail under the
 * operating-system user who ran the command.
 */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = "Manage accounts: add, list, passwd, disable, enable, role.",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListAccounts.class, UsersCommand.Passwd.class,
                UsersCommand.Disable.class, UsersCommand.Enable.class, UsersCommand.SetRole.class})
final class UsersCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    /** What every users subcommand takes. */
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

        int print(Account account, String summary) {
            out().println(json ? AccessCommandSupport.json(view(account)) : summary);
            out().flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add an account. The password comes from a prompt, or from standard input when piped.")
    static final class Add extends Base implements Callable<Integer> {

        @Parameters(paramLabel = "NAME", description = "1-64 letters, digits, . _ @ -; unique ignoring case.")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "viewer (reads the admin), editor (edits the catalog) or admin (also tasks, accounts, tokens).")
        String role;

        @Override
        public Integer call() {
            Role parsedRole = role(role, "--role");
            // A name that can never be valid is refused before anyone is asked for a password.
            AccountNames.problem(name).ifPresent(problem -> {
                throw new ConfigurationException("NAME " + problem + "; nothing was changed");
            });
            String password = PasswordInput.read("password for the new account", System.in);
            Account account = AccessCommandSupport.withCatalog(database, catalog -> catalog.accounts()
                    .addAccount(AccessCommandSupport.localOperator(), name, parsedRole, password));
            return print(account, "added account " + account.name() + " (" + account.role().wireName() + ")");
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every account.")
    static final class ListAccounts extends Base implements Callable<Integer> {

        @Override
        public Integer call() {
            List<Account> accounts = AccessCommandSupport.withCatalog(database,
                    catalog -> catalog.accounts().listAccounts(AccessCommandSupport.localOperator()));
            if (json) {
                out().println(AccessCommandSupport.json(accounts.stream().map(UsersCommand::view).toList()));
            } else {
                out().printf("%-24s %-7s %-8s %-20s %s%n", "NAME", "ROLE", "ENABLED", "CREATED", "LAST SIGN-IN");
                for (Account a : accounts) {
                    out().printf("%-24s %-7s %-8s %-20s %s%n", a.name(), a.role().wireName(), a.enabled() ? "yes" : "no",
                            time(a.createdAt()), a.lastSignInAt() == null ? "never" : time(a.lastSignInAt()));
                }
            }
            out().flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true,
            description = "Set an account's password (from a prompt, or standard input when piped).")
    static final class Passwd extends Base implements Callable<Integer> {

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            String password = PasswordInput.read("new password for " + safe(name), System.in);
            AccessCommandSupport.withCatalog(database, catalog -> {
                catalog.accounts().changePassword(AccessCommandSupport.localOperator(), name, password);
                return null;
            });
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("password_changed", true);
            out().println(json ? AccessCommandSupport.json(body) : "password of " + name + " changed");
            out().flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disable an account: its sign-ins and all its tokens are refused at once.")
    static final class Disable extends Base implements Callable<Integer> {

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            Account account = AccessCommandSupport.withCatalog(database, catalog ->
                    catalog.accounts().setEnabled(AccessCommandSupport.localOperator(), name, false));
            return print(account, "account " + account.name() + " disabled");
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a disabled account again.")
    static final class Enable extends Base implements Callable<Integer> {

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            Account account = AccessCommandSupport.withCatalog(database, catalog ->
                    catalog.accounts().setEnabled(AccessCommandSupport.localOperator(), name, true));
            return print(account, "account " + account.name() + " enabled");
        }
    }

    @Command(name = "role", mixinStandardHelpOptions = true,
            description = "Give an account another role; its tokens never act above it from the next request on.")
    static final class SetRole extends Base implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "ROLE", description = "viewer, editor or admin")
        String role;

        @Override
        public Integer call() {
            Role parsedRole = role(role, "ROLE");
            Account account = AccessCommandSupport.withCatalog(database, catalog ->
                    catalog.accounts().changeRole(AccessCommandSupport.localOperator(), name, parsedRole));
            return print(account, "account " + account.name() + " is now " + account.role().wireName());
        }
    }

    static Role role(String value, String option) {
        try {
            return Role.fromWireName(value.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(option + " must be viewer, editor or admin");
        }
    }

    static Map<String, Object> view(Account account) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", account.id());
        body.put("name", account.name());
        body.put("role", account.role().wireName());
        body.put("enabled", account.enabled());
        body.put("created_at", account.createdAt().toString());
        body.put("last_sign_in_at", account.lastSignInAt() == null ? null : account.lastSignInAt().toString());
        return body;
    }

    static String time(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    /** A name as a prompt may show it: printable ASCII only, bounded, since it comes from the command line. */
    static String safe(String name) {
        String printable = name.chars().filter(c -> c > 0x20 && c < 0x7f).limit(64)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.isEmpty() ? "the account" : printable;
    }
}
