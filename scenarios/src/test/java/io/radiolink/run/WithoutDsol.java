package io.radiolink.run;

import io.radiolink.engine.dsol.DsolClassPath;
import io.radiolink.scenario.EngineChoice;
import io.radiolink.scenario.ResolvedScenario;
import io.radiolink.scenario.ScenarioException;
import io.radiolink.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A program for a JVM without DSOL ({@link ScenariosAloneTest}): {@code WithoutDsol DSOL_SCENARIO
 * LEAN_SCENARIO} prints whether DSOL is present, then what the loader, the runner and a unit of work say of
 * the DSOL engine, one line each ({@code loader: <message>}, ...; {@code ... ran} if one did not refuse).
 */
public final class WithoutDsol {

    private WithoutDsol() {}

    public static void main(String[] args) throws ScenarioException {
        System.out.println("dsol present: " + DsolClassPath.present());
        try {
            ScenarioLoader.load(Path.of(args[0]), OptionalLong.empty(), OptionalInt.empty());
            System.out.println("loader: ran");
        } catch (ScenarioException e) {
            System.out.println("loader: " + e.getMessage());
        }
        // A scenario resolved where DSOL was present (by hand here), run where it is not.
        ResolvedScenario lean = ScenarioLoader.load(Path.of(args[1]), OptionalLong.empty(), OptionalInt.empty());
        ResolvedScenario dsol = new ResolvedScenario(lean.source(), lean.sourceSha256(), lean.resolved(), lean.seed(),
                lean.replications(), EngineChoice.DSOL, lean.points());
        try {
            new ScenarioRunner(1, false, ScenarioRunner.Progress.NONE).run(dsol);
            System.out.println("runner: ran");
        } catch (ScenarioException e) {
            System.out.println("runner: " + e.getMessage());
        }
        try {
            ScenarioRunner.runUnit(dsol.points().get(0), 0, dsol.engine(), false);
            System.out.println("unit: ran");
        } catch (IllegalStateException e) {
            System.out.println("unit: " + e.getMessage());
        }
    }
}
