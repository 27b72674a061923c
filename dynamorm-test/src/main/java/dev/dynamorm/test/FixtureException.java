package dev.dynamorm.test;

import java.util.Locale;

/**
 * A fixture file could not be loaded: it is missing, malformed, names an unknown model, table or
 * field, holds a value of the wrong type, or the backend refused its items. The message starts with
 * {@code file:line:column:} (or {@code file:} when no line applies), then says what is wrong and
 * how to fix it.
 */
public final class FixtureException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;

    FixtureException(String file, int line, int column, String problem, Throwable cause) {
        super(location(file, line, column) + problem, cause);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    FixtureException(String file, int line, int column, String problem) {
        this(file, line, column, problem, null);
    }

    FixtureException(String file, String problem, Throwable cause) {
        this(file, 0, 0, problem, cause);
    }

    private static String location(String file, int line, int column) {
        if (line <= 0) {
            return file + ": ";
        }
        return String.format(Locale.ROOT, "%s:%d:%d: ", file, line, column);
    }

    /**
     * The file, as a class path resource name (e.g. {@code com/acme/orders.json}) or a path.
     *
     * @return the file
     */
    public String file() {
        return file;
    }

    /**
     * The line of the problem, from 1.
     *
     * @return the line, or 0 when the problem is not at a line (missing file, backend failure)
     */
    public int line() {
        return line;
    }

    /**
     * The column of the problem, from 1.
     *
     * @return the column, or 0 when the problem is not at a line
     */
    public int column() {
        return column;
    }
}
