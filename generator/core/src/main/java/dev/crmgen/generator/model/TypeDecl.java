package dev.crmgen.generator.model;

import java.util.List;

/** A generated top-level type. */
public sealed interface TypeDecl {
    String javaName();

    /** Where it comes from, as a JSON pointer. */
    String pointer();

    /** The spec's description, or null. */
    String description();

    boolean deprecated();

    /**
     * An object schema with properties becomes a record.
     *
     * @param fields the components, in spec order
     */
    record RecordDecl(String javaName, String pointer, String description, boolean deprecated, List<Field> fields)
            implements TypeDecl {
        public RecordDecl {
            fields = List.copyOf(fields);
        }

        public boolean hasOptionalFields() {
            for (Field f : fields) {
                if (!f.required()) {
                    return true;
                }
            }
            return false;
        }

        public Field field(String jsonName) {
            for (Field f : fields) {
                if (f.jsonName().equals(jsonName)) {
                    return f;
                }
            }
            return null;
        }
    }

    /**
     * An enum schema becomes an open enum type: unknown values parse and keep their raw value.
     *
     * @param valueType {@link TypeRef.Scalar#STRING}, {@link TypeRef.Scalar#INT32} or {@link TypeRef.Scalar#INT64}
     */
    record EnumDecl(
            String javaName,
            String pointer,
            String description,
            boolean deprecated,
            TypeRef.Scalar valueType,
            List<EnumConstant> constants,
            String unknownConstant)
            implements TypeDecl {
        public EnumDecl {
            constants = List.copyOf(constants);
        }
    }

    /** @param value the JSON value as text (a string, or an integer's decimal digits) */
    record EnumConstant(String javaName, String value) {}

    /**
     * The several success responses of one operation: a sealed interface with one record per status.
     *
     * @param description the operation as {@code POST /path}
     * @param variants in status order
     */
    record ResponseUnionDecl(
            String javaName, String pointer, String description, boolean deprecated, List<Variant> variants)
            implements TypeDecl {
        public ResponseUnionDecl {
            variants = List.copyOf(variants);
        }
    }

    /**
     * A {@code oneOf}/{@code anyOf} of object schemas told apart by a property whose value is fixed in each member
     * (HubSpot's {@code filterBranchType: OR}): a sealed interface the member records implement, plus an
     * {@code Unknown} case keeping a value with any other tag.
     *
     * @param discriminator the JSON name of the telling property
     * @param members in spec order
     */
    record OneOfDecl(
            String javaName,
            String pointer,
            String description,
            boolean deprecated,
            String discriminator,
            List<OneOfMember> members)
            implements TypeDecl {
        public OneOfDecl {
            members = List.copyOf(members);
        }
    }

    /** @param tag the discriminator's value for this member */
    record OneOfMember(String tag, String javaName) {}

    /** @param body the status's body type, or null when the status has no body */
    record Variant(int status, String javaName, TypeRef body, String description) {}
}
