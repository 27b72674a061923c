package dev.dynamorm.engine.internal;

import dev.dynamorm.engine.internal.plugin.Event;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J binding of the engine's tests: keeps the last INFO, WARN and ERROR events in memory so
 * tests can assert what the engine logs (DEBUG is off, as in a default production setup).
 * Registered in {@code META-INF/services/org.slf4j.spi.SLF4JServiceProvider} of the test class
 * path.
 */
final class CapturedLogs {

    /** The most events kept; older ones are dropped. */
    private static final int CAPACITY = 2_000;

    private static final Deque<Event> EVENTS = new ArrayDeque<>();

    /** One logged event. */
    record Event(String logger, Level level, String message) {}

    private CapturedLogs() {}

    /** Forgets every captured event. */
    static void clear() {
        synchronized (EVENTS) {
            EVENTS.clear();
        }
    }

    /** The captured events, oldest first. */
    static List<Event> events() {
        synchronized (EVENTS) {
            return List.copyOf(EVENTS);
        }
    }

    /** The captured messages of one level from a logger whose name ends with the given suffix. */
    static List<String> messages(Level level, String loggerSuffix) {
        return events().stream()
                .filter(e -> e.level() == level && e.logger().endsWith(loggerSuffix))
                .map(Event::message)
                .toList();
    }

    private static void add(Event event) {
        synchronized (EVENTS) {
            if (EVENTS.size() == CAPACITY) {
                EVENTS.removeFirst();
            }
            EVENTS.addLast(event);
        }
    }

    /** A logger that records INFO and above. */
    private static final class CapturingLogger extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;

        CapturingLogger(String name) {
            this.name = name;
        }

        @Override
        public boolean isTraceEnabled() {
            return false;
        }

        @Override
        public boolean isDebugEnabled() {
            return false;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(
                Level level,
                Marker marker,
                String pattern,
                Object[] arguments,
                Throwable throwable) {
            if (level.toInt() >= Level.INFO.toInt()) {
                add(new Event(name, level, MessageFormatter.basicArrayFormat(pattern, arguments)));
            }
        }
    }

    /** The service provider SLF4J finds on the test class path. */
    public static final class Provider implements SLF4JServiceProvider {
        private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
        private final ILoggerFactory factory =
                name -> loggers.computeIfAbsent(name, CapturingLogger::new);
        private final IMarkerFactory markers = new BasicMarkerFactory();
        private final MDCAdapter mdc = new NOPMDCAdapter();

        /** Creates the provider (called by SLF4J through the service loader). */
        public Provider() {}

        @Override
        public ILoggerFactory getLoggerFactory() {
            return factory;
        }

        @Override
        public IMarkerFactory getMarkerFactory() {
            return markers;
        }

        @Override
        public MDCAdapter getMDCAdapter() {
            return mdc;
        }

        @Override
        public String getRequestedApiVersion() {
            return "2.0.99";
        }

        @Override
        public void initialize() {}
    }
}
