package dev.dynamorm.test.mock;

import java.util.ArrayList;
import java.util.List;

/**
 * The expectations a {@link MockDB} was programmed with and the calls it received: answers a call
 * with the first matching expectation, explains a call that matches none (with a diff against the
 * nearest expectation) and verifies that every expectation was met. Thread-safe: every method locks
 * this ledger.
 */
final class CallLedger {

    private final List<Programmed> expectations = new ArrayList<>();
    private final List<MockCall> calls = new ArrayList<>();
    private final List<String> unexpected = new ArrayList<>();

    synchronized void register(Programmed programmed) {
        expectations.add(programmed);
    }

    synchronized List<MockCall> calls() {
        return List.copyOf(calls);
    }

    synchronized void reset() {
        expectations.clear();
        calls.clear();
        unexpected.clear();
    }

    /** Answers a call: the first matching expectation with uses left, else an AssertionError. */
    Object answer(MockCall call, Object detail) {
        Programmed match = null;
        String failure = null;
        synchronized (this) {
            calls.add(call);
            for (Programmed p : expectations) {
                if (!p.exhausted() && p.matches(call)) {
                    match = p;
                    p.used++;
                    break;
                }
            }
            if (match == null) {
                failure = mismatch(call);
                unexpected.add(failure);
            }
        }
        if (match == null) {
            throw new AssertionError(failure);
        }
        return match.responder().respond(call, detail);
    }

    private String mismatch(MockCall call) {
        StringBuilder out = new StringBuilder("unexpected call on MockDB:\n  ").append(call);
        if (expectations.isEmpty()) {
            return out.append("\nno expectations are programmed: program one with db.expect(...)")
                    .toString();
        }
        for (Programmed p : expectations) {
            if (p.exhausted() && p.matches(call)) {
                return out.append("\nit matches the expectation programmed at ")
                        .append(p.location())
                        .append(", which was already called ")
                        .append(p.used)
                        .append(p.used == 1 ? " time" : " times")
                        .append(": program it with .times(n) or .anyTimes() to allow more calls")
                        .toString();
            }
        }
        Programmed nearest = null;
        double best = -1;
        for (Programmed p : expectations) {
            double score = p.similarity(call) + (p.exhausted() ? 0 : 10);
            if (score > best) {
                best = score;
                nearest = p;
            }
        }
        List<String> expected = nearest.lines(call);
        out.append("\nnearest expectation (programmed at ")
                .append(nearest.location())
                .append(nearest.exhausted() ? ", already used up" : "")
                .append("):\n  ")
                .append(nearest.describe())
                .append("\ndifference (- expected, + actual):");
        for (String line : LineDiff.diff(expected, call.lines())) {
            out.append("\n  ").append(line);
        }
        return out.toString();
    }

    /** See {@link MockDB#verifyAllExpectationsMet()}. */
    synchronized void verifyAllExpectationsMet() {
        List<String> unmet = new ArrayList<>();
        for (Programmed p : expectations) {
            if (!p.met()) {
                unmet.add(
                        "  - "
                                + p.describe()
                                + "\n      programmed at "
                                + p.location()
                                + ": expected "
                                + p.times
                                + (p.times == 1 ? " call" : " calls")
                                + ", got "
                                + p.used);
            }
        }
        if (unmet.isEmpty() && unexpected.isEmpty()) {
            return;
        }
        StringBuilder out = new StringBuilder("MockDB expectations not met");
        if (!unmet.isEmpty()) {
            out.append("\nexpected but not (or not often enough) called:\n")
                    .append(String.join("\n", unmet));
        }
        if (!unexpected.isEmpty()) {
            out.append("\nunexpected calls:");
            for (String u : unexpected) {
                out.append("\n  - ").append(u.replace("\n", "\n    "));
            }
        }
        out.append("\ncalls received:");
        if (calls.isEmpty()) {
            out.append(" none");
        }
        for (int i = 0; i < calls.size(); i++) {
            out.append("\n  ").append(i).append(": ").append(calls.get(i));
        }
        throw new AssertionError(out.toString());
    }

    @Override
    public synchronized String toString() {
        return "MockDB[" + expectations.size() + " expectations, " + calls.size() + " calls]";
    }
}
