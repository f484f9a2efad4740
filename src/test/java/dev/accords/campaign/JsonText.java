package dev.accords.campaign;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON writer for malformed requests. Unlike Jackson's it can write what a broken client sends: a
 * string with a lone surrogate (written as the escape {@code \uD800}, as the brief asks), an object
 * with a duplicate key, and raw fragments (e.g. {@code NaN}, {@code 01}). Every surrogate is written
 * as an escape, so the output is always valid UTF-8.
 */
public final class JsonText {

    private JsonText() {
    }

    /** An object that keeps its members in order and may repeat a key. */
    public static final class Obj {
        private final List<Map.Entry<String, Object>> members = new ArrayList<>();

        public Obj put(String name, Object value) {
            remove(name);
            members.add(Map.entry(name, value == null ? Null.INSTANCE : value));
            return this;
        }

        /** Adds a member even if the name is already there (a duplicate key). */
        public Obj add(String name, Object value) {
            members.add(Map.entry(name, value == null ? Null.INSTANCE : value));
            return this;
        }

        public Obj remove(String name) {
            members.removeIf(member -> member.getKey().equals(name));
            return this;
        }

        public boolean has(String name) {
            return members.stream().anyMatch(member -> member.getKey().equals(name));
        }

        public Object get(String name) {
            return members.stream().filter(member -> member.getKey().equals(name)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }

        public List<String> names() {
            return members.stream().map(Map.Entry::getKey).toList();
        }

        public Obj copy() {
            Obj copy = new Obj();
            for (Map.Entry<String, Object> member : members) {
                copy.members.add(Map.entry(member.getKey(), deepCopy(member.getValue())));
            }
            return copy;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Obj o && o.members.equals(members);
        }

        @Override
        public int hashCode() {
            return members.hashCode();
        }
    }

    /** JSON null, distinct from "absent". */
    public enum Null { INSTANCE }

    /** Text written verbatim: for tokens that are not JSON at all. */
    public record Raw(String text) {
    }

    public static Object deepCopy(Object value) {
        if (value instanceof Obj obj) {
            return obj.copy();
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            for (Object element : list) {
                copy.add(deepCopy(element));
            }
            return copy;
        }
        return value;
    }

    /** Converts a parsed YAML/JSON example into the writer's model. */
    public static Object fromNode(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Null.INSTANCE;
        }
        if (node.isObject()) {
            Obj obj = new Obj();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                obj.add(field.getKey(), fromNode(field.getValue()));
            }
            return obj;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(element -> list.add(fromNode(element)));
            return list;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        return node.asText();
    }

    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null || value == Null.INSTANCE) {
            out.append("null");
        } else if (value instanceof Raw raw) {
            out.append(raw.text());
        } else if (value instanceof String string) {
            string(string, out);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof BigInteger) {
            out.append(value);
        } else if (value instanceof BigDecimal decimal) {
            out.append(decimal.toString());
        } else if (value instanceof Double d) {
            out.append(BigDecimal.valueOf(d));
        } else if (value instanceof Obj obj) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> member : obj.members) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(member.getKey(), out);
                out.append(':');
                write(member.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass());
        }
    }

    private static void string(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    /** Structural equality of two values of the model (for tests of the generators). */
    public static boolean same(Object a, Object b) {
        return Objects.equals(write(a), write(b));
    }
}
