package io.freecast.catalog.examples.cli;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where the {@code users} commands get a password: never from an argument (it would show in the process
 * list and the shell's history), but from a terminal prompt without echo, asked twice, or — when standard
 * input is not a terminal — from the first line of standard input ({@code printf '%s\n' "$PW" | catalog
 * users add …}). The password never reaches a message.
 */
final class PasswordInput {

    /** A password is at most 1024 characters, at most 4 bytes each in UTF-8; a longer line is refused unread. */
    private static final int MAX_LINE_BYTES = 4 * 1024;

    private PasswordInput() {
    }

    /**
     * @param forWhom shown in the prompt, e.g. "new password for alice"
     * @throws ConfigurationException when there is no password to read, the two typed differ, or the piped
     *                                line is too long or not UTF-8 (exit 2)
     */
    static String read(String forWhom, InputStream stdin) {
        Console console = System.console();
        if (console != null && isTerminal(console)) {
            return prompt(console, forWhom);
        }
        return firstLine(stdin);
    }

    private static String prompt(Console console, String forWhom) {
        char[] first = console.readPassword("%s: ", forWhom);
        char[] second = first == null ? null : console.readPassword("repeat the %s: ", forWhom);
        try {
            if (first == null || second == null || first.length == 0) {
                throw new ConfigurationException("no password was typed; nothing was changed");
            }
            if (!Arrays.equals(first, second)) {
                throw new ConfigurationException("the two passwords typed differ; nothing was changed");
            }
            return new String(first);
        } finally {
            if (first != null) {
                Arrays.fill(first, '\0');
            }
            if (second != null) {
                Arrays.fill(second, '\0');
            }
        }
    }

    /** The first line of standard input, without its line end. */
    static String firstLine(InputStream stdin) {
        byte[] line = new byte[MAX_LINE_BYTES];
        int length = 0;
        boolean ended = false;
        try {
            int b;
            while ((b = stdin.read()) != -1) {
                if (b == '\n') {
                    ended = true;
                    break;
                }
                if (length == MAX_LINE_BYTES) {
                    throw new ConfigurationException("the password on standard input is longer than 1024 characters;"
                            + " nothing was changed");
                }
                line[length++] = (byte) b;
            }
        } catch (IOException e) {
            throw new ConfigurationException("cannot read the password from standard input ("
                    + e.getClass().getSimpleName() + "); nothing was changed");
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        if (length == 0) {
            Arrays.fill(line, (byte) 0);
            throw new ConfigurationException((ended ? "the first line of standard input is empty" : "standard input is"
                    + " empty") + ": pipe the password (printf '%s\\n' \"$PASSWORD\" | catalog users …) or run the "
                    + "command on a terminal to be asked for it; nothing was changed");
        }
        try {
            CharBuffer decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line, 0, length));
            return decoded.toString();
        } catch (CharacterCodingException e) {
            throw new ConfigurationException("the password on standard input is not valid UTF-8; nothing was changed");
        } finally {
            Arrays.fill(line, (byte) 0);
        }
    }

    /**
     * Whether the console is an interactive terminal. Since JDK 22 {@link System#console()} also answers when
     * the streams are redirected, and {@code Console.isTerminal()} tells the two apart; on JDK 21 (which this
     * code is compiled for) a console exists only on a terminal.
     */
    private static boolean isTerminal(Console console) {
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
