package dev.crmgen.generator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.crmgen.generator.model.TypeRef.Scalar;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Type uses compare by value, as records do, across the four kinds. */
class TypeRefTest {
    @Test
    void equalUsesAreEqualAndHashAlike() {
        List<TypeRef> uses = List.of(
                TypeRef.scalar(Scalar.STRING),
                new TypeRef.NamedRef("SimplePublicObject"),
                new TypeRef.ListRef(new TypeRef.NamedRef("SimplePublicObject")),
                new TypeRef.MapRef(new TypeRef.ListRef(TypeRef.scalar(Scalar.INT64))));
        List<TypeRef> copies = List.of(
                TypeRef.scalar(Scalar.STRING),
                new TypeRef.NamedRef("SimplePublicObject"),
                new TypeRef.ListRef(new TypeRef.NamedRef("SimplePublicObject")),
                new TypeRef.MapRef(new TypeRef.ListRef(TypeRef.scalar(Scalar.INT64))));
        for (int i = 0; i < uses.size(); i++) {
            assertEquals(uses.get(i), copies.get(i));
            assertEquals(uses.get(i).hashCode(), copies.get(i).hashCode());
        }
        assertEquals(4, new HashSet<>(copies).size());
        assertEquals(Set.copyOf(uses), Set.copyOf(copies));
    }

    @Test
    void differentKindsOrComponentsDiffer() {
        TypeRef named = new TypeRef.NamedRef("Note");
        assertNotEquals(new TypeRef.ListRef(named), new TypeRef.MapRef(named));
        assertNotEquals(new TypeRef.ListRef(named), new TypeRef.ListRef(new TypeRef.NamedRef("Notes")));
        assertNotEquals(named, new TypeRef.NamedRef("note"));
        assertNotEquals(TypeRef.scalar(Scalar.INT32), TypeRef.scalar(Scalar.INT64));
        assertNotEquals(named, null);
        assertNotEquals(named, "Note");
    }

    @Test
    void hashCodesAreThoseARecordOfOneComponentHas() {
        // Output order of any hash structure keyed by type uses stays as it was with the records' own methods.
        assertEquals("Note".hashCode(), new TypeRef.NamedRef("Note").hashCode());
        assertEquals("Note".hashCode(), new TypeRef.ListRef(new TypeRef.NamedRef("Note")).hashCode());
        assertEquals(Scalar.DATE.hashCode(), new TypeRef.MapRef(TypeRef.scalar(Scalar.DATE)).hashCode());
    }
}
