package dev.jasyncio.maven;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The m2e metadata shipped in the plugin jar maps every goal that rewrites classes (all but help) to "execute on
 * incremental builds", so Eclipse instruments what it compiles; checked against the generated plugin descriptor, so
 * a new or renamed goal cannot be forgotten.
 */
class M2eMetadataTest {

    @Test
    void everyInstrumentingGoalRunsOnIncrementalBuilds() throws Exception {
        Document m2e = parse("META-INF/m2e/lifecycle-mapping-metadata.xml");
        Document plugin = parse("META-INF/maven/plugin.xml");

        List<String> goals = texts(plugin, "mojo", "goal");
        goals.remove("help");
        assertEquals(goals, texts(m2e, "goals", "goal"));
        assertEquals(List.of("true"), texts(m2e, "execute", "runOnIncremental"));
        assertEquals(List.of("false"), texts(m2e, "execute", "runOnConfiguration"));
    }

    private static Document parse(String resource) throws Exception {
        try (InputStream in = M2eMetadataTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
    }

    /** The text of each {@code child} element directly inside a {@code parent} element, in document order. */
    private static List<String> texts(Document doc, String parent, String child) {
        List<String> out = new ArrayList<>();
        NodeList parents = doc.getElementsByTagName(parent);
        for (int i = 0; i < parents.getLength(); i++) {
            for (Node n = parents.item(i).getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element && n.getNodeName().equals(child)) {
                    out.add(n.getTextContent().strip());
                }
            }
        }
        return out;
    }
}
