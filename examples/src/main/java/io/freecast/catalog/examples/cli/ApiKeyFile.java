package io.freecast.catalog.examples.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads an API key from a file (a mounted secret, say), so the key never has to be a command-line argument.
 * Messages name the file and the setting, never the file's contents.
 */
final class ApiKeyFile {

    /** Far more than any API key; a larger file is the wrong file, not a key. */
    static final int MAX_BYTES = 4096;

    private ApiKeyFile() {
    }

    /** The key: the file's text without surrounding whitespace (the usual trailing newline). */
    static String read(String pathText, String setting) {
        Path path;
        try {
            path = Path.of(pathText.strip());
        } catch (InvalidPathException e) {
            throw new ConfigurationException(setting + " is not a file path");
        }
        try {
            if (Files.size(path) > MAX_BYTES) {
                throw new ConfigurationException(setting + ": " + path + " is larger than " + MAX_BYTES
                        + " bytes; it is not an API key file");
            }
            String key = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path)))
                    .toString().strip();
            if (key.isEmpty()) {
                throw new ConfigurationException(setting + ": " + path + " is empty");
            }
            if (key.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new ConfigurationException(setting + ": " + path + " holds more than one line or control "
                        + "characters; it must hold the key alone");
            }
            return key;
        } catch (NoSuchFileException e) {
            throw new ConfigurationException(setting + ": no such file " + path);
        } catch (CharacterCodingException e) {
            throw new ConfigurationException(setting + ": " + path + " is not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigurationException(setting + ": cannot read " + path + " (" + e.getClass().getSimpleName() + ")");
        }
    }
}
