package dev.dynamorm.converters.internal;

/**
 * Typed access to arrays of primitives other than {@code byte} (which is stored as binary), so that
 * {@link PrimitiveArrayConverter} needs no reflection per value.
 */
enum PrimitiveArrayKind {
    BOOLEAN(boolean.class) {
        @Override
        int length(Object array) {
            return ((boolean[]) array).length;
        }

        @Override
        Object get(Object array, int i) {
            return ((boolean[]) array)[i];
        }

        @Override
        Object create(int length) {
            return new boolean[length];
        }

        @Override
        void set(Object array, int i, Object value) {
            ((boolean[]) array)[i] = (Boolean) value;
        }
    },
    CHAR(char.class) {
        @Override
        int length(Object array) {
            return ((char[]) array).length;
        }

        @Override
        Object get(Object array, int i) {
            return ((char[]) array)[i];
        }

        @Override
        Object create(int length) {
            return new char[length];
        }

        @Override
        void set(Object array, int i, Object value) {
            ((char[]) array)[i] = (Character) value;
        }
    },
    SHORT(short.class) {
        @Override
        int length(Object array) {
            return ((short[]) array).length;
        }

        @Override
        Object get(Object array, int i) {
            return ((short[]) array)[i];
        }

        @Override
        Object create(int length) {
            return new short[length];
        }

        @Override
        void set(Object array, int i, Object value) {
            ((short[]) array)[i] = (Short) value;
        }
    },
    INT(int.class) {
        @Override
        int length(Object array) {
            return ((int[]) array).length;
        }

        @Override
        Object get(Object array, int i) {
            return ((int[]) array)[i];
        }

        @Override
        Object create(int length) {
            return new int[length];
        }

        @Override
        void set(Object array, int i, Object value) {
            ((int[]) array)[i] = (Integer) value;
        }
    },
    LONG(long.class) {
        @Override
        int length(Object array) {
            return ((long[]) array).length;
        }

        @Override
        Object get(Object array, int i) {
            return ((long[]) array)[i];
        }

        @Override
        Object create(int length) {
            return new long[length];
        }

        @Override
        void set(Object array, int i, Object value) {
            ((long[]) array)[i] = (Long) value;
        }
    },
    FLOAT(float.class) {
        @Override
        int length(Object array) {
            return ((float[]) array).length;
        }

        @Override
        Object get(Object array, int i) {
            return ((float[]) array)[i];
        }

        @Override
        Object create(int length) {
            return new float[length];
        }

        @Override
        void set(Object array, int i, Object value) {
            ((float[]) array)[i] = (Float) value;
        }
    },
    DOUBLE(double.class) {
        @Override
        int length(Object array) {
            return ((double[]) array).length;
        }

        @Override
        Object get(Object array, int i) {
            return ((double[]) array)[i];
        }

        @Override
        Object create(int length) {
            return new double[length];
        }

        @Override
        void set(Object array, int i, Object value) {
            ((double[]) array)[i] = (Double) value;
        }
    };

    private final Class<?> component;

    PrimitiveArrayKind(Class<?> component) {
        this.component = component;
    }

    /** The kind for a primitive component type, or {@code null} ({@code byte}, {@code void}). */
    static PrimitiveArrayKind of(Class<?> component) {
        for (PrimitiveArrayKind kind : values()) {
            if (kind.component == component) {
                return kind;
            }
        }
        return null;
    }

    /** The primitive component type. */
    Class<?> component() {
        return component;
    }

    abstract int length(Object array);

    abstract Object get(Object array, int i);

    abstract Object create(int length);

    abstract void set(Object array, int i, Object value);
}
