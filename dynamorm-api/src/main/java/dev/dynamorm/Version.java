package dev.dynamorm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this build of DynamORM, read once from {@code dev/dynamorm/version.properties}, a
 * resource Maven fills in from the project version: the one place the version is written down.
 */
final class Version {

    static final String VALUE = read();

    private Version() {}

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dev/dynamorm/version.properties", e);
        }
    }
}
