package io.freecast.catalog.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.Undertow;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.Xnio;

/**
 * What a cold {@code serve} would otherwise do after the database is open, started first on a thread of its
 * own: the metrics registry, and the first use of XNIO (which registers its MBeans, starting JMX), Jackson
 * and Undertow — thousands of classes to load and initialise — while the main thread opens and migrates the
 * database. The server still listens only once both are done, so /health answers only when the database
 * does. A warm-up that fails changes nothing: the same work then happens where it always did.
 */
final class ServeWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(ServeWarmUp.class);

    /** Run by the launcher before it parses the command line; handed to the first serve that asks. */
    private static ServeWarmUp early;

    private final FutureTask<PrometheusMeterRegistry> registry = new FutureTask<>(ServeWarmUp::warmUp);

    private ServeWarmUp() {
    }

    /**
     * Runs a warm-up on the calling thread, for a {@code serve} about to be parsed and run: the launcher
     * calls it on a thread of its own before parsing, so this class and everything it loads stay off the
     * main thread. Does nothing while an earlier one waits to be handed out.
     */
    static void runEarly() {
        ServeWarmUp warmUp = new ServeWarmUp();
        synchronized (ServeWarmUp.class) {
            if (early != null) {
                return;
            }
            early = warmUp;
        }
        warmUp.registry.run();
    }

    /**
     * The early warm-up if there is one (each is handed out once, with its own registry; {@link #meterRegistry}
     * waits for it to finish), else a new one started now.
     */
    static synchronized ServeWarmUp start() {
        ServeWarmUp warmUp = early;
        early = null;
        return warmUp != null ? warmUp : launch();
    }

    private static ServeWarmUp launch() {
        ServeWarmUp warmUp = new ServeWarmUp();
        Thread.ofPlatform().daemon().name("catalog-serve-warm-up").start(warmUp.registry);
        return warmUp;
    }

    /** The registry behind /metrics, once the warm-up is done. */
    PrometheusMeterRegistry meterRegistry() {
        try {
            return registry.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        } catch (ExecutionException e) {
            LOG.debug("warming up the HTTP side failed", e.getCause());
            return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        }
    }

    private static PrometheusMeterRegistry warmUp() {
        // XNIO logs through jboss-logging and slf4j: not before logging is set up (see LoggingStart).
        LoggingStart.awaitReady();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try {
            Xnio.getInstance(Undertow.class.getClassLoader());
            new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .writeValueAsBytes(Map.of("status", "UP"));
            Undertow.builder();
            registry.scrape();
        } catch (Exception | LinkageError e) {
            LOG.debug("warming up the HTTP side failed; the server starts without it", e);
        }
        return registry;
    }
}
