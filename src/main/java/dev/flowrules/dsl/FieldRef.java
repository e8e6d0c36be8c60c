package dev.flowrules.dsl;

/**
 * A field, or for {@link Field#ATTRIBUTE} one message attribute by name, or for {@link Field#METADATA_KEY} one
 * key of the JSON metadata.
 *
 * @param field the field
 * @param attribute the attribute's name for {@link Field#ATTRIBUTE}, the key for {@link Field#METADATA_KEY}, else null
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
     * One key of metadata that is a JSON object.
     *
     * @param key the top-level key, as the JSON writes it
     * @return the reference to {@code metadata.KEY}
     */
    public static FieldRef metadataKey(String key) {
        return new FieldRef(Field.METADATA_KEY, key);
    }

    /**
     * How explanations and diagnostics name it.
     *
     * @return e.g. {@code content}, {@code attributes.priority}
     */
    public String display() {
        return field == Field.ATTRIBUTE ? "attributes." + attribute
                : field == Field.METADATA_KEY ? Field.METADATA_PREFIX + attribute : field.key();
    }

    @Override
    public String toString() {
        return display();
    }
}
