package io.localdps.deploy;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The folders of the repository that {@code mvn package} compiles main code from, read from the POM:
 * the build's {@code sourceDirectory} (Maven's default {@code src/main/java}) and every folder a
 * build-helper {@code add-source} execution adds. Test sources are left out: the image is built
 * with {@code -Dmaven.test.skip=true}.
 */
final class PomSources {

    private PomSources() {
    }

    /** The first path segment of each compiled source folder, e.g. {@code src} and {@code simulator}. */
    static Set<String> topLevelFolders(String pomXml) {
        Set<String> folders = new TreeSet<>();
        for (String source : sourceFolders(pomXml)) {
            String path = source.replace("${project.basedir}/", "").replace("${basedir}/", "");
            if (path.startsWith("./")) {
                path = path.substring(2);
            }
            folders.add(path.split("/")[0]);
        }
        return folders;
    }

    static List<String> sourceFolders(String pomXml) {
        Element project = parse(pomXml);
        List<String> sources = new ArrayList<>();
        Element build = child(project, "build");
        Element sourceDirectory = build == null ? null : child(build, "sourceDirectory");
        sources.add(sourceDirectory == null ? "src/main/java" : sourceDirectory.getTextContent().strip());
        Element plugins = build == null ? null : child(build, "plugins");
        for (Element plugin : children(plugins, "plugin")) {
            Element artifact = child(plugin, "artifactId");
            if (artifact == null || !artifact.getTextContent().strip().equals("build-helper-maven-plugin")) {
                continue;
            }
            for (Element execution : children(child(plugin, "executions"), "execution")) {
                boolean addsSource = children(child(execution, "goals"), "goal").stream()
                        .anyMatch(goal -> goal.getTextContent().strip().equals("add-source"));
                Element configuration = child(execution, "configuration");
                if (addsSource && configuration != null) {
                    children(child(configuration, "sources"), "source")
                            .forEach(source -> sources.add(source.getTextContent().strip()));
                }
            }
        }
        return sources;
    }

    private static Element parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalArgumentException("pom.xml does not parse: " + e.getMessage(), e);
        }
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.getFirst();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && (name.equals(element.getLocalName()) || name.equals(element.getTagName()))) {
                found.add(element);
            }
        }
        return found;
    }
}
