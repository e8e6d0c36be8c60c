package dev.flowrules.dsl;

/**
 * A field, or for {@link Field#ATTRIBUTE} one message attribute by name.
 *
 * @param field the field
 * @param attribute the attribute's name for {@link Field#ATTRIBUTE}, else null
 */
public record FieldRef(Field field, String attribute) {

    /**
     * A reference to a field that is not an attribute.
     *
     * @param field the field
     * @return the reference
     */
    public static FieldRef of(Field field) {
        return new FieldRef(field, null);
    }

    /**
     * A reference to one message attribute.
     *
     * @param name the attribute's name, as the message carries it
     * @return the reference
     */
    public static FieldRef attribute(String name) {
        return new FieldRef(Field.ATTRIBUTE, name);
    }

    /**
     * How explanations and diagnostics name it.
     *
     * @return e.g. {@code content}, {@code attributes.priority}
     */
    public String display() {
        return field == Field.ATTRIBUTE ? "attributes." + attribute : field.key();
    }

    @Override
    public String toString() {
        return display();
    }
}
