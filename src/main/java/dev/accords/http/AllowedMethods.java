package dev.accords.http;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

/**
 * The methods each path answers, read from the JAX-RS resources themselves, for the {@code Allow}
 * header a 405 must carry (RFC 9110 §15.5.6). Quarkus REST knows them too, but only says so to an
 * OPTIONS request: the {@code NotAllowedException} it throws for a wrong method has no
 * {@code Allow}. Reading the resources' annotations keeps the list in step with the code, with no
 * copy to maintain.
 *
 * <p>Like Quarkus REST's own OPTIONS answer, the list includes HEAD where GET is allowed and
 * OPTIONS everywhere, since the server answers both. Sub-resource locators are not followed:
 * Accords has none.
 */
@Singleton
public class AllowedMethods {

    /** {@code {name}} or {@code {name: regex}} in a JAX-RS path template. */
    private static final Pattern PARAMETER = Pattern.compile("\\{\\s*\\w[\\w.-]*\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})*))?}");

    private final Map<Pattern, Set<String>> routes;

    AllowedMethods(BeanManager beans) {
        Map<String, Set<String>> byTemplate = new LinkedHashMap<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path root = type.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String verb = httpMethod(method);
                if (verb != null) {
                    Path sub = method.getAnnotation(Path.class);
                    String template = join(root.value(), sub == null ? "" : sub.value());
                    byTemplate.computeIfAbsent(template, t -> new TreeSet<>()).add(verb);
                }
            }
        }
        Map<Pattern, Set<String>> compiled = new LinkedHashMap<>();
        byTemplate.forEach((template, verbs) -> {
            if (verbs.contains(HttpMethod.GET)) {
                verbs.add(HttpMethod.HEAD);
            }
            verbs.add(HttpMethod.OPTIONS);
            compiled.put(regex(template), Collections.unmodifiableSet(verbs));
        });
        this.routes = Collections.unmodifiableMap(compiled);
    }

    /** The methods the path answers, in alphabetical order; empty for a path no resource declares. */
    public List<String> forPath(String path) {
        Set<String> allowed = new TreeSet<>();
        routes.forEach((template, verbs) -> {
            if (template.matcher(path).matches()) {
                allowed.addAll(verbs);
            }
        });
        return new ArrayList<>(allowed);
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private static String join(String root, String sub) {
        String path = "/" + strip(root) + (strip(sub).isEmpty() ? "" : "/" + strip(sub));
        return path.equals("/") ? path : path.replaceAll("/+$", "");
    }

    private static String strip(String segment) {
        return segment.replaceAll("^/+|/+$", "");
    }

    /** A template as a regular expression: literal text as is, a parameter as one segment or its own regex. */
    static Pattern regex(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher parameter = PARAMETER.matcher(template);
        int literalStart = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(template.substring(literalStart, parameter.start())));
            regex.append(parameter.group(1) == null ? "[^/]+" : "(?:" + parameter.group(1).strip() + ")");
            literalStart = parameter.end();
        }
        regex.append(Pattern.quote(template.substring(literalStart)));
        return Pattern.compile(regex.toString());
    }
}
