package io.radiolink.run.unit;

import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;

/** The codecs of the codec's leaf types: primitives, strings and a {@code Long} type argument. */
enum Scalar implements ValueCodec {
    INT(1) {
        @Override
        public void write(Object value, ByteSink sink) {
            sink.writeSigned((Integer) value);
        }

        @Override
        public Object read(ByteSource source) throws UnitFormatException {
            return source.readInt();
        }
    },
    LONG(1) {
        @Override
        public void write(Object value, ByteSink sink) {
            sink.writeSigned((Long) value);
        }

        @Override
        public Object read(ByteSource source) throws UnitFormatException {
            return source.readSigned();
        }
    },
    DOUBLE(8) {
        @Override
        public void write(Object value, ByteSink sink) {
            sink.writeDouble((Double) value);
        }

        @Override
        public Object read(ByteSource source) throws UnitFormatException {
            return source.readDouble();
        }
    },
    BOOLEAN(1) {
        @Override
        public void write(Object value, ByteSink sink) {
            sink.writeByte((Boolean) value ? 1 : 0);
        }

        @Override
        public Object read(ByteSource source) throws UnitFormatException {
            int b = source.readByte();
            if (b > 1) {
                throw new UnitFormatException("a boolean is " + b + ", not 0 or 1");
            }
            return b == 1;
        }
    },
    STRING(1) {
        @Override
        public void write(Object value, ByteSink sink) {
            byte[] utf8 = ((String) value).getBytes(StandardCharsets.UTF_8);
            sink.writeUnsigned(utf8.length);
            sink.writeBytes(utf8, 0, utf8.length);
        }

        @Override
        public Object read(ByteSource source) throws UnitFormatException {
            return source.readUtf8(source.readCount());
        }
    };

    private final int minimumBytes;

    Scalar(int minimumBytes) {
        this.minimumBytes = minimumBytes;
    }

    @Override
    public int minimumBytes() {
        return minimumBytes;
    }

    /**
     * The codec of {@code type} if it is a leaf type or an array of {@code int}, {@code long} or
     * {@code double}, else null. {@code Long} is one only as a type argument
     * (a count map's values), where a null is refused when writing; a {@code Long} component, which could
     * hold null, is not.
     */
    static ValueCodec of(Class<?> type, boolean typeArgument) {
        if (type == int.class) {
            return INT;
        }
        if (type == long.class || (typeArgument && type == Long.class)) {
            return LONG;
        }
        if (type == double.class) {
            return DOUBLE;
        }
        if (type == boolean.class) {
            return BOOLEAN;
        }
        if (type == String.class) {
            return STRING;
        }
        if (type == int[].class || type == long[].class || type == double[].class) {
            return new ArrayCodec(type.getComponentType(), (Scalar) of(type.getComponentType(), false));
        }
        return null;
    }

    /** An array of {@code int}, {@code long} or {@code double}: its length, then its elements as {@code elements} writes them. */
    private record ArrayCodec(Class<?> elementType, Scalar elements) implements ValueCodec {

        @Override
        public void write(Object value, ByteSink sink) {
            int length = Array.getLength(value);
            sink.writeUnsigned(length);
            for (int i = 0; i < length; i++) {
                elements.write(Array.get(value, i), sink);
            }
        }

        @Override
        public Object read(ByteSource source) throws UnitFormatException {
            Object array = Array.newInstance(elementType, source.readSize(elements.minimumBytes()));
            for (int i = 0; i < Array.getLength(array); i++) {
                Array.set(array, i, elements.read(source));
            }
            return array;
        }

        @Override
        public int minimumBytes() {
            return 1;
        }
    }
}
