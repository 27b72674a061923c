package dev.dynamorm.test.mock;

/**
 * One programmed expectation, to say how often it may be called. Each answers exactly once unless
 * told otherwise. The last step of programming a {@link MockDB}: {@link Stub}, {@link QueryStub}
 * and {@link TableStub} end in one.
 */
public final class Expectation {

    private final CallLedger ledger;
    private final Programmed programmed;

    Expectation(CallLedger ledger, Programmed programmed) {
        this.ledger = ledger;
        this.programmed = programmed;
    }

    /**
     * The expectation answers exactly {@code n} calls; {@link MockDB#verifyAllExpectationsMet()}
     * fails if fewer came, and a call beyond {@code n} is unexpected.
     *
     * @param n at least 1
     * @return this expectation
     * @throws IllegalArgumentException if n is less than 1
     */
    public Expectation times(int n) {
        if (n < 1) {
            throw new IllegalArgumentException(
                    "times(n) needs n of at least 1, got "
                            + n
                            + ": to check a call never happens, program no expectation for it");
        }
        synchronized (ledger) {
            programmed.times = n;
            programmed.any = false;
        }
        return this;
    }

    /**
     * The expectation answers any number of calls, none included.
     *
     * @return this expectation
     */
    public Expectation anyTimes() {
        synchronized (ledger) {
            programmed.any = true;
        }
        return this;
    }

    @Override
    public String toString() {
        return "Expectation[" + programmed.describe() + " at " + programmed.location() + "]";
    }
}
