package dev.dynamorm.engine.internal.model;

import dev.dynamorm.ModelDefinitionException;
import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Builds the fast accessors of mapped types: getters and setters as {@link LambdaMetafactory}
 * lambdas where the engine may define them, else as {@link MethodHandle}s adapted to {@code Object}
 * and called with {@code invokeExact}.
 *
 * <p>Registration cost: spinning one lambda class per accessor (and method-handle classes per
 * constructor signature) is most of what registering a model costs in a fresh JVM. So getter and
 * setter methods start as core reflection and become lambdas after a few calls, and record
 * constructors start as core reflection and become spread method handles ({@link Inflating}).
 *
 * <p>Access: the engine asks for a private lookup in the model class, which the model's module
 * grants when it opens the package to the engine (the class path opens everything). Public types in
 * packages exported to the engine work without opening, through the engine's own lookup.
 */
final class Accessors {

    /** The engine module name, used in messages when the engine runs on the class path. */
    static final String ENGINE_MODULE = "dev.dynamorm.engine";

    /** How accessors are built; tests force the method-handle path. */
    enum Strategy {
        /** Lambdas where possible, else method handles. */
        AUTO,
        /** Always method handles. */
        METHOD_HANDLES
    }

    static volatile Strategy strategy = Strategy.AUTO;

    private final Class<?> type;
    private final MethodHandles.Lookup lookup;

    /** The engine's own lookup when the type is public and exported to the engine, else null. */
    private final MethodHandles.Lookup publicFallback;

    private final boolean lambdas;

    private Accessors(
            Class<?> type, MethodHandles.Lookup lookup, MethodHandles.Lookup publicFallback) {
        this.type = type;
        this.lookup = lookup;
        this.publicFallback = publicFallback;
        this.lambdas = strategy == Strategy.AUTO;
    }

    /**
     * Obtains access to a class.
     *
     * @throws ModelDefinitionException naming the {@code opens} directive to add when the class is
     *     not accessible
     */
    static Accessors of(Class<?> type, Class<?> modelType) {
        Module engine = Accessors.class.getModule();
        Module target = type.getModule();
        if (engine.isNamed() && !engine.canRead(target)) {
            engine.addReads(target);
        }
        MethodHandles.Lookup engineLookup = MethodHandles.lookup();
        MethodHandles.Lookup publicFallback =
                publiclyAccessible(type, engine) ? engineLookup : null;
        try {
            return new Accessors(
                    type, MethodHandles.privateLookupIn(type, engineLookup), publicFallback);
        } catch (IllegalAccessException | SecurityException e) {
            if (publicFallback != null) {
                return new Accessors(type, publicFallback, publicFallback);
            }
            throw new ModelDefinitionException(accessMessage(type), modelType);
        }
    }

    static String accessMessage(Class<?> type) {
        return accessMessage(type, Accessors.class.getModule());
    }

    /** The message for a class the engine (in module {@code engine}) cannot access. */
    static String accessMessage(Class<?> type, Module engine) {
        String pkg = type.getPackageName();
        if (engine.isNamed()) {
            return String.format(
                    Locale.ROOT,
                    "cannot access %s: open package %s to module %s (add 'opens %s to %s;' "
                            + "to module-info.java)",
                    type.getName(),
                    pkg,
                    engine.getName(),
                    pkg,
                    engine.getName());
        }
        return String.format(
                Locale.ROOT,
                "cannot access %s: open package %s to the DynamORM engine (add 'opens %s;' "
                        + "to module-info.java, or 'opens %s to %s;' when the engine is on the module path)",
                type.getName(),
                pkg,
                pkg,
                pkg,
                ENGINE_MODULE);
    }

    private static boolean publiclyAccessible(Class<?> type, Module engine) {
        for (Class<?> c = type; c != null; c = c.getDeclaringClass()) {
            if (!Modifier.isPublic(c.getModifiers())) {
                return false;
            }
        }
        return type.getModule().isExported(type.getPackageName(), engine);
    }

    private static boolean publicMember(java.lang.reflect.Member m) {
        return Modifier.isPublic(m.getModifiers());
    }

    /**
     * Whether a lambda class may be defined with a lookup: it needs full privilege access, and a
     * lambda defined next to the engine (rather than next to the model) must be able to link
     * against the model class from the engine's class loader.
     */
    private boolean canSpin(MethodHandles.Lookup caller) {
        if (caller == null || !caller.hasFullPrivilegeAccess()) {
            return false;
        }
        return caller.lookupClass() == type || engineCanLink();
    }

    /** Whether the engine's class loader resolves the model class to the same class. */
    private boolean engineCanLink() {
        if (publicFallback == null) {
            return false;
        }
        try {
            return Class.forName(type.getName(), false, Accessors.class.getClassLoader()) == type;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    // ---- getters ----

    /**
     * A getter method as a function. Where core reflection may call the method, the function starts
     * with it and replaces itself with a lambda after {@link Inflating#THRESHOLD} calls: spinning a
     * lambda class per accessor is most of a cold registration, and fields that are rarely read
     * never pay for it.
     */
    Function<Object, Object> getter(Method method) {
        if (lambdas && reflectable(method)) {
            return new InflatingGetter(method, () -> directGetter(method));
        }
        return directGetter(method);
    }

    /** Whether core reflection may call the member without access checks failing. */
    private boolean reflectable(java.lang.reflect.Executable member) {
        return member.trySetAccessible() || (lookup == publicFallback && publicMember(member));
    }

    private Function<Object, Object> directGetter(Method method) {
        MethodHandle mh = unreflect(method);
        if (lambdas) {
            Function<Object, Object> f = canSpin(lookup) ? lambdaGetter(lookup, mh) : null;
            if (f == null
                    && publicMember(method)
                    && lookup != publicFallback
                    && canSpin(publicFallback)) {
                f = lambdaGetter(publicFallback, unreflectWith(publicFallback, method, mh));
            }
            if (f != null) {
                return f;
            }
        }
        return new HandleGetter(mh.asType(MethodType.methodType(Object.class, Object.class)));
    }

    Function<Object, Object> getter(Field field) {
        MethodHandle mh;
        try {
            mh = lookup.unreflectGetter(field);
        } catch (IllegalAccessException e) {
            throw new ModelDefinitionException(accessMessage(field.getDeclaringClass()), type);
        }
        return new HandleGetter(mh.asType(MethodType.methodType(Object.class, Object.class)));
    }

    @SuppressWarnings("unchecked")
    private static Function<Object, Object> lambdaGetter(
            MethodHandles.Lookup caller, MethodHandle mh) {
        if (mh == null || !caller.hasFullPrivilegeAccess()) {
            return null;
        }
        try {
            MethodType t = mh.type();
            CallSite site =
                    LambdaMetafactory.metafactory(
                            caller,
                            "apply",
                            MethodType.methodType(Function.class),
                            MethodType.methodType(Object.class, Object.class),
                            mh,
                            MethodType.methodType(Types.wrap(t.returnType()), t.parameterType(0)));
            return (Function<Object, Object>) site.getTarget().invoke();
        } catch (Throwable e) {
            return null;
        }
    }

    // ---- setters ----

    /**
     * A setter method as a consumer; like {@link #getter(Method)}, reflection first, then a lambda.
     */
    BiConsumer<Object, Object> setter(Method method) {
        if (lambdas && reflectable(method)) {
            return new InflatingSetter(method, () -> directSetter(method));
        }
        return directSetter(method);
    }

    private BiConsumer<Object, Object> directSetter(Method method) {
        MethodHandle mh = unreflect(method);
        if (lambdas) {
            BiConsumer<Object, Object> f = canSpin(lookup) ? lambdaSetter(lookup, mh) : null;
            if (f == null
                    && publicMember(method)
                    && lookup != publicFallback
                    && canSpin(publicFallback)) {
                f = lambdaSetter(publicFallback, unreflectWith(publicFallback, method, mh));
            }
            if (f != null) {
                return f;
            }
        }
        return new HandleSetter(
                mh.asType(MethodType.methodType(void.class, Object.class, Object.class)));
    }

    BiConsumer<Object, Object> setter(Field field) {
        MethodHandle mh;
        try {
            mh = lookup.unreflectSetter(field);
        } catch (IllegalAccessException e) {
            throw new ModelDefinitionException(accessMessage(field.getDeclaringClass()), type);
        }
        return new HandleSetter(
                mh.asType(MethodType.methodType(void.class, Object.class, Object.class)));
    }

    @SuppressWarnings("unchecked")
    private static BiConsumer<Object, Object> lambdaSetter(
            MethodHandles.Lookup caller, MethodHandle mh) {
        if (mh == null || !caller.hasFullPrivilegeAccess()) {
            return null;
        }
        try {
            MethodType t = mh.type();
            CallSite site =
                    LambdaMetafactory.metafactory(
                            caller,
                            "accept",
                            MethodType.methodType(BiConsumer.class),
                            MethodType.methodType(void.class, Object.class, Object.class),
                            mh,
                            MethodType.methodType(
                                    void.class,
                                    t.parameterType(0),
                                    Types.wrap(t.parameterType(1))));
            return (BiConsumer<Object, Object>) site.getTarget().invoke();
        } catch (Throwable e) {
            return null;
        }
    }

    // ---- constructors ----

    /** A no-argument constructor as a supplier. */
    @SuppressWarnings("unchecked")
    Supplier<Object> noArgConstructor(Constructor<?> ctor) {
        MethodHandle mh = unreflect(ctor);
        if (lambdas) {
            for (MethodHandles.Lookup caller :
                    new MethodHandles.Lookup[] {lookup, publicFallback}) {
                if (!canSpin(caller) || (caller == publicFallback && !publicMember(ctor))) {
                    continue;
                }
                try {
                    MethodHandle target = caller == lookup ? mh : caller.unreflectConstructor(ctor);
                    CallSite site =
                            LambdaMetafactory.metafactory(
                                    caller,
                                    "get",
                                    MethodType.methodType(Supplier.class),
                                    MethodType.methodType(Object.class),
                                    target,
                                    MethodType.methodType(ctor.getDeclaringClass()));
                    return (Supplier<Object>) site.getTarget().invoke();
                } catch (Throwable e) {
                    // fall through to the method handle
                }
            }
        }
        return new HandleSupplier(mh.asType(MethodType.methodType(Object.class)));
    }

    /**
     * A constructor taking every argument from an {@code Object[]}: a method handle spread over the
     * array. Like getters, it starts as core reflection and becomes the handle after a few calls:
     * adapting a handle to a constructor's signature spins several classes (a third of a cold
     * registration), while the JDK's reflective call of a wide constructor checks and unboxes each
     * argument more slowly than the handle does (a 60-component record read 15% slower).
     */
    Function<Object[], Object> spreadConstructor(Constructor<?> ctor) {
        if (lambdas && reflectable(ctor)) {
            return new InflatingConstructor(ctor, () -> handleConstructor(ctor));
        }
        return handleConstructor(ctor);
    }

    private Function<Object[], Object> handleConstructor(Constructor<?> ctor) {
        MethodHandle mh = unreflect(ctor);
        int n = ctor.getParameterCount();
        MethodHandle spread =
                mh.asType(MethodType.genericMethodType(n)).asSpreader(Object[].class, n);
        return new HandleConstructor(
                spread.asType(MethodType.methodType(Object.class, Object[].class)));
    }

    /**
     * Creates an instance through a public no-argument constructor, once (for {@code @Convert}
     * converters).
     */
    Object newInstance(Constructor<?> ctor) throws Throwable {
        return unreflect(ctor).invoke();
    }

    private MethodHandle unreflect(Method method) {
        try {
            return lookup.unreflect(method);
        } catch (IllegalAccessException e) {
            if (publicFallback != null && lookup != publicFallback && publicMember(method)) {
                MethodHandle mh = unreflectWith(publicFallback, method, null);
                if (mh != null) {
                    return mh;
                }
            }
            throw new ModelDefinitionException(accessMessage(method.getDeclaringClass()), type);
        }
    }

    private MethodHandle unreflect(Constructor<?> ctor) {
        try {
            return lookup.unreflectConstructor(ctor);
        } catch (IllegalAccessException e) {
            if (publicFallback != null && lookup != publicFallback && publicMember(ctor)) {
                try {
                    return publicFallback.unreflectConstructor(ctor);
                } catch (IllegalAccessException ignored) {
                    // report below
                }
            }
            throw new ModelDefinitionException(accessMessage(ctor.getDeclaringClass()), type);
        }
    }

    private static MethodHandle unreflectWith(
            MethodHandles.Lookup caller, Method method, MethodHandle orElse) {
        try {
            return caller.unreflect(method);
        } catch (IllegalAccessException e) {
            return orElse;
        }
    }

    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new UndeclaredThrowableException(t);
    }

    /** A getter through a method handle typed {@code (Object)Object}. */
    static final class HandleGetter implements Function<Object, Object> {
        private final MethodHandle mh;

        HandleGetter(MethodHandle mh) {
            this.mh = mh;
        }

        @Override
        public Object apply(Object instance) {
            try {
                return (Object) mh.invokeExact(instance);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** A setter through a method handle typed {@code (Object,Object)void}. */
    static final class HandleSetter implements BiConsumer<Object, Object> {
        private final MethodHandle mh;

        HandleSetter(MethodHandle mh) {
            this.mh = mh;
        }

        @Override
        public void accept(Object instance, Object value) {
            try {
                mh.invokeExact(instance, value);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** A no-argument constructor through a method handle typed {@code ()Object}. */
    static final class HandleSupplier implements Supplier<Object> {
        private final MethodHandle mh;

        HandleSupplier(MethodHandle mh) {
            this.mh = mh;
        }

        @Override
        public Object get() {
            try {
                return (Object) mh.invokeExact();
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /**
     * An accessor that calls its method through core reflection until it has been used {@link
     * #THRESHOLD} times, then builds its fast form and uses that. Like the JDK's own reflection
     * inflation, and below the JDK's threshold (15) so the JDK never generates an accessor class of
     * its own. The fast form is kept in a plain field: a thread that does not see it yet keeps
     * using reflection or builds it again, both correct.
     */
    abstract static class Inflating<F> {
        static final int THRESHOLD = 8;

        private final Supplier<F> fastForm;
        private F fast;
        private int calls;

        Inflating(Supplier<F> fastForm) {
            this.fastForm = fastForm;
        }

        /** The fast form once built, else null (counting this call towards building it). */
        final F fastOrCount() {
            F f = fast;
            if (f == null && ++calls >= THRESHOLD) {
                fast = fastForm.get();
            }
            return f;
        }

        /** The fast form, or null while calls still go through reflection (for tests). */
        final F fast() {
            return fast;
        }

        /** What a failed reflective call throws: the member's own exception, unwrapped. */
        static RuntimeException failure(ReflectiveOperationException e) {
            if (e instanceof InvocationTargetException target) {
                return rethrow(target.getCause());
            }
            return new IllegalStateException(e);
        }
    }

    /** A getter that inflates from {@link Method#invoke} to a lambda. */
    static final class InflatingGetter extends Inflating<Function<Object, Object>>
            implements Function<Object, Object> {
        private final Method method;

        InflatingGetter(Method method, Supplier<Function<Object, Object>> fastForm) {
            super(fastForm);
            this.method = method;
        }

        @Override
        public Object apply(Object instance) {
            Function<Object, Object> f = fastOrCount();
            if (f != null) {
                return f.apply(instance);
            }
            try {
                return method.invoke(instance);
            } catch (ReflectiveOperationException e) {
                throw failure(e);
            }
        }
    }

    /** A setter that inflates from {@link Method#invoke} to a lambda. */
    static final class InflatingSetter extends Inflating<BiConsumer<Object, Object>>
            implements BiConsumer<Object, Object> {
        private final Method method;

        InflatingSetter(Method method, Supplier<BiConsumer<Object, Object>> fastForm) {
            super(fastForm);
            this.method = method;
        }

        @Override
        public void accept(Object instance, Object value) {
            BiConsumer<Object, Object> f = fastOrCount();
            if (f != null) {
                f.accept(instance, value);
                return;
            }
            try {
                method.invoke(instance, value);
            } catch (ReflectiveOperationException e) {
                throw failure(e);
            }
        }
    }

    /**
     * A record constructor that inflates from {@link Constructor#newInstance} to a spread method
     * handle.
     */
    static final class InflatingConstructor extends Inflating<Function<Object[], Object>>
            implements Function<Object[], Object> {
        private final Constructor<?> ctor;

        InflatingConstructor(Constructor<?> ctor, Supplier<Function<Object[], Object>> fastForm) {
            super(fastForm);
            this.ctor = ctor;
        }

        @Override
        public Object apply(Object[] args) {
            Function<Object[], Object> f = fastOrCount();
            if (f != null) {
                return f.apply(args);
            }
            try {
                return ctor.newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw failure(e);
            }
        }
    }

    /** A constructor spread over an {@code Object[]}, typed {@code (Object[])Object}. */
    static final class HandleConstructor implements Function<Object[], Object> {
        private final MethodHandle mh;

        HandleConstructor(MethodHandle mh) {
            this.mh = mh;
        }

        @Override
        public Object apply(Object[] args) {
            try {
                return (Object) mh.invokeExact(args);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }
}
