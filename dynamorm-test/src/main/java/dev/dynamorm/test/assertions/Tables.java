package dev.dynamorm.test.assertions;

/**
 * Table-name matching for assertions: a physical name matches its own name, or a logical name it
 * ends with after a prefix that ends in {@code _}, {@code -} or {@code .}.
 */
final class Tables {

    private Tables() {}

    static boolean matches(String physical, String expected) {
        if (physical == null) {
            return false;
        }
        if (physical.equals(expected)) {
            return true;
        }
        if (!physical.endsWith(expected) || physical.length() == expected.length()) {
            return false;
        }
        char before = physical.charAt(physical.length() - expected.length() - 1);
        return before == '_' || before == '-' || before == '.';
    }
}
