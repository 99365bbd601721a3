package org.vmaware.lab04.grading;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import org.vmaware.lab04.Counters;

/**
 * What a counter holds before anyone calls {@code get()}: the values of its own fields of one type (an
 * {@code AtomicLong} for 1b, a {@code LongAdder} for 1c), read by the tests with reflection, which graded code may not
 * use but the tests may.
 *
 * <p>Why: a counter with no shared state (each thread counting in a cell of its own, get() adding the cells up)
 * counts exactly without any atomic (red team 10). The count of a counter that all threads share is in its atomic
 * as soon as the threads are done; a count that appears only when get() is called was never shared.</p>
 */
final class CounterState {

    private static final String LAB_PACKAGE = Counters.class.getPackageName();

    private CounterState() {
    }

    /**
     * The values of {@code counter}'s instance fields that hold a {@code type} (in its class and in those it extends
     * within the lab's package; a captured local of an anonymous class is such a field), and the counter's own value
     * if it is a {@code type} itself.
     */
    static List<Long> values(Counters.Counter counter, Class<? extends Number> type) {
        List<Long> values = new ArrayList<>();
        if (type.isInstance(counter)) {
            values.add(((Number) counter).longValue());
        }
        for (Class<?> c = counter.getClass(); c != null && c.getPackageName().equals(LAB_PACKAGE);
                c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                    continue;
                }
                Object value = read(field, counter);
                if (type.isInstance(value)) {
                    values.add(((Number) value).longValue());
                }
            }
        }
        return values;
    }

    private static Object read(Field field, Object owner) {
        try {
            field.setAccessible(true);
            return field.get(owner);
        } catch (IllegalAccessException | RuntimeException e) {
            // a field the tests cannot open holds no counter they could check
            return null;
        }
    }
}
