package io.mxcp.core.internal.prompt;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The blocks a Jinja template has open at a point ({@code if}, {@code for}, {@code with}, ...), each with the tags
 * that may come next, and Jinja2's messages for a tag that does not fit and for a template that ends with a block
 * still open. Each block is also a scope: what is set inside it is not declared after it, as Jinja2's analysis has
 * it (a name set in one branch of an {@code if} may still be undefined after it).
 */
final class OpenBlocks {

    /** The tags each block waits for, in Jinja2's order, before and after its {@code else}. */
    private static final Map<String, List<String>> EXPECTED = Map.of(
            "if", List.of("elif", "else", "endif"),
            "for", List.of("endfor", "else"),
            "with", List.of("endwith"),
            "macro", List.of("endmacro"),
            "call", List.of("endcall"),
            "filter", List.of("endfilter"),
            "set", List.of("endset"),
            "block", List.of("endblock"),
            "autoescape", List.of("endautoescape"));

    static boolean opens(String tag) {
        return EXPECTED.containsKey(tag);
    }

    private static final class Block {
        final String tag;
        final Set<String> declared = new HashSet<>();
        boolean inElse;
        /** A block {@code set}: the name it declares once it ends. */
        String declaresOnEnd;

        Block(String tag) {
            this.tag = tag;
        }

        List<String> expected() {
            if (!inElse) {
                return EXPECTED.get(tag);
            }
            return List.of("end" + tag);
        }
    }

    private final Deque<Block> open = new ArrayDeque<>();
    /** The template's own scope, below every block. */
    private final Set<String> top = new HashSet<>();

    /** Opens a block whose scope holds {@code declared}. */
    void open(String tag, Set<String> declared) {
        Block block = new Block(tag);
        block.declared.addAll(declared);
        open.push(block);
    }

    /** Opens a block {@code set}, which declares its name once it ends. */
    void openSet(String name) {
        open("set", Set.of());
        open.peek().declaresOnEnd = name;
    }

    /** An {@code elif}, {@code else} or {@code end...} tag: checked against the innermost block. */
    void continueOrClose(String tag) throws TemplateSyntaxException {
        Block innermost = open.peek();
        if (innermost == null || !innermost.expected().contains(tag)) {
            throw unknownTag(tag);
        }
        if (tag.equals("else") || tag.equals("elif")) {
            // a branch sees nothing the branch before it declared; a for loop's else runs without its loop variables
            innermost.declared.clear();
            innermost.inElse |= tag.equals("else");
        } else if (tag.startsWith("end")) {
            open.pop();
            if (innermost.declaresOnEnd != null) {
                declare(innermost.declaresOnEnd);
            }
        }
    }

    /** A name set here: declared in the innermost scope. */
    void declare(String name) {
        if (open.isEmpty()) {
            top.add(name);
        } else {
            open.peek().declared.add(name);
        }
    }

    boolean isDeclared(String name) {
        return top.contains(name) || open.stream().anyMatch(block -> block.declared.contains(name));
    }

    /** At the end of the template: a block still open is Jinja2's error. */
    void end() throws TemplateSyntaxException {
        if (!open.isEmpty()) {
            throw new TemplateSyntaxException("Unexpected end of template." + lookingFor());
        }
    }

    TemplateSyntaxException unknownTag(String tag) {
        return new TemplateSyntaxException("Encountered unknown tag '" + tag + "'." + lookingFor());
    }

    private String lookingFor() {
        Block innermost = open.peek();
        if (innermost == null) {
            return "";
        }
        return " Jinja was looking for the following tags: "
                + innermost.expected().stream().map(tag -> "'" + tag + "'").collect(Collectors.joining(" or "))
                + ". The innermost block that needs to be closed is '" + innermost.tag + "'.";
    }
}
