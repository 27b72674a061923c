package dev.dynamorm.test.mock;

import java.util.Set;

/** Where user code programmed an expectation: the first stack frame outside MockDB's classes. */
final class CallSite {

    private static final Set<Class<?>> INTERNAL =
            Set.of(
                    CallSite.class,
                    CallLedger.class,
                    Programmed.class,
                    MockTable.class,
                    MockQuery.class,
                    MockTransaction.class,
                    MockUpdateBuilder.class,
                    MockCall.class);

    private CallSite() {}

    /**
     * The caller, as {@code SimpleClass.method(File.java:line)}.
     *
     * @return the location, or "an unknown place"
     */
    static String location() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(
                        frames ->
                                frames.filter(
                                                f ->
                                                        !INTERNAL.contains(f.getDeclaringClass())
                                                                && f.getDeclaringClass()
                                                                                .getNestHost()
                                                                        != MockDB.class)
                                        .findFirst()
                                        .map(CallSite::describe)
                                        .orElse("an unknown place"));
    }

    private static String describe(StackWalker.StackFrame f) {
        String className = f.getClassName();
        return className.substring(className.lastIndexOf('.') + 1)
                + "."
                + f.getMethodName()
                + "("
                + f.getFileName()
                + ":"
                + f.getLineNumber()
                + ")";
    }
}
