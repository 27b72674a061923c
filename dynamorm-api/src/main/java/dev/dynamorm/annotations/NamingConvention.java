package dev.dynamorm.annotations;

/** How a Java field name becomes an attribute name when the field has no explicit rename. */
public enum NamingConvention {
    /** The Java name unchanged: {@code createdAt} stays {@code createdAt}. */
    CAMEL_CASE,
    /** Lower snake case: {@code createdAt} becomes {@code created_at}. */
    SNAKE_CASE;

    /**
     * Applies this convention to a Java field name.
     *
     * @param javaName the field name as declared
     * @return the attribute name
     */
    public String apply(String javaName) {
        if (this == CAMEL_CASE) {
            return javaName;
        }
        StringBuilder out = new StringBuilder(javaName.length() + 4);
        for (int i = 0; i < javaName.length(); i++) {
            char c = javaName.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean previousLower = i > 0 && !Character.isUpperCase(javaName.charAt(i - 1));
                boolean nextLower =
                        i + 1 < javaName.length() && Character.isLowerCase(javaName.charAt(i + 1));
                if (i > 0 && (previousLower || nextLower) && out.charAt(out.length() - 1) != '_') {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
