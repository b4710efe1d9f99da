package dev.crmgen.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The runtime's packages by concern, as the design states them: no cycles between packages (the root package
 * included), JSON and webhooks stand alone, the lower layers never reach up to the root or batching, and only the
 * root package uses {@code internal}.
 */
@AnalyzeClasses(packages = PackageLayoutTest.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class PackageLayoutTest {
    static final String ROOT = "dev.crmgen.runtime";

    private static final String[] LOWER_LAYERS = {
        ROOT + ".error..",
        ROOT + ".http..",
        ROOT + ".auth..",
        ROOT + ".ratelimit..",
        ROOT + ".observe..",
        ROOT + ".json.."
    };

    /** Every runtime package, the root included, is one slice (ArchUnit's pattern slices would leave the root out). */
    private static final SliceAssignment BY_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            return name.equals(ROOT) || name.startsWith(ROOT + ".")
                    ? SliceIdentifier.of(name)
                    : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "runtime packages";
        }
    };

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles =
            slices().assignedFrom(BY_PACKAGE).should().beFreeOfCycles();

    @ArchTest
    static final ArchRule jsonDependsOnNoOtherRuntimePackage = classes()
            .that()
            .resideInAPackage(ROOT + ".json..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(ROOT + ".json..", "java..", "com.fasterxml.jackson.core..");

    @ArchTest
    static final ArchRule webhookDependsOnNoOtherRuntimePackage = classes()
            .that()
            .resideInAPackage(ROOT + ".webhook..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(ROOT + ".webhook..", "java..", "javax.crypto..");

    @ArchTest
    static final ArchRule authDependsOnNoOtherRuntimePackage = classes()
            .that()
            .resideInAPackage(ROOT + ".auth..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(ROOT + ".auth..", "java..");

    @ArchTest
    static final ArchRule lowerLayersDoNotReachUp = noClasses()
            .that()
            .resideInAnyPackage(LOWER_LAYERS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(ROOT, ROOT + ".batch..", ROOT + ".webhook..");

    @ArchTest
    static final ArchRule batchingDoesNotDependOnTheInvoker = noClasses()
            .that()
            .resideInAPackage(ROOT + ".batch..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(ROOT, ROOT + ".http..", ROOT + ".internal..");

    @ArchTest
    static final ArchRule onlyTheRootUsesInternal = noClasses()
            .that()
            .resideOutsideOfPackages(ROOT, ROOT + ".internal..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(ROOT + ".internal..");
}
