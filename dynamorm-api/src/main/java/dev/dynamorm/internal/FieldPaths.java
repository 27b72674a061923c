package dev.dynamorm.internal;

/**
 * The one rule for the top-level field of a field path, shared by the engine and the test kit's
 * MockDB: {@code address.city} and {@code tags[0]} belong to {@code address} and {@code tags}.
 */
public final class FieldPaths {

    private FieldPaths() {}

    /**
     * The top-level field a path starts with: everything before the first {@code .} or {@code [}.
     *
     * @param path a field path, e.g. {@code address.city} or {@code lines[2].sku}
     * @return the top-level field name (the whole path when it has neither)
     */
    public static String root(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '.' || c == '[') {
                return path.substring(0, i);
            }
        }
        return path;
    }
}
