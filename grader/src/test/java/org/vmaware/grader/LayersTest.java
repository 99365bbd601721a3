package org.vmaware.grader;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.Test;

/**
 * The grader's layers, read from its compiled classes: no package depends on itself through another, and each
 * layer uses only the ones below it.
 *
 * <pre>
 * tools     cli, pipeline, proof,     (module grader: outside the test JVM)
 *           batch
 * runtime   runtime, report, profile, (module grader-runtime: inside the test JVM)
 *           text
 * api       the root package, timing  (module grader-api: what the labs' tests are written against)
 * protocol  fork                      (module grader-protocol: between a child JVM and its parent)
 * </pre>
 */
class LayersTest {

    private static final JavaClasses GRADER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.vmaware.grader");

    @Test
    void noPackageCycles() {
        slices().matching("org.vmaware.(**)").should().beFreeOfCycles().check(GRADER);
    }

    @Test
    void eachLayerUsesOnlyTheOnesBelow() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("protocol").definedBy("org.vmaware.grader.fork..")
                .layer("api").definedBy("org.vmaware.grader", "org.vmaware.grader.timing..")
                .layer("runtime").definedBy("org.vmaware.grader.runtime..", "org.vmaware.grader.report..",
                        "org.vmaware.grader.profile..", "org.vmaware.grader.text..")
                .layer("tools").definedBy("org.vmaware.grader.cli..", "org.vmaware.grader.pipeline..",
                        "org.vmaware.grader.proof..", "org.vmaware.grader.batch..")
                .whereLayer("tools").mayNotBeAccessedByAnyLayer()
                .whereLayer("runtime").mayOnlyBeAccessedByLayers("tools")
                .whereLayer("api").mayOnlyBeAccessedByLayers("runtime", "tools")
                .whereLayer("protocol").mayOnlyBeAccessedByLayers("api", "runtime", "tools")
                .check(GRADER);
    }
}
