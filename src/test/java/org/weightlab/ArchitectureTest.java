package org.weightlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering of DESIGN section 1, kept true by the build. */
@AnalyzeClasses(packages = "org.weightlab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreIsFreeOfJavaFx = noClasses()
            .that().resideInAnyPackage("org.weightlab.engine..", "org.weightlab.session..", "org.weightlab.scenario..",
                    "org.weightlab.compress..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("the engine, the session and the file formats must run and be tested without a window");

    @ArchTest
    static final ArchRule onlyAppDependsOnApp = noClasses()
            .that().resideOutsideOfPackage("org.weightlab.app..")
            .should().dependOnClassesThat().resideInAPackage("org.weightlab.app..")
            .because("app is the wiring: everything else is given what it needs");

    @ArchTest
    static final ArchRule engineKnowsNothingAbove = noClasses()
            .that().resideInAPackage("org.weightlab.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("org.weightlab.session..", "org.weightlab.scenario..",
                    "org.weightlab.ui..")
            .because("the engine is the bottom layer; sessions, files and views build on it");

    @ArchTest
    static final ArchRule sessionDoesNotKnowViews = noClasses()
            .that().resideInAnyPackage("org.weightlab.session..", "org.weightlab.scenario..")
            .should().dependOnClassesThat().resideInAPackage("org.weightlab.ui..")
            .because("views subscribe to the session, never the other way round");

    @ArchTest
    static final ArchRule viewsNeverGenerateData = noClasses()
            .that().resideInAPackage("org.weightlab.ui..")
            .and().haveSimpleNameNotStartingWith("DatasetThumbnail")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.weightlab.engine.data.DataGenerator")
            .because("the data set is part of the published run: the session generates it on the engine thread "
                    + "and views draw the split it publishes (thumbnails only picture a data-set kind)");

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices()
            .matching("org.weightlab.(**)")
            .should().beFreeOfCycles()
            .because("a package that depends on another in a loop cannot be read, tested or moved on its own");
}
