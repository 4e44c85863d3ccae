package io.mxcp.core.internal.yaml;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * SnakeYAML's safe constructor, with timestamps built the way PyYAML builds them: a bare date becomes a
 * {@link LocalDate}, a date-time without zone a {@link LocalDateTime}, one with a zone an
 * {@link OffsetDateTime} (SnakeYAML would give a {@code java.util.Date} in UTC).
 */
final class PyYamlConstructor extends SafeConstructor {

    private static final Pattern DATE = Pattern.compile("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$");
    private static final Pattern DATE_TIME = Pattern.compile("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"
            + "(?:[Tt]|[ \\t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})(?:\\.([0-9]*))?"
            + "(?:[ \\t]*(Z|([-+])([0-9]{1,2})(?::([0-9]{2}))?))?$");

    private static final System.Logger LOG = System.getLogger(YamlReader.class.getName());

    /** The file being read, for warnings; null when the text comes from elsewhere. */
    private final String source;

    PyYamlConstructor(LoaderOptions options, String source) {
        super(options);
        this.source = source;
        yamlConstructors.put(Tag.TIMESTAMP, new ConstructTimestamp());
    }

    /** A key given twice in one mapping keeps its last value, as PyYAML does; the warning says where. */
    @Override
    protected void processDuplicateKeys(MappingNode node, boolean forceStringKeys) {
        Set<String> keys = new HashSet<>();
        for (NodeTuple tuple : node.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key && !keys.add(key.getValue())
                    && !"<<".equals(key.getValue())) {
                LOG.log(System.Logger.Level.WARNING, "{0}line {1}: the key ''{2}'' is given twice; the last value is used",
                        source == null ? "" : source + ", ", key.getStartMark().getLine() + 1, key.getValue());
            }
        }
        super.processDuplicateKeys(node, forceStringKeys);
    }

    private final class ConstructTimestamp extends AbstractConstruct {
        @Override
        public Object construct(Node node) {
            String text = constructScalar((ScalarNode) node);
            Matcher date = DATE.matcher(text);
            if (date.matches()) {
                return LocalDate.of(Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)),
                        Integer.parseInt(date.group(3)));
            }
            Matcher m = DATE_TIME.matcher(text);
            if (!m.matches()) {
                throw new IllegalArgumentException("Unexpected timestamp: " + text);
            }
            String fraction = m.group(7) == null ? "" : m.group(7);
            int micros = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "000000").substring(0, 6));
            LocalDateTime local = LocalDateTime.of(
                    LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))),
                    LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)),
                            micros * 1000));
            if (m.group(8) == null) {
                return local;
            }
            if ("Z".equals(m.group(8))) {
                return local.atOffset(ZoneOffset.UTC);
            }
            int sign = "-".equals(m.group(9)) ? -1 : 1;
            int hours = Integer.parseInt(m.group(10));
            int minutes = m.group(11) == null ? 0 : Integer.parseInt(m.group(11));
            return local.atOffset(ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes));
        }
    }
}
