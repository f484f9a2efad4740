import java.io.File;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Prints the name and message of every failed or erroring test found in the given Surefire/Failsafe
 * report folders, so that the last lines of a red CI run say what broke without scrolling back
 * through the Maven log. Run as a single-file program ({@code java .ci/FailedTests.java DIR...}): it
 * needs nothing but the JDK the build already uses.
 */
public class FailedTests {

    public static void main(String[] args) throws Exception {
        List<String> failures = new ArrayList<>();
        int reports = 0;
        for (String dir : args) {
            File[] files = new File(dir).listFiles((d, name) -> name.startsWith("TEST-") && name.endsWith(".xml"));
            if (files == null) {
                continue;
            }
            for (File file : files) {
                reports++;
                var factory = DocumentBuilderFactory.newInstance();
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                NodeList cases = factory.newDocumentBuilder().parse(file).getElementsByTagName("testcase");
                for (int i = 0; i < cases.getLength(); i++) {
                    Element testCase = (Element) cases.item(i);
                    for (Node child = testCase.getFirstChild(); child != null; child = child.getNextSibling()) {
                        if (child instanceof Element problem
                                && (problem.getTagName().equals("failure") || problem.getTagName().equals("error"))) {
                            failures.add(describe(testCase, problem));
                        }
                    }
                }
            }
        }
        System.out.println();
        System.out.println("==== Failed tests: " + failures.size() + " (from " + reports + " test reports) ====");
        failures.forEach(System.out::println);
    }

    private static String describe(Element testCase, Element problem) {
        String message = problem.getAttribute("message");
        if (message.isBlank()) {
            String text = problem.getTextContent().strip();
            message = text.lines().findFirst().orElse("");
        }
        if (message.length() > 2000) {
            message = message.substring(0, 2000) + " …";
        }
        return "- " + testCase.getAttribute("classname") + "." + testCase.getAttribute("name")
                + " [" + problem.getTagName() + (problem.getAttribute("type").isBlank() ? "" : ": " + problem.getAttribute("type")) + "]"
                + System.lineSeparator() + "    " + message.replace("\n", System.lineSeparator() + "    ");
    }
}
