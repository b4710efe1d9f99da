package dev.crmgen.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The m2e metadata shipped in the plugin jar names goals the plugin really has (as its generated descriptor lists
 * them) and asks Eclipse to run them on incremental builds, so a renamed goal cannot leave IDE users without sources.
 */
class EclipseLifecycleMappingTest {

    @Test
    void metadataNamesTheDescriptorsGoalsAndRunsThemIncrementally() throws Exception {
        Document metadata = parse("META-INF/m2e/lifecycle-mapping-metadata.xml");
        Document descriptor = parse("META-INF/maven/plugin.xml");

        List<String> pluginGoals = texts(descriptor.getElementsByTagName("goal"));
        NodeList executions = metadata.getElementsByTagName("pluginExecution");
        assertTrue(executions.getLength() > 0, "no plugin execution is mapped");
        for (int i = 0; i < executions.getLength(); i++) {
            Element execution = (Element) executions.item(i);
            List<String> goals = texts(execution.getElementsByTagName("goal"));
            assertFalse(goals.isEmpty(), "an execution filter without goals");
            for (String goal : goals) {
                assertTrue(pluginGoals.contains(goal), goal + " is not a goal of the plugin: " + pluginGoals);
            }
            assertEquals(List.of("true"), texts(execution.getElementsByTagName("runOnIncremental")));
            assertEquals(List.of("true"), texts(execution.getElementsByTagName("runOnConfiguration")));
        }
    }

    private static Document parse(String resource) throws Exception {
        try (InputStream in = EclipseLifecycleMappingTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is not on the plugin's class path");
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(in);
        }
    }

    private static List<String> texts(NodeList nodes) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().trim());
        }
        return texts;
    }
}
