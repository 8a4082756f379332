package io.freecast.catalog.examples.cli;

/**
 * A setting is wrong or missing. The launcher prints the message as one line on stderr and exits with
 * {@link ExitCode#USAGE}, so messages must name the flag or environment variable to fix.
 */
public class ConfigurationException extends RuntimeException {

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
