package dev.dynamorm.processor;

import java.util.List;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Writes a schema's {@code write(T, FieldWriter)} and {@code read(FieldReader)} methods: direct
 * getter, setter and constructor calls, primitive fields through the writer's and reader's
 * primitive methods, so that no value is boxed.
 */
final class FieldAccessWriter {

    private final SchemaWriter schemas;

    /** The attribute names of the model being written, by field index. */
    private String[] names = new String[0];

    FieldAccessWriter(SchemaWriter schemas) {
        this.schemas = schemas;
    }

    static final String ITEM =
            "java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item";

    /** Appends both methods for the model of type {@code t}. */
    void write(StringBuilder s, Model model, String t) {
        String spi = SchemaWriter.SPI;
        List<Model.Property> props = model.properties();
        s.append("    @Override\n    public void write(")
                .append(t)
                .append(" instance, ")
                .append(ITEM)
                .append(", ")
                .append(spi)
                .append("FieldWriter out) {\n");
        for (int i = 0; i < props.size(); i++) {
            Model.Property p = props.get(i);
            s.append("        out.")
                    .append(isString(p.type()) ? "writeString" : writeMethod(p.type().getKind()))
                    .append("(item, ")
                    .append(i)
                    .append(", ")
                    .append(p.getter())
                    .append(");\n");
        }
        s.append("    }\n\n");
        long mask = plainMask(props);
        names = new String[props.size()];
        for (int i = 0; i < props.size(); i++) {
            names[i] = Validator.attributeName(model.naming(), props.get(i));
        }
        if (mask != 0L) {
            // the common case in one method of its own that the JIT compiler inlines: attributes
            // looked up by constant names, plain fields read without a per-field bit test
            s.append("    private static final String[] NAMES = {");
            for (int i = 0; i < props.size(); i++) {
                s.append(i == 0 ? "" : ", ").append(SchemaWriter.literal(names[i]));
            }
            s.append("};\n\n");
            s.append("    @Override\n    public boolean readsNamed(")
                    .append(spi)
                    .append("FieldReader in) {\n")
                    .append("        return in.plainFields(NAMES) == 0x")
                    .append(Long.toHexString(mask))
                    .append("L;\n    }\n\n");
            s.append("    @Override\n    public ")
                    .append(t)
                    .append(" read(")
                    .append(ITEM)
                    .append(", ")
                    .append(spi)
                    .append("FieldReader in) {\n")
                    .append(
                            "        return readsNamed(in) ? readNamed(item, in) : readAny(item, in);\n    }\n\n");
            readMethod(s, model, t, "@Override\n    public " + t + " readNamed", true);
            s.append("\n");
            readMethod(s, model, t, "private " + t + " readAny", false);
        } else {
            readMethod(s, model, t, "@Override\n    public " + t + " read", false);
        }
    }

    /**
     * One read method. {@code named}: the reader confirmed the generated attribute names and that
     * every plain field is plain; else every lookup asks the reader, plain fields per bit.
     */
    private void readMethod(StringBuilder s, Model model, String t, String head, boolean named) {
        List<Model.Property> props = model.properties();
        s.append("    @SuppressWarnings(\"unchecked\")\n    ")
                .append(head)
                .append("(")
                .append(ITEM)
                .append(", ")
                .append(SchemaWriter.SPI)
                .append("FieldReader in) {\n");
        if (!named && anyPlain(props)) {
            s.append("        long plain = in.plainFields();\n");
        }
        if (model.record()) {
            s.append("        return new ").append(t).append("(");
            List<Model.Component> cs = model.components();
            for (int i = 0; i < cs.size(); i++) {
                s.append(i == 0 ? "\n                " : ",\n                ");
                Model.Component c = cs.get(i);
                s.append(c.property() < 0 ? zero(c.type()) : read(c.type(), c.property(), named));
            }
            s.append(");\n");
        } else {
            s.append("        ").append(t).append(" instance = new ").append(t).append("();\n");
            for (int i = 0; i < props.size(); i++) {
                bean(s, props.get(i), i, named);
            }
            s.append("        return instance;\n");
        }
        s.append("    }\n");
    }

    /**
     * One bean property: a reference is set only when not null (field initializers stay in effect),
     * a primitive always (an absent attribute gives zero or false); a throwing setter is reported
     * through the reader, naming the field.
     */
    private void bean(StringBuilder s, Model.Property p, int i, boolean named) {
        boolean primitive = isUnboxed(p.type().getKind());
        String local = "v" + i;
        s.append("        ");
        if (primitive) {
            s.append(schemas.source(p.type()))
                    .append(" ")
                    .append(local)
                    .append(" = ")
                    .append(read(p.type(), i, named))
                    .append(";\n        {\n");
        } else {
            s.append("Object ")
                    .append(local)
                    .append(" = ")
                    .append(
                            isString(p.type())
                                    ? read(p.type(), i, named)
                                    : "in.read(item, " + i + ")")
                    .append(";\n        if (")
                    .append(local)
                    .append(" != null) {\n");
        }
        String value = primitive ? local : cast(p.type(), local);
        if (p.setterIsField()) {
            s.append("            ").append(p.setter()).append(value).append(";\n");
        } else {
            s.append("            try {\n                ")
                    .append(p.setter())
                    .append(value)
                    .append(
                            ");\n            } catch (RuntimeException e) {\n                throw in.setterFailed(")
                    .append(i)
                    .append(", e);\n            }\n");
        }
        s.append("        }\n");
    }

    /**
     * Whether a field is read through {@code PlainReads}: a {@code String}, {@code long}, {@code
     * int} or {@code boolean} within the 64 fields that {@code FieldReader.plainFields()} covers.
     */
    private static boolean plain(TypeMirror type, int index) {
        if (index >= 64) {
            return false;
        }
        TypeKind kind = type.getKind();
        return kind == TypeKind.LONG
                || kind == TypeKind.INT
                || kind == TypeKind.BOOLEAN
                || isString(type);
    }

    /** The bits of the fields read through {@code PlainReads}. */
    private static long plainMask(List<Model.Property> props) {
        long mask = 0L;
        for (int i = 0; i < props.size(); i++) {
            if (plain(props.get(i).type(), i)) {
                mask |= 1L << i;
            }
        }
        return mask;
    }

    private static boolean anyPlain(List<Model.Property> props) {
        for (int i = 0; i < props.size(); i++) {
            if (plain(props.get(i).type(), i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isString(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED && type.toString().equals("java.lang.String");
    }

    private static boolean isUnboxed(TypeKind kind) {
        return kind.isPrimitive() && kind != TypeKind.CHAR;
    }

    private static String writeMethod(TypeKind kind) {
        return switch (kind) {
            case LONG, INT, SHORT, BYTE -> "writeLong";
            case DOUBLE -> "writeDouble";
            case FLOAT -> "writeFloat";
            case BOOLEAN -> "writeBoolean";
            default -> "write";
        };
    }

    /**
     * The arguments of a typed read: the attribute, looked up here rather than in the reader, so
     * that the JIT compiler can inline the lookup and the conversion (see {@code FieldReader}).
     */
    private String typedAt(int index, boolean named) {
        return "(" + lookup(index, named) + ", " + index + ")";
    }

    /**
     * The attribute of field {@code index}: by its generated name (a literal, which the JIT
     * compiler treats as a constant, unlike an array element), or by the reader's.
     */
    private String lookup(int index, boolean named) {
        return named
                ? "item.get(" + SchemaWriter.literal(names[index]) + ")"
                : "item.get(in.attributeName(" + index + "))";
    }

    private String read(TypeMirror type, int index, boolean named) {
        String at = typedAt(index, named);
        if (plain(type, index)) {
            String method =
                    switch (type.getKind()) {
                        case LONG -> "readLong";
                        case INT -> "readInt";
                        case BOOLEAN -> "readBoolean";
                        default -> "readString";
                    };
            return SchemaWriter.SPI
                    + "PlainReads."
                    + method
                    + "("
                    + lookup(index, named)
                    + ", in, "
                    + index
                    + (named ? ")" : ", plain)");
        }
        return switch (type.getKind()) {
            case LONG -> "in.readLong" + at;
            case INT -> "(int) in.readLong" + at;
            case SHORT -> "(short) in.readLong" + at;
            case BYTE -> "(byte) in.readLong" + at;
            case DOUBLE -> "in.readDouble" + at;
            case FLOAT -> "in.readFloat" + at;
            case BOOLEAN -> "in.readBoolean" + at;
            case CHAR -> "(java.lang.Character) in.read(item, " + index + ")";
            default ->
                    isString(type)
                            ? "in.readString" + at
                            : cast(type, "in.read(item, " + index + ")");
        };
    }

    private String cast(TypeMirror type, String expression) {
        if (type.getKind() == TypeKind.CHAR) {
            return "(java.lang.Character) " + expression;
        }
        return "(" + schemas.source(type) + ") " + expression;
    }

    private static String zero(TypeMirror type) {
        return SchemaWriter.zero(type);
    }
}
