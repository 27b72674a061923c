package dev.dynamorm.test;

import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Parses YAML fixtures with SnakeYAML's composer (no object construction, so no arbitrary types)
 * into {@link FixtureNode}s carrying lines and columns. Only loaded when a YAML fixture is read,
 * after {@link Fixtures} checked that SnakeYAML (an optional dependency of the kit) is present:
 * this class cannot even be verified without it.
 */
final class YamlFixtureParser {

    private final String file;
    private final Map<Node, Boolean> visiting = new IdentityHashMap<>();

    private YamlFixtureParser(String file) {
        this.file = file;
    }

    /**
     * Parses one YAML document.
     *
     * @throws FixtureException at the position of the first syntax error
     */
    static FixtureNode parse(String file, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(1000);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        Node root;
        try {
            root = yaml.compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            if (mark == null) {
                throw new FixtureException(file, "invalid YAML: " + problem, e);
            }
            throw new FixtureException(
                    file,
                    mark.getLine() + 1,
                    mark.getColumn() + 1,
                    "invalid YAML: "
                            + problem
                            + (e.getContext() != null ? " (" + e.getContext() + ")" : ""),
                    e);
        } catch (YAMLException e) {
            throw new FixtureException(file, "invalid YAML: " + e.getMessage(), e);
        }
        if (root == null) {
            throw new FixtureException(
                    file,
                    1,
                    1,
                    "the file is empty: a fixture is a mapping whose keys name models or tables");
        }
        return new YamlFixtureParser(file).convert(root);
    }

    private FixtureNode convert(Node node) {
        int line = node.getStartMark().getLine() + 1;
        int column = node.getStartMark().getColumn() + 1;
        if (visiting.put(node, Boolean.TRUE) != null) {
            throw new FixtureException(
                    file, line, column, "recursive alias: a fixture value cannot contain itself");
        }
        try {
            if (node instanceof MappingNode mapping) {
                Map<String, FixtureNode.Entry> entries = new LinkedHashMap<>();
                addEntries(mapping, entries);
                return FixtureNode.object(entries, line, column);
            }
            if (node instanceof SequenceNode sequence) {
                List<FixtureNode> elements = new ArrayList<>();
                for (Node element : sequence.getValue()) {
                    elements.add(convert(element));
                }
                return FixtureNode.list(elements, line, column);
            }
            return scalar((ScalarNode) node, line, column);
        } finally {
            visiting.remove(node);
        }
    }

    /**
     * Adds a mapping's entries; {@code <<} merge keys add the merged mappings' entries not given
     * here.
     */
    private void addEntries(MappingNode mapping, Map<String, FixtureNode.Entry> entries) {
        List<MappingNode> merges = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            int keyLine = keyNode.getStartMark().getLine() + 1;
            int keyColumn = keyNode.getStartMark().getColumn() + 1;
            if (Tag.MERGE.equals(keyNode.getTag())) {
                Node merged = tuple.getValueNode();
                if (merged instanceof MappingNode m) {
                    merges.add(m);
                } else if (merged instanceof SequenceNode s
                        && s.getValue().stream().allMatch(MappingNode.class::isInstance)) {
                    s.getValue().forEach(n -> merges.add((MappingNode) n));
                } else {
                    throw new FixtureException(
                            file,
                            keyLine,
                            keyColumn,
                            "a merge key '<<' takes a mapping or a list of mappings");
                }
                continue;
            }
            if (!(keyNode instanceof ScalarNode key)) {
                throw new FixtureException(
                        file,
                        keyLine,
                        keyColumn,
                        "keys must be plain names, not "
                                + (keyNode instanceof MappingNode ? "mappings" : "lists"));
            }
            FixtureNode.Entry first = entries.get(key.getValue());
            if (first != null) {
                throw new FixtureException(
                        file,
                        keyLine,
                        keyColumn,
                        "duplicate key \""
                                + key.getValue()
                                + "\" (first at line "
                                + first.line()
                                + "): each key may appear once in a mapping");
            }
            entries.put(
                    key.getValue(),
                    new FixtureNode.Entry(
                            key.getValue(), keyLine, keyColumn, convert(tuple.getValueNode())));
        }
        for (MappingNode merge : merges) {
            Map<String, FixtureNode.Entry> inherited = new LinkedHashMap<>();
            addEntries(merge, inherited);
            inherited.forEach(entries::putIfAbsent);
        }
    }

    private FixtureNode scalar(ScalarNode node, int line, int column) {
        String value = node.getValue();
        Tag tag = node.getTag();
        if (Tag.NULL.equals(tag)) {
            return FixtureNode.nul(line, column);
        }
        if (Tag.BOOL.equals(tag)) {
            String v = value.toLowerCase(java.util.Locale.ROOT);
            return FixtureNode.bool(
                    v.equals("true") || v.equals("yes") || v.equals("on") || v.equals("y"),
                    line,
                    column);
        }
        if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
            String number = number(value.replace("_", ""));
            if (number == null) {
                throw new FixtureException(
                        file,
                        line,
                        column,
                        "the number "
                                + value
                                + " cannot be stored: DynamoDB numbers are finite decimals; quote it to make it a string");
            }
            return FixtureNode.number(number, line, column);
        }
        return FixtureNode.string(value, line, column);
    }

    /** A YAML 1.1 number as decimal text, or null for infinities and NaN. */
    private static String number(String text) {
        String t = text.startsWith("+") ? text.substring(1) : text;
        try {
            return new BigDecimal(t).toString();
        } catch (NumberFormatException notDecimal) {
            boolean negative = t.startsWith("-");
            String digits = negative ? t.substring(1) : t;
            try {
                BigInteger n;
                if (digits.startsWith("0x")) {
                    n = new BigInteger(digits.substring(2), 16);
                } else if (digits.startsWith("0b")) {
                    n = new BigInteger(digits.substring(2), 2);
                } else if (digits.startsWith("0") && digits.length() > 1) {
                    n = new BigInteger(digits.substring(1), 8);
                } else {
                    return null;
                }
                return (negative ? n.negate() : n).toString();
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
