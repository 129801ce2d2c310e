package org.callcenter.stats;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package layout stays readable: features may use each other one way only, and
 * cross-cutting set-up in {@code system} serves the features without using them.
 */
class ArchitectureTest {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.callcenter.stats");

	@Test
	void featurePackagesHaveNoCycles() {
		slices().matching("org.callcenter.stats.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void systemSetUpUsesNoFeature() {
		classes().that()
			.resideInAPackage("org.callcenter.stats.system..")
			.should()
			.onlyDependOnClassesThat(resideOutsideOfPackage("org.callcenter.stats..")
				.or(resideInAnyPackage("org.callcenter.stats", "org.callcenter.stats.system..")))
			.check(CLASSES);
	}

}
