package dev.dynamorm.it.readme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ```java} blocks of one README, assembled into one compilation unit: import lines are
 * hoisted, type declarations become top-level types of the file (not public), and what is left of a
 * block becomes a nested class (fields and methods) or a method body (statements). A context file
 * (imports and members the snippets take for granted, such as a {@code DynamoDbClient
 * dynamoDbClient}) is prepended.
 */
final class ReadmeSnippets {

    private static final Pattern FENCE = Pattern.compile("^```(\\S*)\\s*$");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?[\\w.*]+;\\s*$");
    private static final Pattern TYPE =
            Pattern.compile(
                    "^(public\\s+|abstract\\s+|final\\s+|sealed\\s+|static\\s+)*"
                            + "(record|class|interface|enum|@interface)\\s+\\w+.*");
    private static final Pattern MEMBER =
            Pattern.compile(
                    "^(private|protected|public|static|final|void\\s"
                            + "|[\\w.<>,?\\[\\] ]+\\s+\\w+\\s*\\([^;]*\\)\\s*(throws [\\w., ]+)?\\{).*");

    /** One {@code ```java} block: its first line in the README and its text. */
    record Block(int firstLine, List<String> lines) {}

    /** The assembled source and, for each of its lines, the README line it came from (or 0). */
    record Unit(String className, String source, int[] readmeLines) {}

    private ReadmeSnippets() {}

    static List<Block> javaBlocks(Path readme) throws IOException {
        List<String> all = Files.readAllLines(readme);
        List<Block> blocks = new ArrayList<>();
        List<String> current = null;
        int first = 0;
        for (int i = 0; i < all.size(); i++) {
            String line = all.get(i);
            Matcher fence = FENCE.matcher(line.strip());
            if (current == null) {
                if (fence.matches() && fence.group(1).equals("java")) {
                    current = new ArrayList<>();
                    first = i + 2;
                }
            } else if (line.strip().equals("```")) {
                blocks.add(new Block(first, List.copyOf(current)));
                current = null;
            } else {
                current.add(line);
            }
        }
        if (current != null) {
            throw new IllegalStateException(
                    readme + ":" + (first - 1) + ": unclosed ```java block");
        }
        return blocks;
    }

    /**
     * Assembles the blocks with the context: its lines starting with {@code import} go to the top,
     * the rest into the class body.
     */
    static Unit assemble(String className, List<Block> blocks, List<String> context) {
        Set<String> imports = new LinkedHashSet<>();
        List<String> contextMembers = new ArrayList<>();
        for (String line : context) {
            if (IMPORT.matcher(line.strip()).matches()) {
                imports.add(line.strip());
            } else {
                contextMembers.add(line);
            }
        }
        List<String> body = new ArrayList<>();
        List<Integer> bodyLines = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<Integer> typeLines = new ArrayList<>();
        for (String line : contextMembers) {
            body.add("    " + line);
            bodyLines.add(0);
        }
        int n = 0;
        for (Block block : blocks) {
            n++;
            List<String> code = new ArrayList<>();
            List<Integer> codeLines = new ArrayList<>();
            for (int i = 0; i < block.lines().size(); i++) {
                String line = block.lines().get(i);
                if (IMPORT.matcher(line.strip()).matches()) {
                    imports.add(line.strip());
                } else {
                    code.add(line);
                    codeLines.add(block.firstLine() + i);
                }
            }
            // type declarations become top-level types of the file as they are (so that the
            // annotation processor names a model's Order_ as the README does); what is left of
            // the block (fields and methods, or statements) is wrapped
            List<String> rest = new ArrayList<>();
            List<Integer> restLines = new ArrayList<>();
            splitTypes(code, codeLines, types, typeLines, rest, restLines);
            if (rest.stream().allMatch(String::isBlank)) {
                continue;
            }
            Kind kind = kindOf(rest);
            String open =
                    kind == Kind.MEMBERS
                            ? "abstract class Snippet" + n + " {"
                            : "void snippet" + n + "() throws Exception {";
            body.add("    " + open);
            bodyLines.add(block.firstLine() - 1);
            for (int i = 0; i < rest.size(); i++) {
                body.add("        " + rest.get(i));
                bodyLines.add(restLines.get(i));
            }
            body.add("    }");
            bodyLines.add(block.firstLine() + block.lines().size());
        }
        List<String> out = new ArrayList<>();
        List<Integer> map = new ArrayList<>();
        out.add("package dev.dynamorm.it.readme.generated;");
        map.add(0);
        for (String i : imports) {
            out.add(i);
            map.add(0);
        }
        // the top-level types see the context's nested types
        out.add("import static dev.dynamorm.it.readme.generated." + className + ".*;");
        map.add(0);
        out.add("@SuppressWarnings(\"all\")");
        map.add(0);
        out.add("abstract class " + className + " {");
        map.add(0);
        out.addAll(body);
        map.addAll(bodyLines);
        out.add("}");
        map.add(0);
        out.addAll(types);
        map.addAll(typeLines);
        return new Unit(
                className,
                String.join("\n", out) + "\n",
                map.stream().mapToInt(Integer::intValue).toArray());
    }

    private enum Kind {
        MEMBERS,
        STATEMENTS
    }

    /**
     * Moves each top-level type declaration of a block (with the annotations before it, up to the
     * brace that closes it) to {@code types}; every other line goes to {@code rest}.
     */
    private static void splitTypes(
            List<String> code,
            List<Integer> codeLines,
            List<String> types,
            List<Integer> typeLines,
            List<String> rest,
            List<Integer> restLines) {
        int depth = 0;
        boolean inType = false;
        List<Integer> pendingAnnotations = new ArrayList<>();
        for (int i = 0; i < code.size(); i++) {
            String line = code.get(i);
            if (!inType && depth == 0) {
                if (line.startsWith("@") && !line.startsWith("@interface")) {
                    pendingAnnotations.add(i);
                    depth += braceDelta(line);
                    continue;
                }
                if (TYPE.matcher(line).matches()) {
                    inType = true;
                    for (int a : pendingAnnotations) {
                        types.add("        " + code.get(a));
                        typeLines.add(codeLines.get(a));
                    }
                    pendingAnnotations.clear();
                } else if (!pendingAnnotations.isEmpty()) {
                    for (int a : pendingAnnotations) {
                        rest.add(code.get(a));
                        restLines.add(codeLines.get(a));
                    }
                    pendingAnnotations.clear();
                }
            }
            boolean header = inType && depth == 0 && TYPE.matcher(line).matches();
            depth += braceDelta(line);
            if (inType) {
                // a top-level type of the assembled file: neither public nor static
                types.add(
                        "        "
                                + (header
                                        ? line.replaceFirst("^((public|static)\\s+)+", "")
                                        : line));
                typeLines.add(codeLines.get(i));
                if (depth == 0 && line.contains("}")) {
                    inType = false;
                }
            } else {
                rest.add(line);
                restLines.add(codeLines.get(i));
            }
        }
        for (int a : pendingAnnotations) {
            rest.add(code.get(a));
            restLines.add(codeLines.get(a));
        }
    }

    /** Opening minus closing braces outside string and char literals and line comments. */
    private static int braceDelta(String line) {
        int delta = 0;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                break;
            } else if (c == '{') {
                delta++;
            } else if (c == '}') {
                delta--;
            }
        }
        return delta;
    }

    /** Judged by the first line at column 0 that is not blank, an annotation or a comment. */
    private static Kind kindOf(List<String> code) {
        for (String line : code) {
            if (line.isBlank()
                    || Character.isWhitespace(line.charAt(0))
                    || line.startsWith("//")
                    || line.startsWith("/*")
                    || line.startsWith("*")
                    || (line.startsWith("@") && !line.startsWith("@interface"))) {
                continue;
            }
            if (MEMBER.matcher(line).matches() && !line.contains("=")) {
                return Kind.MEMBERS;
            }
            if (line.startsWith("private ") || line.startsWith("static ")) {
                return Kind.MEMBERS;
            }
            return Kind.STATEMENTS;
        }
        return Kind.STATEMENTS;
    }

    /** A Java identifier made from a README's path, e.g. {@code Readme_dynamorm_test}. */
    static String classNameFor(Path relativeReadme) {
        Path parent = relativeReadme.getParent();
        String base = parent == null ? "root" : parent.toString();
        return "Readme_" + base.replaceAll("[^A-Za-z0-9]", "_").toLowerCase(Locale.ROOT);
    }
}
