package org.vmaware.lab04.grading;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

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
     * The values of {@code counter}'s instance fields that hold a {@code type} itself (in its class and in those it
     * extends within the lab's package; a captured local of an anonymous class is such a field). Of that exact class
     * only, read through its own {@code get()} or {@code sum()}: a subclass could override what reads the value and
     * add up counts kept apart (red team 11).
     */
    static List<Long> values(Counters.Counter counter, Class<? extends Number> type) {
        List<Long> values = new ArrayList<>();
        for (Class<?> c = counter.getClass(); c != null && c.getPackageName().equals(LAB_PACKAGE);
                c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                    continue;
                }
                Object value = read(field, counter);
                if (value != null && value.getClass() == AtomicLong.class && type == AtomicLong.class) {
                    values.add(((AtomicLong) value).get());
                } else if (value != null && value.getClass() == LongAdder.class && type == LongAdder.class) {
                    values.add(((LongAdder) value).sum());
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
