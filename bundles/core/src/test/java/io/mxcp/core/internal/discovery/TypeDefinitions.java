package io.mxcp.core.internal.discovery;

import io.mxcp.core.internal.yaml.YamlReader;
import io.mxcp.core.model.TypeDefinition;

/** Test helper: a TypeDef from YAML text, parsed exactly as endpoint files are. */
public final class TypeDefinitions {

    private TypeDefinitions() {
    }

    public static TypeDefinition parse(String yaml) throws Exception {
        return TypeDefinitionParser.parse(YamlReader.parse(yaml), "return");
    }
}
