package io.mxcp.core.internal.prompt;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;

import io.mxcp.core.internal.types.PythonText;

/** Prints every {@code {{ expression }}} value with Python's {@code str()}: {@code True}, {@code 1.0}, {@code ['a', 1]}. */
final class PythonInterpreter extends JinjavaInterpreter {

    PythonInterpreter(Jinjava jinjava, Context context, JinjavaConfig config) {
        super(jinjava, context, config);
    }

    PythonInterpreter(JinjavaInterpreter parent) {
        super(parent);
    }

    @Override
    public String getAsString(Object value) {
        return value == null ? "" : PythonText.str(value);
    }
}
