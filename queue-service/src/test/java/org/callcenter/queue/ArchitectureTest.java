package org.callcenter.queue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package layout stays readable: features may use each other one way only, the store
 * (the call-center rules in Redis) knows nothing of HTTP, and cross-cutting set-up in
 * {@code system} serves the features without using them. The web layer maps what features
 * report to HTTP.
 */
class ArchitectureTest {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.callcenter.queue");

	@Test
	void featurePackagesHaveNoCycles() {
		slices().matching("org.callcenter.queue.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void theStoreKnowsNothingOfHttpOrTheWebLayer() {
		noClasses().that()
			.resideInAPackage("org.callcenter.queue.store..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.http..", "org.springframework.web..", "org.callcenter.queue.web..")
			.check(CLASSES);
	}

	@Test
	void systemSetUpUsesNoFeature() {
		classes().that()
			.resideInAPackage("org.callcenter.queue.system..")
			.should()
			.onlyDependOnClassesThat(resideOutsideOfPackage("org.callcenter.queue..")
				.or(resideInAnyPackage("org.callcenter.queue", "org.callcenter.queue.system..")))
			.check(CLASSES);
	}

}
