package io.radiolink.scenario;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON paths as the format writes them: field names joined by dots, {@code [i]} for list elements
 * ({@code stations[0].channels}); the empty path is the whole document.
 */
public final class JsonPaths {

    private JsonPaths() {}

    /** The path of field {@code field} of the object at {@code parent}. */
    public static String field(String parent, String field) {
        return parent.isEmpty() ? field : parent + "." + field;
    }

    /** The path of element {@code index} of the list at {@code parent}. */
    public static String element(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** The path Jackson reports for a binding problem. */
    static String of(List<JsonMappingException.Reference> references) {
        String path = "";
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path = field(path, reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path = element(path, reference.getIndex());
            }
        }
        return path;
    }

    /** The path of the object or list holding {@code path}; the empty path for a top-level field. */
    static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }

    /** The last field name on {@code path}, with {@code []} appended if the path ends at a list element. */
    static String lastField(String path) {
        String tail = path.substring(path.lastIndexOf('.') + 1);
        int bracket = tail.indexOf('[');
        return bracket < 0 ? tail : tail.substring(0, bracket) + "[]";
    }

    /** True if {@code path} is {@code ancestor} or lies inside it. */
    static boolean within(String path, String ancestor) {
        return path.equals(ancestor) || ancestor.isEmpty()
                || path.startsWith(ancestor) && (path.charAt(ancestor.length()) == '.'
                        || path.charAt(ancestor.length()) == '[');
    }

    /** The node at {@code path} in {@code root}, or null if there is none. */
    static JsonNode get(JsonNode root, String path) {
        JsonNode node = root;
        for (Object step : steps(path)) {
            if (node == null) {
                return null;
            }
            node = step instanceof Integer index ? (node.isArray() ? node.get(index) : null)
                    : (node.isObject() ? node.get((String) step) : null);
        }
        return node;
    }

    /**
     * Writes {@code value} at {@code path} into {@code written}, a scenario as a user writes it, as the
     * user would: objects missing on the way are made, each with the type property ({@code model},
     * {@code distribution}) its counterpart in {@code resolved} has, so that a path into a loss model
     * the file leaves to its profile names that model. Lists on the way must exist in {@code written}.
     */
    static void write(ObjectNode written, JsonNode resolved, String path, JsonNode value) {
        List<Object> steps = steps(path);
        JsonNode container = written;
        String walked = "";
        for (Object step : steps.subList(0, steps.size() - 1)) {
            walked = step instanceof Integer index ? element(walked, index) : field(walked, (String) step);
            JsonNode next = step instanceof Integer index ? container.get(index) : container.get((String) step);
            if (next == null || next.isNull()) {
                ObjectNode made = ((ObjectNode) container).putObject((String) step);
                JsonNode counterpart = get(resolved, walked);
                String property = typePropertyAt(walked, resolved);
                if (property != null && counterpart != null && counterpart.has(property)) {
                    made.set(property, counterpart.get(property).deepCopy());
                }
                next = made;
            }
            container = next;
        }
        Object last = steps.get(steps.size() - 1);
        if (last instanceof Integer index) {
            ((ArrayNode) container).set(index, value);
        } else {
            ((ObjectNode) container).set((String) last, value);
        }
    }

    /**
     * True if {@code path} ends at the property that names the variant of a sealed type of the format (a
     * loss model's {@code model}, a distribution's {@code distribution}, a capacity's {@code mode}), as
     * the object at its parent in {@code tree} is bound; not a field of the same name elsewhere
     * ({@code protocol.arq.mode}).
     */
    static boolean isTypeProperty(String path, JsonNode tree) {
        return lastField(path).equals(typePropertyAt(parent(path), tree));
    }

    /** The type property of the sealed type the object at {@code path} of {@code tree} is bound to, or null. */
    private static String typePropertyAt(String path, JsonNode tree) {
        Class<?> owner = Allowed.ownerOf(path, tree);
        if (owner == null) {
            return null;
        }
        for (Class<?> type : owner.isInterface() ? new Class<?>[] {owner} : owner.getInterfaces()) {
            if (type.isAnnotationPresent(com.fasterxml.jackson.annotation.JsonTypeInfo.class)) {
                return ScenarioFile.typePropertyOf(type);
            }
        }
        return null;
    }

    /** Every path in {@code root} (objects, lists and values), in document order, the root's excluded. */
    static List<String> all(JsonNode root) {
        List<String> paths = new ArrayList<>();
        collect(root, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String path, List<String> paths) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                String child = field(path, entry.getKey());
                paths.add(child);
                collect(entry.getValue(), child, paths);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String child = element(path, i);
                paths.add(child);
                collect(node.get(i), child, paths);
            }
        }
    }

    /** The steps of a well-formed path as written: field names, and list indexes as {@code [i]}. */
    static List<String> stepsOf(String path) {
        List<String> steps = new ArrayList<>();
        for (Object step : steps(path)) {
            steps.add(step instanceof Integer index ? "[" + index + "]" : (String) step);
        }
        return steps;
    }

    /** The steps of a well-formed path: field names as strings, list indexes as integers. */
    private static List<Object> steps(String path) {
        List<Object> steps = new ArrayList<>();
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                i++;
            } else if (c == '[') {
                int close = path.indexOf(']', i);
                steps.add(Integer.parseInt(path.substring(i + 1, close)));
                i = close + 1;
            } else {
                int end = i;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                steps.add(path.substring(i, end));
                i = end;
            }
        }
        return steps;
    }
}
