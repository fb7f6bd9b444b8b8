package io.radiolink;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * The README's {@code <dependency>} snippets name the coordinates of the modules it tells embedders to depend
 * on, read from their poms: this one, and scenarios (for scenario files).
 */
final class ReadmeDependencyTest {

    private static final Path README = Path.of("../README.md");

    @ParameterizedTest
    @ValueSource(strings = {"pom.xml", "../scenarios/pom.xml"})
    void readme_dependencySnippet_namesTheModule(String pomFile)
            throws IOException, ParserConfigurationException, SAXException, XPathExpressionException {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of(pomFile).toFile());
        XPath xpath = XPathFactory.newInstance().newXPath();
        String groupId = xpath.evaluate("/project/parent/groupId", pom);
        String artifactId = xpath.evaluate("/project/artifactId", pom);
        String version = xpath.evaluate("/project/parent/version", pom);
        String snippet = """
                ```xml
                <dependency>
                  <groupId>%s</groupId>
                  <artifactId>%s</artifactId>
                  <version>%s</version>
                </dependency>
                ```
                """.formatted(groupId, artifactId, version);
        assertTrue(!version.isEmpty() && Files.readString(README).contains(snippet),
                "README.md must show the dependency on " + pomFile + "'s module:\n" + snippet);
    }
}
