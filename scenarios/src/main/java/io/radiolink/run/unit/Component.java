package io.radiolink.run.unit;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * One record component: its accessor joined to the writer of its type, so that an {@code int},
 * {@code long} or {@code double} component is written without boxing, and its type's codec for reading.
 *
 * @param writer {@code (ByteSink, Object record) void}
 * @param codec the component type's codec
 */
record Component(MethodHandle writer, ValueCodec codec) {

    private static final MethodHandle WRITE_SIGNED;
    private static final MethodHandle WRITE_DOUBLE;
    private static final MethodHandle WRITE_VALUE;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            WRITE_SIGNED = lookup.findVirtual(ByteSink.class, "writeSigned",
                    MethodType.methodType(void.class, long.class));
            WRITE_DOUBLE = lookup.findVirtual(ByteSink.class, "writeDouble",
                    MethodType.methodType(void.class, double.class));
            WRITE_VALUE = lookup.findStatic(Component.class, "writeValue",
                    MethodType.methodType(void.class, ValueCodec.class, ByteSink.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The component read by {@code accessor} (a record's accessor method), of type {@code type}, written by {@code codec}. */
    static Component of(Class<?> type, MethodHandle accessor, ValueCodec codec) {
        MethodHandle writer;
        Class<?> written;
        if (type == int.class || type == long.class) {
            writer = WRITE_SIGNED;
            written = long.class;
        } else if (type == double.class) {
            writer = WRITE_DOUBLE;
            written = double.class;
        } else {
            writer = WRITE_VALUE.bindTo(codec);
            written = Object.class;
        }
        MethodHandle read = accessor.asType(MethodType.methodType(written, Object.class));
        return new Component(MethodHandles.filterArguments(writer, 1, read)
                .asType(MethodType.methodType(void.class, ByteSink.class, Object.class)), codec);
    }

    private static void writeValue(ValueCodec codec, ByteSink sink, Object value) {
        if (value == null) {
            throw new NullPointerException("the unit codec writes no null");
        }
        codec.write(value, sink);
    }

    /** Writes this component of {@code record}. */
    void write(Object record, ByteSink sink) {
        try {
            writer.invokeExact(sink, record);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("a record accessor failed", e);
        }
    }

    /** Reads this component's value, boxed if primitive, for the record's constructor. */
    Object read(ByteSource source) throws UnitFormatException {
        return codec.read(source);
    }

    /** The fewest bytes this component takes. */
    int minimumBytes() {
        return codec.minimumBytes();
    }
}
