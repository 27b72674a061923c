package dev.dynamorm.processor;

import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * One analysed model, ready to be written.
 *
 * @param type the model class
 * @param table the table name, or null for a nested-only type
 * @param naming the naming convention's constant name
 * @param record whether the model is a record
 * @param properties the mapped properties, in the order the engine reads them
 * @param components for records, every component type (ignored ones too) in constructor order, with
 *     the index of its property or -1 when ignored
 */
record Model(
        TypeElement type,
        String table,
        String naming,
        boolean record,
        List<Property> properties,
        List<Component> components) {

    /** A record component: its type and the index of its mapped property (-1 when ignored). */
    record Component(TypeMirror type, int property) {}

    /**
     * One mapped property.
     *
     * @param name the Java name
     * @param type the property type, as seen from the model
     * @param element where errors about it are reported
     * @param getter the expression reading it from {@code instance}
     * @param setter for beans, the statement prefix writing it ({@code instance.setX(} or {@code
     *     instance.x = }), null for records
     * @param setterIsField whether the setter is a field assignment
     * @param attribute the {@code @Attribute} name, or null
     * @param converter the {@code @Convert} class name, or null
     * @param flags annotation simple names present (PartitionKey, SortKey, Version, …)
     * @param indexKeys the {@code @IndexKey} declarations
     * @param transforms qualified names of the annotations marked {@code @FieldTransform} on it
     *     ({@code @Encrypted} or a plugin's own), in declaration order, once each
     */
    record Property(
            String name,
            TypeMirror type,
            Element element,
            String getter,
            String setter,
            boolean setterIsField,
            String attribute,
            String converter,
            List<String> flags,
            List<IndexKey> indexKeys,
            List<String> transforms) {

        boolean has(String flag) {
            return flags.contains(flag);
        }

        /**
         * Whether a plugin transforms the stored value (any {@code @FieldTransform} annotation).
         */
        boolean transformed() {
            return !transforms.isEmpty();
        }

        /** The transform annotations as written on the field: {@code @Encrypted, @Compressed}. */
        String transformNames() {
            StringBuilder b = new StringBuilder();
            for (String t : transforms) {
                b.append(b.length() == 0 ? "@" : ", @").append(t.substring(t.lastIndexOf('.') + 1));
            }
            return b.toString();
        }
    }

    /** One {@code @IndexKey}, by constant names; {@code order} 0 unless a multi-attribute key. */
    record IndexKey(
            String index,
            String type,
            String role,
            String projection,
            List<String> include,
            int order) {}
}
