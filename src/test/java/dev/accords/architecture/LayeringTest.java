package dev.accords.architecture;

import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The layering the house rules describe, checked on the compiled classes: a thin REST resource (a
 * class annotated {@link Path}) hands requests to its service, which owns the transaction and the
 * entities. So a resource never holds an entity in a field or shows one in a method signature,
 * never reaches a Panache repository or the EntityManager itself, and never uses another feature's
 * entities. Each rule fails, too, when it finds no resource at all (ArchUnit's failOnEmptyShould).
 *
 * <p>Plain Jupiter tests calling {@code check}, not ArchUnit's JUnit engine: see pom.xml.
 */
class LayeringTest {

    private static final JavaClasses APPLICATION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.accords");

    @Test
    void resourcesHoldNoEntityInAField() {
        noFields().that().areDeclaredInClassesThat().areAnnotatedWith(Path.class)
                .should().haveRawType(annotatedWith(Entity.class))
                .check(APPLICATION);
    }

    @Test
    void resourcesTakeAndReturnNoEntity() {
        methods().that().areDeclaredInClassesThat().areAnnotatedWith(Path.class)
                .should(haveNoEntityInTheirSignature())
                .check(APPLICATION);
    }

    @Test
    void resourcesLeavePersistenceToTheirServices() {
        noClasses().that().areAnnotatedWith(Path.class)
                .should().dependOnClassesThat().resideInAPackage("io.quarkus.hibernate.orm.panache..")
                .orShould().dependOnClassesThat().areAssignableTo(EntityManager.class)
                .check(APPLICATION);
    }

    @Test
    void resourcesUseNoEntityOfAnotherFeature() {
        classes().that().areAnnotatedWith(Path.class)
                .should(useNoEntityOfAnotherPackage())
                .check(APPLICATION);
    }

    /** The return type and the parameter types with their type arguments: {@code List<Agreement>} counts. */
    private static ArchCondition<JavaMethod> haveNoEntityInTheirSignature() {
        return new ArchCondition<>("have no @Entity in their signature") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                List<JavaType> types = new ArrayList<>(method.getParameterTypes());
                types.add(method.getReturnType());
                types.stream().flatMap(type -> type.getAllInvolvedRawTypes().stream())
                        .filter(type -> type.isAnnotatedWith(Entity.class))
                        .distinct()
                        .forEach(type -> events.add(SimpleConditionEvent.violated(method,
                                method.getFullName() + " has entity " + type.getName() + " in its signature")));
            }
        };
    }

    /** A feature is a package: a resource may see only the entities of its own (and, by the rules above, not in its API). */
    private static ArchCondition<JavaClass> useNoEntityOfAnotherPackage() {
        return new ArchCondition<>("use no @Entity of another feature's package") {
            @Override
            public void check(JavaClass resource, ConditionEvents events) {
                resource.getDirectDependenciesFromSelf().stream()
                        .filter(dependency -> dependency.getTargetClass().isAnnotatedWith(Entity.class))
                        .filter(dependency -> !dependency.getTargetClass().getPackageName()
                                .equals(resource.getPackageName()))
                        .forEach(dependency -> events.add(SimpleConditionEvent.violated(resource,
                                dependency.getDescription())));
            }
        };
    }
}
