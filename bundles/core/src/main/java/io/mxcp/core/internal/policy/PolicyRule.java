package io.mxcp.core.internal.policy;

import java.util.List;

import dev.cel.runtime.CelRuntime;

/**
 * One rule of an endpoint's {@code policies} block, compiled once per endpoint load.
 *
 * @param label        {@code input[i]} or {@code output[i]}, as decisions and messages name the rule
 * @param condition    the CEL text
 * @param action       what the rule does when its condition is true
 * @param reason       the message of a denial, or null
 * @param fields       the keys {@code filter_fields} and {@code mask_fields} act on (empty: nothing)
 * @param program      the compiled condition, or null when it did not compile
 * @param compileError why the condition did not compile, or null
 */
record PolicyRule(String label, String condition, PolicyAction action, String reason, List<String> fields,
        CelRuntime.Program program, String compileError) {

    PolicyRule {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
