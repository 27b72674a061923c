package dev.dynamorm.converters.internal;

/**
 * Checks that strings can be stored: DynamoDB keeps text as UTF-8, which cannot encode an unpaired
 * surrogate; the SDK would silently replace it with {@code '?'}.
 */
final class Utf8Text {

    private Utf8Text() {}

    /**
     * Returns the string if it is well-formed UTF-16.
     *
     * @param text the string
     * @param what what the string is, for the message (e.g. {@code "string"}, {@code "map key"})
     * @throws IllegalArgumentException naming the first unpaired surrogate and its index
     */
    static String requireWellFormed(String text, String what) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c)
                        && i + 1 < length
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    throw Attributes.invalid(
                            "%s contains an unpaired surrogate \\u%04x at index %d; DynamoDB stores text as UTF-8",
                            what, (int) c, i);
                }
            }
        }
        return text;
    }
}
