package dev.crmgen.generator.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.crmgen.generator.model.Field;
import dev.crmgen.generator.model.TypeRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuilderAddersTest {
    private static final TypeRef TEXT = TypeRef.scalar(TypeRef.Scalar.STRING);

    private static Field field(String javaName, TypeRef type) {
        return new Field(javaName, javaName, type, false, null, false);
    }

    @Test
    void aPluralListOrMapAddsByItsSingular() {
        Field properties = field("properties", new TypeRef.MapRef(TEXT));
        Field inputs = field("inputs", new TypeRef.ListRef(TEXT));
        BuilderAdders adders = BuilderAdders.of(List.of(properties, inputs));
        assertEquals("property", adders.adder(properties));
        assertEquals("input", adders.adder(inputs));
    }

    @Test
    void aSingularTakenByAComponentOrAnEarlierAdderFallsBackToAddOrPut() {
        Field tag = field("tag", TEXT);
        Field tags = field("tags", new TypeRef.ListRef(TEXT));
        Field labels = field("labels", new TypeRef.MapRef(TEXT));
        Field label = field("label_", new TypeRef.ListRef(TEXT));
        BuilderAdders adders = BuilderAdders.of(List.of(tag, tags, labels, label));
        assertNull(adders.adder(tag), "a scalar has no adder");
        assertEquals("addTags", adders.adder(tags));
        assertEquals("label", adders.adder(labels));
        assertEquals("addLabel_", adders.adder(label), "no singular");
    }

    @Test
    void theBuildMethodAndKeywordsAreNeverAnAdder() {
        Field builds = field("builds", new TypeRef.ListRef(TEXT));
        Field classes = field("classes", new TypeRef.ListRef(TEXT));
        BuilderAdders adders = BuilderAdders.of(List.of(builds, classes));
        assertEquals("addBuilds", adders.adder(builds));
        assertEquals("addClasses", adders.adder(classes));
    }
}
