package io.mxcp.core.internal.prompt;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.Tag;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import com.hubspot.jinjava.util.ForLoop;
import com.hubspot.jinjava.util.ObjectIterator;
import com.hubspot.jinjava.util.ObjectTruthValue;

/**
 * Jinja2's {@code {% for targets in iterable [if condition] %} ... [{% else %} ...] {% endfor %}} in place of
 * Jinjava's, which renders the {@code else} branch inside every iteration and ignores the loop's filter: items the
 * condition refuses are skipped before the loop counts them ({@code loop.index}, {@code loop.last}), and the
 * {@code else} branch renders only when no item is left. A string is a sequence of its characters, here and when
 * several targets unpack an item.
 */
final class ForTag implements Tag {
    private static final long serialVersionUID = 1L;

    @Override
    public String getName() {
        return "for";
    }

    @Override
    public String getEndTagName() {
        return "endfor";
    }

    @Override
    public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
        LoopHeader header = LoopHeader.of(tagNode.getHelpers());
        Object iterable = interpreter.resolveELExpression(header.iterable(), tagNode.getLineNumber());
        List<Object> items = new ArrayList<>();
        ForLoop source = iterable instanceof CharSequence text ? new ForLoop(characters(text).iterator())
                : ObjectIterator.getLoop(iterable);
        while (source.hasNext()) {
            Object item = source.next();
            if (header.condition() == null || accepts(header, item, tagNode, interpreter)) {
                items.add(item);
            }
        }
        List<Node> body = new ArrayList<>();
        List<Node> otherwise = new ArrayList<>();
        List<Node> current = body;
        for (Node child : tagNode.getChildren()) {
            if (current == body && child instanceof TagNode tag && tag.getName().equals("else")) {
                current = otherwise;
            } else {
                current.add(child);
            }
        }
        StringBuilder output = new StringBuilder();
        if (items.isEmpty()) {
            TagBody.render(otherwise, interpreter, output);
            return output.toString();
        }
        ForLoop loop = new ForLoop(items.iterator(), items.size());
        while (loop.hasNext()) {
            Object item = loop.next();
            try (JinjavaInterpreter.InterpreterScopeClosable scope = interpreter.enterScope()) {
                interpreter.getContext().put("loop", loop);
                bind(header.targets(), item, interpreter);
                TagBody.render(body, interpreter, output);
            }
        }
        return output.toString();
    }

    /** A string's items, as in Python (Jinjava would take the whole string as one item). */
    private static List<String> characters(CharSequence text) {
        return text.codePoints().mapToObj(Character::toString).toList();
    }

    private static boolean accepts(LoopHeader header, Object item, TagNode tagNode, JinjavaInterpreter interpreter) {
        try (JinjavaInterpreter.InterpreterScopeClosable scope = interpreter.enterScope()) {
            bind(header.targets(), item, interpreter);
            return ObjectTruthValue.evaluate(interpreter.resolveELExpression(header.condition(),
                    tagNode.getLineNumber()));
        }
    }

    /** One target takes the item; several unpack it (a map entry, a list or an array). */
    private static void bind(List<String> targets, Object item, JinjavaInterpreter interpreter) {
        if (targets.size() == 1) {
            interpreter.getContext().put(targets.get(0), item);
            return;
        }
        List<Object> parts = new ArrayList<>();
        if (item instanceof Map.Entry<?, ?> entry) {
            parts.add(entry.getKey());
            parts.add(entry.getValue());
        } else if (item instanceof List<?> list) {
            parts.addAll(list);
        } else if (item instanceof CharSequence text) {
            parts.addAll(characters(text));
        } else if (item != null && item.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(item); i++) {
                parts.add(Array.get(item, i));
            }
        }
        for (int i = 0; i < targets.size(); i++) {
            interpreter.getContext().put(targets.get(i), i < parts.size() ? parts.get(i) : null);
        }
    }

    /** {@code targets in iterable [if condition] [recursive]}, split outside string literals and brackets. */
    record LoopHeader(List<String> targets, String iterable, String condition) {

        static LoopHeader of(String helpers) {
            String text = helpers.strip();
            int in = topLevelWord(text, "in");
            if (in < 0) {
                throw new IllegalArgumentException("expected token 'in' in for tag: " + text);
            }
            List<String> targets = new ArrayList<>();
            for (String target : text.substring(0, in).replace("(", " ").replace(")", " ").split(",")) {
                if (!target.isBlank()) {
                    targets.add(target.strip());
                }
            }
            String rest = text.substring(in + 2).strip();
            if (rest.endsWith(" recursive")) {
                rest = rest.substring(0, rest.length() - " recursive".length()).strip();
            }
            int condition = topLevelWord(rest, "if");
            return condition < 0 ? new LoopHeader(targets, rest, null)
                    : new LoopHeader(targets, rest.substring(0, condition).strip(), rest.substring(condition + 2).strip());
        }

        /** Where the word stands alone outside strings and brackets; -1 when it does not. */
        private static int topLevelWord(String text, String word) {
            return QuotedText.findTopLevel(text, 0, i -> text.startsWith(word, i)
                    && (i == 0 || text.charAt(i - 1) == ' ')
                    && (i + word.length() == text.length() || text.charAt(i + word.length()) == ' '));
        }
    }
}
