package io.freecast.catalog.http.server;

/** Ids in paths: positive 64-bit integers, written in decimal digits. */
final class Ids {

    private Ids() {
    }

    /** @throws ApiProblem 400 naming the parameter for anything but 1 … 9223372036854775807 */
    static long parse(String parameter, String text) {
        if (text != null && !text.isEmpty() && text.length() <= 19 && allDigits(text)) {
            long id = Long.parseLong(text);
            if (id >= 1) {
                return id;
            }
        }
        throw ApiProblem.badParameter(parameter, parameter + " must be a positive integer (1 to "
                + Long.MAX_VALUE + "), got " + Quoting.quote(text));
    }

    private static boolean allDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        // 19 digits can still exceed Long.MAX_VALUE (9223372036854775807).
        return text.length() < 19 || text.compareTo("9223372036854775807") <= 0;
    }
}
