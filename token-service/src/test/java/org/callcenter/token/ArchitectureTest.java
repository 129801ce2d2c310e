package org.callcenter.token;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package layout stays readable: OpenTok is reached only through its adapter
 * ({@code opentok}), which features use and which uses none of them; the web layer maps
 * the adapter's failures to HTTP; {@code system} set-up uses no feature.
 */
class ArchitectureTest {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.callcenter.token");

	@Test
	void featurePackagesHaveNoCycles() {
		slices().matching("org.callcenter.token.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void onlyTheOpenTokAdapterUsesTheSdk() {
		noClasses().that()
			.resideOutsideOfPackage("org.callcenter.token.opentok..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("com.opentok..")
			.check(CLASSES);
	}

	@Test
	void theOpenTokAdapterKnowsNothingOfItsCallersNorOfHttp() {
		classes().that()
			.resideInAPackage("org.callcenter.token.opentok..")
			.should()
			.onlyDependOnClassesThat(resideOutsideOfPackages("org.callcenter.token..", "org.springframework.http..",
					"org.springframework.web..")
				.or(resideInAnyPackage("org.callcenter.token", "org.callcenter.token.opentok..")))
			.check(CLASSES);
	}

	@Test
	void systemSetUpUsesNoFeature() {
		classes().that()
			.resideInAPackage("org.callcenter.token.system..")
			.should()
			.onlyDependOnClassesThat(resideOutsideOfPackage("org.callcenter.token..")
				.or(resideInAnyPackage("org.callcenter.token", "org.callcenter.token.system..")))
			.check(CLASSES);
	}

}
