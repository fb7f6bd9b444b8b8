package io.radiolink.run.unit;

import io.radiolink.run.UnitResult;
import io.radiolink.stats.DurationHistogram;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.stat.descriptive.StatisticalSummaryValues;

/**
 * The unit payload's encoding: a {@link UnitResult} written by walking its record components (docs/runs.md,
 * section 1). Record components in declaration order; {@code int} and {@code long} as zig-zag LEB128
 * varints; {@code double} as the 8 bytes of {@link Double#doubleToLongBits}; {@code boolean} as one byte;
 * a {@code String} as the unsigned varint of its UTF-8 length, then the UTF-8; an enum as the unsigned
 * varint of its ordinal; a {@code List} or {@code Map} as the unsigned varint of its size, then its
 * elements (a map's key then value); {@code int[]}, {@code long[]} and {@code double[]} as their length,
 * then their elements; commons-math's {@link StatisticalSummaryValues} and {@link DurationHistogram} by
 * an adapter each. No other type is written: {@link #codecFor} refuses it, naming it.
 *
 * <p>A payload is only ever decoded by code of the same class files (the unit header's identity is checked
 * first), so nothing names a type or a field: the reading code's records are the schema.
 */
public final class RecordCodec {

    private static final Map<Type, ValueCodec> CODECS = new ConcurrentHashMap<>();

    private RecordCodec() {}

    /** The payload of {@code unit}. */
    public static byte[] encode(UnitResult unit) {
        ByteSink sink = new ByteSink(4096);
        Root.CODEC.write(unit, sink);
        return sink.toByteArray();
    }

    /**
     * The unit {@link #encode} wrote as {@code payload}.
     *
     * @throws UnitFormatException if {@code payload} is not exactly one encoded unit
     */
    public static UnitResult decode(byte[] payload) throws UnitFormatException {
        return decode(payload, 0, payload.length);
    }

    /** Like {@link #decode(byte[])}, of the {@code length} bytes of {@code bytes} from {@code offset}. */
    static UnitResult decode(byte[] bytes, int offset, int length) throws UnitFormatException {
        ByteSource source = new ByteSource(bytes, offset, offset + length);
        UnitResult unit = (UnitResult) Root.CODEC.read(source);
        if (source.remaining() != 0) {
            throw new UnitFormatException(source.remaining() + " byte(s) after the unit's last value");
        }
        return unit;
    }

    /** The unit codec, built on first use. */
    private static final class Root {
        static final ValueCodec CODEC = codecFor(UnitResult.class);
    }

    /**
     * The codec of values of {@code type} (a class or a parameterized {@code List} or {@code Map}), built
     * once per type.
     *
     * @throws IllegalArgumentException if {@code type}, or a type it is made of, is not one the codec writes,
     *     naming it and the components that lead to it
     */
    static ValueCodec codecFor(Type type) {
        return codecFor(type, typeName(type), new HashSet<>(), false);
    }

    private static ValueCodec codecFor(Type type, String path, Set<Type> building, boolean typeArgument) {
        ValueCodec known = CODECS.get(type);
        if (known != null) {
            return known;
        }
        if (!building.add(type)) {
            throw new IllegalArgumentException(path + ": " + typeName(type) + " contains itself; the codec writes trees only");
        }
        ValueCodec built = build(type, path, building, typeArgument);
        building.remove(type);
        ValueCodec raced = CODECS.putIfAbsent(type, built);
        return raced != null ? raced : built;
    }

    private static ValueCodec build(Type type, String path, Set<Type> building, boolean typeArgument) {
        if (type instanceof ParameterizedType parameterized) {
            Type raw = parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (raw == List.class) {
                return new ListCodec(codecFor(arguments[0], path + "[]", building, true));
            }
            if (raw == Map.class || raw == SortedMap.class) {
                return mapCodec(raw == SortedMap.class, arguments, path, building);
            }
        } else if (type instanceof Class<?> type1) {
            ValueCodec scalar = Scalar.of(type1, typeArgument);
            if (scalar != null) {
                return scalar;
            }
            if (type1.isEnum()) {
                return new EnumCodec(type1, type1.getEnumConstants());
            }
            if (type1.isRecord()) {
                return recordCodec(type1, path, building);
            }
            if (type1 == StatisticalSummaryValues.class) {
                return Adapters.SUMMARY;
            }
            if (type1 == DurationHistogram.class) {
                return Adapters.HISTOGRAM;
            }
        }
        throw new IllegalArgumentException(path + ": the unit codec cannot write " + typeName(type)
                + "; it writes int, long, double, boolean, String, enums, records, List, Map with enum keys,"
                + " SortedMap, Long as a type argument, int[], long[], double[], StatisticalSummaryValues and"
                + " DurationHistogram (docs/runs.md, section 1)");
    }

    private static ValueCodec mapCodec(boolean sorted, Type[] arguments, String path, Set<Type> building) {
        Type key = arguments[0];
        boolean enumKeys = key instanceof Class<?> keyClass && keyClass.isEnum();
        if (sorted == enumKeys) {
            throw new IllegalArgumentException(path + ": the unit codec writes a Map with enum keys (in ordinal order)"
                    + " or a SortedMap with other keys (in their order), not a " + (sorted ? "SortedMap" : "Map")
                    + " keyed by " + typeName(key));
        }
        ValueCodec keys = codecFor(key, path + ".key", building, true);
        ValueCodec values = codecFor(arguments[1], path + ".value", building, true);
        return enumKeys ? new EnumMapCodec((Class<?>) key, ((Class<?>) key).getEnumConstants(), values)
                : new SortedMapCodec(keys, values);
    }

    private static ValueCodec recordCodec(Class<?> type, String path, Set<Type> building) {
        RecordComponent[] components = type.getRecordComponents();
        Component[] written = new Component[components.length];
        Class<?>[] parameters = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            parameters[i] = component.getType();
            written[i] = Component.of(component.getType(), unreflect(component.getAccessor()),
                    codecFor(component.getGenericType(), path + "." + component.getName(), building, false));
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(parameters);
            canonical.setAccessible(true);
            MethodHandle constructor = MethodHandles.lookup().unreflectConstructor(canonical)
                    .asSpreader(Object[].class, components.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
            return new RecordValueCodec(type, written, constructor);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getName() + " has no accessible canonical constructor", e);
        }
    }

    private static MethodHandle unreflect(Method accessor) {
        try {
            accessor.setAccessible(true);
            return MethodHandles.lookup().unreflect(accessor);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(accessor + " is not accessible", e);
        }
    }

    private static String typeName(Type type) {
        return type instanceof Class<?> c ? c.getSimpleName() : type.getTypeName();
    }

    /** A record: its components in declaration order, read back through its canonical constructor. */
    private record RecordValueCodec(Class<?> type, Component[] components, MethodHandle constructor)
            implements ValueCodec {

        @Override
        public void write(Object value, ByteSink sink) {
            for (Component component : components) {
                component.write(value, sink);
            }
        }

        @Override
        public Object read(ByteSource source) throws UnitFormatException {
            Object[] arguments = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                arguments[i] = components[i].read(source);
            }
            try {
                return (Object) constructor.invokeExact(arguments);
            } catch (RuntimeException e) {
                throw new UnitFormatException(type.getSimpleName() + " refuses the decoded values: " + e.getMessage(), e);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public int minimumBytes() {
            int sum = 0;
            for (Component component : components) {
                sum += component.minimumBytes();
            }
            return sum;
        }
    }

    /** A list: its size, then its elements. */
    private record ListCodec(ValueCodec elements) implements ValueCodec {

        @Override
        public void write(Object value, ByteSink sink) {
            List<?> list = (List<?>) value;
            sink.writeUnsigned(list.size());
            for (Object element : list) {
                elements.write(element, sink);
            }
        }

        @Override
        public Object read(ByteSource source) throws UnitFormatException {
            int size = source.readSize(elements.minimumBytes());
            List<Object> list = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                list.add(elements.read(source));
            }
            return Collections.unmodifiableList(list);
        }

        @Override
        public int minimumBytes() {
            return 1;
        }
    }

    /** A map with enum keys: its size, then key and value in ordinal order, read back as an {@link EnumMap}. */
    private record EnumMapCodec(Class<?> keyType, Object[] constants, ValueCodec values) implements ValueCodec {

        @Override
        public void write(Object value, ByteSink sink) {
            Map<?, ?> map = (Map<?, ?>) value;
            sink.writeUnsigned(map.size());
            int written = 0;
            for (Object key : constants) {
                Object element = map.get(key);
                if (element != null) {
                    sink.writeUnsigned(((Enum<?>) key).ordinal());
                    values.write(element, sink);
                    written++;
                }
            }
            if (written != map.size()) {
                throw new IllegalArgumentException("a map of " + keyType.getSimpleName() + " keys holds a null value");
            }
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Object read(ByteSource source) throws UnitFormatException {
            int size = source.readSize(1 + values.minimumBytes());
            EnumMap map = new EnumMap(keyType);
            int previous = -1;
            for (int i = 0; i < size; i++) {
                int ordinal = source.readCount();
                if (ordinal <= previous || ordinal >= constants.length) {
                    throw new UnitFormatException("a key of " + keyType.getSimpleName() + " has ordinal " + ordinal
                            + ", after " + previous + ", of " + constants.length + " constants");
                }
                previous = ordinal;
                map.put((Enum) constants[ordinal], values.read(source));
            }
            return map;
        }

        @Override
        public int minimumBytes() {
            return 1;
        }
    }

    /** A sorted map (natural order): its size, then key and value in key order, read back as a {@link TreeMap}. */
    private record SortedMapCodec(ValueCodec keys, ValueCodec values) implements ValueCodec {

        @Override
        public void write(Object value, ByteSink sink) {
            SortedMap<?, ?> map = (SortedMap<?, ?>) value;
            if (map.comparator() != null) {
                throw new IllegalArgumentException("the unit codec writes sorted maps in natural order only");
            }
            sink.writeUnsigned(map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                keys.write(entry.getKey(), sink);
                values.write(entry.getValue(), sink);
            }
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Object read(ByteSource source) throws UnitFormatException {
            int size = source.readSize(keys.minimumBytes() + values.minimumBytes());
            TreeMap map = new TreeMap();
            Object previous = null;
            for (int i = 0; i < size; i++) {
                Object key = keys.read(source);
                if (previous != null && ((Comparable) previous).compareTo(key) >= 0) {
                    throw new UnitFormatException("the sorted map's key " + key + " follows " + previous);
                }
                previous = key;
                map.put(key, values.read(source));
            }
            return map;
        }

        @Override
        public int minimumBytes() {
            return 1;
        }
    }

    /** An enum: the ordinal of its constant. */
    private record EnumCodec(Class<?> type, Object[] constants) implements ValueCodec {

        @Override
        public void write(Object value, ByteSink sink) {
            sink.writeUnsigned(((Enum<?>) value).ordinal());
        }

        @Override
        public Object read(ByteSource source) throws UnitFormatException {
            int ordinal = source.readCount();
            if (ordinal >= constants.length) {
                throw new UnitFormatException("ordinal " + ordinal + " of " + type.getSimpleName()
                        + ", which has " + constants.length + " constants");
            }
            return constants[ordinal];
        }

        @Override
        public int minimumBytes() {
            return 1;
        }
    }
}
