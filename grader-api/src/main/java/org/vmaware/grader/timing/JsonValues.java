package org.vmaware.grader.timing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Plain values (maps, lists, strings, numbers, booleans) to JSON text and back, with jackson-core's streaming API.
 *
 * <p>Why not databind: a {@link ForkedSpeedUp} child reads one {@link Spec} and writes one {@link Verdict}, and in
 * a fresh JVM databind's first use costs 0.43 s (0.70 s under {@code -Xint}) against 0.06 s for the streaming API
 * (measured on the 2-core CI machine): half of what a forked verdict's fork used to cost.</p>
 */
final class JsonValues {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonValues() {
    }

    /** JSON text for a map of plain values ({@code double[]} as a list; no infinities or NaN: JSON has none). */
    static String write(Map<String, ?> value) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = FACTORY.createGenerator(text)) {
            write(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** The map a JSON object's text stands for: numbers as Long where integral, else Double. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> read(String json) {
        try (JsonParser in = FACTORY.createParser(json)) {
            Object value = read(in, in.nextToken());
            if (!(value instanceof Map) || in.nextToken() != null) {
                throw new IOException("not one JSON object");
            }
            return (Map<String, Object>) value;
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(new IOException("unreadable JSON: " + e.getMessage(), e));
        }
    }

    private static void write(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof Map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                out.writeFieldName(String.valueOf(entry.getKey()));
                write(out, entry.getValue());
            }
            out.writeEndObject();
        } else if (value instanceof List) {
            out.writeStartArray();
            for (Object element : (List<?>) value) {
                write(out, element);
            }
            out.writeEndArray();
        } else if (value instanceof double[]) {
            out.writeStartArray();
            for (double element : (double[]) value) {
                out.writeNumber(element);
            }
            out.writeEndArray();
        } else if (value instanceof Double || value instanceof Float) {
            out.writeNumber(((Number) value).doubleValue());
        } else if (value instanceof Number) {
            out.writeNumber(((Number) value).longValue());
        } else if (value instanceof Boolean) {
            out.writeBoolean((Boolean) value);
        } else {
            out.writeString(String.valueOf(value));
        }
    }

    private static Object read(JsonParser in, JsonToken token) throws IOException {
        if (token == null) {
            throw new IOException("the text ends early");
        }
        switch (token) {
            case START_OBJECT:
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken next = in.nextToken(); next != JsonToken.END_OBJECT; next = in.nextToken()) {
                    String name = in.currentName();
                    if (map.put(name, read(in, in.nextToken())) != null) {
                        throw new IOException("the key " + name + " twice");
                    }
                }
                return map;
            case START_ARRAY:
                List<Object> list = new ArrayList<>();
                for (JsonToken next = in.nextToken(); next != JsonToken.END_ARRAY; next = in.nextToken()) {
                    list.add(read(in, next));
                }
                return list;
            case VALUE_STRING:
                return in.getText();
            case VALUE_NUMBER_INT:
                return in.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return in.getDoubleValue();
            case VALUE_TRUE:
                return true;
            case VALUE_FALSE:
                return false;
            case VALUE_NULL:
                return null;
            default:
                throw new IOException("unexpected " + token);
        }
    }
}
