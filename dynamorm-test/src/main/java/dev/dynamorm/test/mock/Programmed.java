package dev.dynamorm.test.mock;

import java.util.ArrayList;
import java.util.List;

/**
 * One programmed expectation of a {@link MockDB}: the expected call, the terminal calls it answers
 * (for query reads), how it answers and how often. Its counters are guarded by the {@link
 * CallLedger} that holds it.
 */
final class Programmed {

    /** Produces the answer of a matched call: a value, or a thrown exception. */
    interface Responder {
        Object respond(MockCall call, Object detail);
    }

    private final MockCall expected;
    private final List<String> terminals;
    private final String terminalText;
    private final Responder responder;
    private final String location;
    int times = 1;
    boolean any;
    int used;

    Programmed(
            MockCall expected,
            List<String> terminals,
            String terminalText,
            Responder responder,
            String location) {
        this.expected = expected;
        this.terminals = terminals;
        this.terminalText = terminalText;
        this.responder = responder;
        this.location = location;
    }

    Responder responder() {
        return responder;
    }

    String location() {
        return location;
    }

    boolean matches(MockCall call) {
        if (!expected.sameShape(call)) {
            return false;
        }
        if (terminals == null) {
            return call.terminal() == null;
        }
        return call.terminal() != null
                && terminals.stream().anyMatch(t -> terminalMatches(t, call.terminal()));
    }

    private static boolean terminalMatches(String allowed, String actual) {
        return allowed.equals(actual)
                || (allowed.equals("parallelScan(n)") && actual.startsWith("parallelScan("));
    }

    boolean exhausted() {
        return !any && used >= times;
    }

    boolean met() {
        return any || used == times;
    }

    /** The expected call's lines; the terminal shown as the actual one when it is allowed. */
    List<String> lines(MockCall actual) {
        List<String> lines = new ArrayList<>(expected.lines());
        if (terminals != null) {
            boolean allowed =
                    actual.terminal() != null
                            && terminals.stream()
                                    .anyMatch(t -> terminalMatches(t, actual.terminal()));
            lines.add("call: " + (allowed ? actual.terminal() : terminalText));
        }
        return lines;
    }

    String describe() {
        return expected + (terminalText == null ? "" : " " + terminalText);
    }

    /**
     * 0..1 plus weights for the same table and operation: how close a call is to this expectation.
     */
    double similarity(MockCall call) {
        double score = 0;
        if (expected.table().equals(call.table())) {
            score += 4;
        }
        if (expected.operation().equals(call.operation())) {
            score += 2;
        }
        List<String> mine = lines(call);
        List<String> theirs = call.lines();
        return score
                + (double) LineDiff.common(mine, theirs) / Math.max(mine.size(), theirs.size());
    }
}
