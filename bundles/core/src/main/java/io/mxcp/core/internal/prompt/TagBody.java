package io.mxcp.core.internal.prompt;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.tree.Node;

/** Renders the nodes inside one of our block tags, in order, in the interpreter's current scope. */
final class TagBody {

    private TagBody() {
    }

    static void render(Iterable<Node> nodes, JinjavaInterpreter interpreter, StringBuilder output) {
        for (Node node : nodes) {
            output.append(node.render(interpreter).getValue());
        }
    }
}
