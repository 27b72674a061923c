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
        s.append("    @Override\n    @SuppressWarnings(\"unchecked\")\n    public ")
                .append(t)
                .append(" read(")
                .append(ITEM)
                .append(", ")
                .append(spi)
                .append("FieldReader in) {\n");
        if (anyPlain(props)) {
            s.append("        long plain = in.plainFields();\n");
        }
        if (model.record()) {
            s.append("        return new ").append(t).append("(");
            List<Model.Component> cs = model.components();
            for (int i = 0; i < cs.size(); i++) {
                s.append(i == 0 ? "\n                " : ",\n                ");
                Model.Component c = cs.get(i);
                s.append(c.property() < 0 ? zero(c.type()) : read(c.type(), c.property()));
            }
            s.append(");\n");
        } else {
            s.append("        ").append(t).append(" instance = new ").append(t).append("();\n");
            for (int i = 0; i < props.size(); i++) {
                bean(s, props.get(i), i);
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
    private void bean(StringBuilder s, Model.Property p, int i) {
        boolean primitive = isUnboxed(p.type().getKind());
        String local = "v" + i;
        s.append("        ");
        if (primitive) {
            s.append(schemas.source(p.type()))
                    .append(" ")
                    .append(local)
                    .append(" = ")
                    .append(read(p.type(), i))
                    .append(";\n        {\n");
        } else {
            s.append("Object ")
                    .append(local)
                    .append(" = ")
                    .append(isString(p.type()) ? read(p.type(), i) : "in.read(item, " + i + ")")
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
    private static String typedAt(int index) {
        return "(item.get(in.attributeName(" + index + ")), " + index + ")";
    }

    private String read(TypeMirror type, int index) {
        String at = typedAt(index);
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
                    + "(item.get(in.attributeName("
                    + index
                    + ")), in, "
                    + index
                    + ", plain)";
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
