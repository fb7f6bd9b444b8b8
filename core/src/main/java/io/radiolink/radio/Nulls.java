package io.radiolink.radio;

import java.util.List;
import java.util.Objects;

/** Null checks of list arguments that name the parameter and the element: {@code scheduled[2]}. */
public final class Nulls {

    private Nulls() {}

    /** Returns {@code list} if neither it nor any element is null, else throws a {@link NullPointerException} naming it. */
    public static <T> List<T> noneIn(List<T> list, String name) {
        Objects.requireNonNull(list, name);
        for (int i = 0; i < list.size(); i++) {
            Objects.requireNonNull(list.get(i), name + "[" + i + "]");
        }
        return list;
    }
}
