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

    /** Appends both methods for the model of type {@code t}. */
    void write(StringBuilder s, Model model, String t) {
        String spi = SchemaWriter.SPI;
        List<Model.Property> props = model.properties();
        s.append("    @Override\n    public void write(")
                .append(t)
                .append(" instance, ")
                .append(spi)
                .append("FieldWriter out) {\n");
        for (int i = 0; i < props.size(); i++) {
            Model.Property p = props.get(i);
            s.append("        out.")
                    .append(isString(p.type()) ? "writeString" : writeMethod(p.type().getKind()))
                    .append("(")
                    .append(i)
                    .append(", ")
                    .append(p.getter())
                    .append(");\n");
        }
        s.append("    }\n\n");
        s.append("    @Override\n    @SuppressWarnings(\"unchecked\")\n    public ")
                .append(t)
                .append(" read(")
                .append(spi)
                .append("FieldReader in) {\n");
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
                Model.Property p = props.get(i);
                String close = p.setterIsField() ? ";\n" : ");\n";
                if (isUnboxed(p.type().getKind())) {
                    // a primitive is always set: an absent attribute gives zero or false
                    s.append("        ").append(p.setter()).append(read(p.type(), i)).append(close);
                } else {
                    s.append("        {\n            Object v = in.")
                            .append(isString(p.type()) ? "readString(" : "read(")
                            .append(i)
                            .append(");\n            if (v != null) {\n                ")
                            .append(p.setter())
                            .append(cast(p.type(), "v"))
                            .append(close)
                            .append("            }\n        }\n");
                }
            }
            s.append("        return instance;\n");
        }
        s.append("    }\n");
    }

    private static boolean isString(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED && type.toString().equals("java.lang.String");
    }

    private static boolean isUnboxed(TypeKind kind) {
        return kind.isPrimitive() && kind != TypeKind.CHAR;
    }

    private static String writeMethod(TypeKind kind) {
        switch (kind) {
            case LONG:
            case INT:
            case SHORT:
            case BYTE:
                return "writeLong";
            case DOUBLE:
                return "writeDouble";
            case FLOAT:
                return "writeFloat";
            case BOOLEAN:
                return "writeBoolean";
            default:
                return "write";
        }
    }

    private String read(TypeMirror type, int index) {
        switch (type.getKind()) {
            case LONG:
                return "in.readLong(" + index + ")";
            case INT:
                return "(int) in.readLong(" + index + ")";
            case SHORT:
                return "(short) in.readLong(" + index + ")";
            case BYTE:
                return "(byte) in.readLong(" + index + ")";
            case DOUBLE:
                return "in.readDouble(" + index + ")";
            case FLOAT:
                return "in.readFloat(" + index + ")";
            case BOOLEAN:
                return "in.readBoolean(" + index + ")";
            case CHAR:
                return "(java.lang.Character) in.read(" + index + ")";
            default:
                if (isString(type)) {
                    return "in.readString(" + index + ")";
                }
                return cast(type, "in.read(" + index + ")");
        }
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
