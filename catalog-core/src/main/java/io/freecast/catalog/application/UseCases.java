package io.freecast.catalog.application;

import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.port.in.AccountAdministration;
import io.freecast.catalog.port.in.Authentication;
import io.freecast.catalog.port.in.CatalogEditing;
import io.freecast.catalog.port.in.CatalogQueries;
import io.freecast.catalog.port.in.CheckSourceUseCase;
import io.freecast.catalog.port.in.ImportMoviesUseCase;
import io.freecast.catalog.port.in.ImportShowsUseCase;
import io.freecast.catalog.port.in.TaskAdministration;
import io.freecast.catalog.port.in.TokenAdministration;
import io.freecast.catalog.port.in.UpdateRatingsUseCase;
import io.freecast.catalog.port.in.ValidateSourcesUseCase;
import io.freecast.catalog.port.out.AccountRepository;
import io.freecast.catalog.port.out.ApiTokenRepository;
import io.freecast.catalog.port.out.AuditTrail;
import io.freecast.catalog.port.out.FeedReader;
import io.freecast.catalog.port.out.HandEdits;
import io.freecast.catalog.port.out.ItemReader;
import io.freecast.catalog.port.out.LinkChecker;
import io.freecast.catalog.port.out.MovieRepository;
import io.freecast.catalog.port.out.RatingProvider;
import io.freecast.catalog.port.out.RatingRepository;
import io.freecast.catalog.port.out.ShowRepository;
import io.freecast.catalog.port.out.SourceRepository;
import io.freecast.catalog.port.out.TaskLeases;
import io.freecast.catalog.port.out.TaskRunLog;
import io.freecast.catalog.port.out.TaskScheduleInfo;
import io.freecast.catalog.port.out.Tombstones;
import io.freecast.catalog.port.out.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one public class of the application package: builds each service from exactly the ports it uses and
 * returns it as its inbound port. The services themselves are package-private. {@link io.freecast.catalog.Catalog}
 * is what embedders use; this is the engine room behind it.
 */
public final class UseCases {

    private UseCases() {
    }

    /** Authentication and the administration of accounts and tokens, sharing one hasher and one throttle. */
    public record Access(Authentication authentication, AccountAdministration accounts, TokenAdministration tokens) {
    }

    /**
     * @param bootstrapToken the operator's admin token, or {@code null} for none
     * @throws IllegalArgumentException when {@code bootstrapToken} is too short to be a secret (the message
     *                                  does not repeat it)
     */
    public static Access access(AccountRepository accounts, ApiTokenRepository tokens, AuditTrail auditTrail,
                                Transactions transactions, Clock clock, String bootstrapToken) {
        AccessServices services = AccessServices.create(accounts, tokens, auditTrail, transactions, clock, bootstrapToken);
        return new Access(services.authentication(), services.accounts(), services.tokens());
    }

    /**
     * Checks an operator's bootstrap token without building anything, so a builder can refuse it at once.
     *
     * @throws IllegalArgumentException when it is too short to be a secret (the message does not repeat it)
     */
    public static void checkBootstrapToken(String bootstrapToken) {
        AccessServices.checkBootstrapToken(bootstrapToken);
    }

    /** @param tombstones which shows were deleted by hand: the import does not bring them back */
    public static ImportShowsUseCase importShows(ShowRepository shows, Tombstones tombstones, Transactions transactions,
                                                 FeedReader feeds, Clock clock) {
        return new ImportShowsService(shows, tombstones, transactions, feeds, clock);
    }

    /** @param tombstones which movies were deleted by hand: the import does not bring them back */
    public static ImportMoviesUseCase importMovies(MovieRepository movies, Tombstones tombstones,
                                                   Transactions transactions, FeedReader feeds, Clock clock) {
        return new ImportMoviesService(movies, tombstones, transactions, feeds, clock);
    }

    /** Every hand-editing use-case, over the ports that keep what a person changes. */
    public static CatalogEditing editing(Transactions transactions, HandEdits edits, Tombstones tombstones,
                                         AuditTrail audit, CatalogQueries queries, ItemReader items, Clock clock) {
        return new CatalogEditingService(transactions, edits, tombstones, audit, queries, items, clock);
    }

    public static UpdateRatingsUseCase updateRatings(RatingRepository ratings, Transactions transactions,
                                                     RatingProvider provider, Clock clock) {
        return updateRatings(TaskName.UPDATE_RATINGS, ratings, transactions, provider, clock);
    }

    /** Refreshes ratings from {@code provider}, reporting as {@code task} (update-ratings or a per-field task). */
    public static UpdateRatingsUseCase updateRatings(TaskName task, RatingRepository ratings, Transactions transactions,
                                                     RatingProvider provider, Clock clock) {
        return new UpdateRatingsService(task, ratings, transactions, provider, clock);
    }

    /**
     * Checks one source now, with the same checker and rules as validate-sources (README, "Link checking").
     *
     * @param failureThreshold consecutive passing failures after which a source is turned off, as for a run
     */
    public static CheckSourceUseCase checkSource(Transactions transactions, HandEdits edits, ItemReader items,
                                                 SourceRepository sources, AuditTrail audit, LinkChecker checker,
                                                 Clock clock, int failureThreshold) {
        return new CheckSourceService(transactions, edits, items, sources, audit, checker, clock, failureThreshold);
    }

    public static ValidateSourcesUseCase validateSources(SourceRepository sources, LinkChecker checker, Clock clock) {
        return new ValidateSourcesService(sources, checker, clock);
    }

    /**
     * Records task runs in a run log and keeps that log truthful: a run's outcome that cannot be written
     * (the database is unreachable) waits in memory and is written once it can; runs under way can be
     * stopped (a shutdown) and are then recorded as interrupted. One per catalog: every run goes through it.
     */
    public interface Recorder extends AutoCloseable {

        /**
         * Runs {@code work} as a run of {@code task}: start recorded before any work, end whatever happens.
         * A task that throws becomes a failed report, never an exception; a run whose start cannot be
         * recorded does not start and is reported (and later recorded) as failed with the reason.
         */
        TaskReport record(TaskName task, Supplier<TaskReport> work);

        /** Writes the run outcomes that wait for the run log, if it takes them now; returns how many still wait. */
        int writePending();

        /**
         * Asks every run under way through this recorder to stop, then waits at most {@code wait}: a run that
         * ends in time is recorded by itself (interrupted with {@code reason}, unless it succeeded after all);
         * one still going is recorded as interrupted at once.
         *
         * @return true when every run had ended within {@code wait}
         */
        boolean stopAll(String reason, Duration wait) throws InterruptedException;

        /** Stops the background retries; outcomes that still cannot be written are logged as lost. */
        @Override
        void close();
    }

    /** The one recorder of a catalog's runs, on {@code runLog}, naming this node {@code node}. */
    public static Recorder recorder(TaskRunLog runLog, Clock clock, String node) {
        return new TaskRecorder(runLog, clock, node);
    }

    /**
     * @param runner   runs one task with the catalog's settings and returns its (recorded) report; never throws
     * @param recorder the catalog's recorder (from {@link #recorder}): runs that cannot start are recorded
     *                 through it, and a shutdown stops runs through it
     * @param schedule the attached scheduler's plans, or {@code null} inside the supplier when none is
     */
    public static TaskAdministration taskAdministration(Function<TaskName, TaskReport> runner, Recorder recorder,
                                                        TaskRunLog runLog, TaskLeases leases,
                                                        Supplier<TaskScheduleInfo> schedule, Clock clock, String node) {
        return new TaskAdministrationService(runner, (TaskRecorder) recorder, runLog, leases, schedule, clock, node);
    }
}
