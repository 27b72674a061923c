package dev.dynamorm.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The fixture parsers and the typing of values, without a backend: every error carries the line and
 * column.
 */
final class FixtureParsingTest {

    private static FixtureNode json(String text) {
        return JsonFixtureParser.parse("f.json", text);
    }

    @Test
    void json_keepsLinesAndColumns() {
        FixtureNode root = json("{\n  \"a\": [1, \"two\",\n    {\"b\": null}, true]\n}");
        FixtureNode.Entry a = root.entries().get("a");
        assertThat(a.line()).isEqualTo(2);
        assertThat(a.column()).isEqualTo(3);
        List<FixtureNode> list = a.value().elements();
        assertThat(list)
                .extracting(FixtureNode::kind)
                .containsExactly(
                        FixtureNode.Kind.NUMBER,
                        FixtureNode.Kind.STRING,
                        FixtureNode.Kind.OBJECT,
                        FixtureNode.Kind.BOOLEAN);
        assertThat(list.get(2).line()).isEqualTo(3);
        assertThat(list.get(2).column()).isEqualTo(5);
        assertThat(json("\"\\u00e9\\n\\\"x\"").text()).isEqualTo("é\n\"x");
        assertThat(json("-12.5e3").text()).isEqualTo("-12.5e3");
    }

    @Test
    void json_syntaxErrorsPointAtTheProblem() {
        assertThatThrownBy(() -> json("{\"a\": 1,}"))
                .hasMessage(
                        "f.json:1:9: invalid JSON: unexpected '}': expected a"
                                + " key in double quotes (no comma before '}')");
        assertThatThrownBy(() -> json("[1,\n 2,]"))
                .hasMessage(
                        "f.json:2:4: invalid JSON: unexpected ']': no comma"
                                + " before the end of a list");
        assertThatThrownBy(() -> json("{'a': 1}"))
                .hasMessage(
                        "f.json:1:2: invalid JSON: unexpected ''': expected a key"
                                + " in double quotes");
        assertThatThrownBy(() -> json("[\n  'x']"))
                .hasMessage(
                        "f.json:2:3: invalid JSON: unexpected ''': expected a"
                                + " value (object, list, string, number, true, false or null); JSON strings use double quotes");
        assertThatThrownBy(() -> json("{\"a\": \"b}"))
                .hasMessage("f.json:1:10: invalid JSON: unexpected end of file" + " in a string");
        assertThatThrownBy(() -> json("{\"a\": 1, \"a\": 2}"))
                .hasMessage(
                        "f.json:1:10: duplicate key \"a\" (first at"
                                + " line 1): each key may appear once in an object");
        assertThatThrownBy(() -> json("[01]"))
                .hasMessage("f.json:1:3: invalid JSON: invalid number: no leading zeros");
        assertThatThrownBy(() -> json("{} {}"))
                .hasMessage(
                        "f.json:1:4: invalid JSON: unexpected '{' after the end of"
                                + " the JSON document");
        assertThatThrownBy(() -> json("  \n"))
                .hasMessage(
                        "f.json:2:1: invalid JSON: the file is empty: a fixture is"
                                + " an object whose keys name models or tables");
        assertThatThrownBy(() -> json("[tru]"))
                .hasMessage(
                        "f.json:1:2: invalid JSON: unexpected 'tru': expected a"
                                + " value; strings are in double quotes");
    }

    @Test
    void yaml_resolvesScalarsAndMerges() {
        FixtureNode root =
                YamlFixtureParser.parse(
                        "f.yaml",
                        "x-base: &b {n: 1}\nitems:\n  - <<: *b\n    s: '1'\n"
                                + "    on: yes\n    hex: 0x1F\n    none: ~\n    when: 2026-01-05\n");
        Map<String, FixtureNode.Entry> item =
                root.entries().get("items").value().elements().get(0).entries();
        assertThat(item.get("n").value().text()).isEqualTo("1");
        assertThat(item.get("s").value().kind()).isEqualTo(FixtureNode.Kind.STRING);
        assertThat(item.get("on").value().booleanValue()).isTrue();
        assertThat(item.get("hex").value().text()).isEqualTo("31");
        assertThat(item.get("none").value().kind()).isEqualTo(FixtureNode.Kind.NULL);
        assertThat(item.get("when").value().text()).isEqualTo("2026-01-05");
        assertThat(item.get("s").line()).isEqualTo(4);
        FixtureNode flow =
                YamlFixtureParser.parse("f.yaml", "x-p: &p {a: 1, b: 1}\nI:\n  - {b: 2, <<: *p}\n");
        Map<String, FixtureNode.Entry> merged =
                flow.entries().get("I").value().elements().get(0).entries();
        assertThat(merged.get("a").value().text()).isEqualTo("1");
        assertThat(merged.get("b").value().text()).as("given beats merged").isEqualTo("2");
        assertThatThrownBy(() -> YamlFixtureParser.parse("f.yaml", "a: 1\na: 2\n"))
                .hasMessage(
                        "f.yaml:2:1: duplicate key \"a\" (first at line 1): each key may appear once in a mapping");
        assertThatThrownBy(() -> YamlFixtureParser.parse("f.yaml", "a: .inf\n"))
                .hasMessage(
                        "f.yaml:1:4: the number .inf cannot be stored: DynamoDB numbers are finite decimals; quote"
                                + " it to make it a string");
    }

    /** A record with many value types. */
    public record Everything(
            int small,
            Long big,
            double ratio,
            char letter,
            Optional<String> maybe,
            byte[] bytes,
            List<Set<UUID>> nested,
            Map<String, LocalDate> dates,
            String[] array,
            Object any) {}

    @Test
    void typing_convertsEveryKindOfField() {
        FixtureNode node =
                json(
                        "{\"small\": 7, \"big\": 9007199254740993, \"ratio\": 0.25, \"letter\": \"x\","
                                + " \"maybe\": null, \"bytes\": \"AQID\", \"nested\": [[\"6f1c1a8e-4bd9-4b4c-9b87-4bd1d1a1c0de\"]],"
                                + " \"dates\": {\"start\": \"2026-01-05\"}, \"array\": [\"a\", \"b\"], \"any\": {\"k\": [1, true]}}");

        Everything e =
                (Everything)
                        new FixtureTyping("f.json").instantiate(Everything.class, node, "an item");

        assertThat(e.small()).isEqualTo(7);
        assertThat(e.big()).isEqualTo(9007199254740993L);
        assertThat(e.ratio()).isEqualTo(0.25);
        assertThat(e.letter()).isEqualTo('x');
        assertThat(e.maybe()).isEmpty();
        assertThat(e.bytes()).containsExactly(1, 2, 3);
        assertThat(e.nested())
                .containsExactly(Set.of(UUID.fromString("6f1c1a8e-4bd9-4b4c-9b87-4bd1d1a1c0de")));
        assertThat(e.dates()).containsEntry("start", LocalDate.of(2026, 1, 5));
        assertThat(e.array()).containsExactly("a", "b");
        assertThat(e.any()).isEqualTo(Map.of("k", List.of(new java.math.BigDecimal("1"), true)));
    }

    @Test
    void typing_reportsWrongValuesAtTheirPosition() {
        FixtureTyping typing = new FixtureTyping("f.json");
        assertThatThrownBy(
                        () ->
                                typing.instantiate(
                                        Everything.class,
                                        json("{\"small\": 3000000000}"),
                                        "an item"))
                .hasMessage(
                        "f.json:1:11: field 'small' of Everything is an int: the number 3000000000 is out of range");
        assertThatThrownBy(
                        () ->
                                typing.instantiate(
                                        Everything.class, json("{\"small\": 1.5}"), "an item"))
                .hasMessage(
                        "f.json:1:11: field 'small' of Everything is an int: the number 1.5 is not a whole number");
        assertThatThrownBy(
                        () ->
                                typing.instantiate(
                                        Everything.class, json("{\"small\": null}"), "an item"))
                .hasMessage(
                        "f.json:1:11: field 'small' of Everything is an int and cannot be null: leave it out for 0");
        assertThatThrownBy(
                        () ->
                                typing.instantiate(
                                        Everything.class,
                                        json("{\"dates\": {\"d\": \"05/01/2026\"}}"),
                                        "an item"))
                .hasMessageStartingWith(
                        "f.json:1:17: field 'dates' of Everything entry 'd' is a LocalDate: the string"
                                + " \"05/01/2026\" is not one (Text '05/01/2026' could not be parsed");
        assertThatThrownBy(
                        () ->
                                typing.instantiate(
                                        Everything.class, json("{\"bytes\": \"***\"}"), "an item"))
                .hasMessage(
                        "f.json:1:11: field 'bytes' of Everything holds bytes written as base64: the string \"***\""
                                + " is not base64");
        assertThatThrownBy(
                        () ->
                                typing.instantiate(
                                        Everything.class, json("[1]"), "an item of Everything"))
                .hasMessage(
                        "f.json:1:1: an item of Everything must be an object of Everything's fields, got a list");
    }
}
