package dev.crmgen.runtime.json;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Consumer;

/**
 * The unmodifiable list a decode builds: the first {@code size} slots of an array nothing else refers to, read into
 * directly. No wrapper list and no copy to an exact size, which were most of what a short decoded list cost.
 */
final class DecodedList<E> extends AbstractList<E> implements RandomAccess {
    private static final DecodedList<?> EMPTY = new DecodedList<>(new Object[0], 0);

    private final Object[] elements;
    private final int size;

    private DecodedList(Object[] elements, int size) {
        this.elements = elements;
        this.size = size;
    }

    /**
     * The list of {@code elements}' first {@code size} slots, which the caller hands over: nothing else may refer to
     * the array. The empty list is shared, so an empty JSON array allocates nothing.
     */
    static <E> DecodedList<E> of(Object[] elements, int size) {
        return size == 0 ? empty() : new DecodedList<>(elements, size);
    }

    /** The empty decoded list. */
    @SuppressWarnings("unchecked")
    static <E> DecodedList<E> empty() {
        return (DecodedList<E>) EMPTY;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        Objects.checkIndex(index, size);
        return (E) elements[index];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void forEach(Consumer<? super E> action) {
        Objects.requireNonNull(action, "action");
        for (int i = 0; i < size; i++) {
            action.accept((E) elements[i]);
        }
    }

    @Override
    public Object[] toArray() {
        return Arrays.copyOf(elements, size);
    }
}
