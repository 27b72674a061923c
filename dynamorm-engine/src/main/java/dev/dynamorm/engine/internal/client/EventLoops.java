package dev.dynamorm.engine.internal.client;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Tells whether the current thread is an HTTP client's I/O event loop, where the async view must
 * not run hooks or conversions (they may block). A thread counts as one when Netty says it is
 * running one of its event loops ({@code ThreadExecutorMap}, which every Netty event executor sets
 * while it runs), or when its name says so (the SDK names its Netty threads {@code
 * aws-java-sdk-NettyEventLoop-..}, the CRT client its threads {@code AwsEventLoop ..}). A wrong
 * "yes" only costs a hand-off to the continuation executor; a wrong "no" would let a blocking hook
 * stall I/O, so the check errs towards "yes".
 */
final class EventLoops {

    /** {@code ThreadExecutorMap.currentExecutor()} returning Object, or null without Netty. */
    private static final MethodHandle NETTY = nettyCurrentExecutor();

    private static final String NAME = "eventloop";

    private EventLoops() {}

    /** Whether the current thread is an I/O event loop (see the class comment). */
    static boolean current() {
        if (NETTY != null) {
            try {
                if ((Object) NETTY.invokeExact() != null) {
                    return true;
                }
            } catch (Throwable t) { // invokeExact declares Throwable; the method throws nothing
                return true;
            }
        }
        return named(Thread.currentThread().getName());
    }

    /** Whether a thread name contains "eventloop", ignoring case, without allocating. */
    static boolean named(String name) {
        int last = name.length() - NAME.length();
        for (int i = 0; i <= last; i++) {
            if (name.regionMatches(true, i, NAME, 0, NAME.length())) {
                return true;
            }
        }
        return false;
    }

    private static MethodHandle nettyCurrentExecutor() {
        try {
            Class<?> map =
                    Class.forName(
                            "io.netty.util.internal.ThreadExecutorMap",
                            false,
                            EventLoops.class.getClassLoader());
            Class<?> executor =
                    Class.forName(
                            "io.netty.util.concurrent.EventExecutor",
                            false,
                            EventLoops.class.getClassLoader());
            return MethodHandles.publicLookup()
                    .findStatic(map, "currentExecutor", MethodType.methodType(executor))
                    .asType(MethodType.methodType(Object.class));
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            // no Netty (or another version of it): the name check alone decides
            return null;
        }
    }
}
