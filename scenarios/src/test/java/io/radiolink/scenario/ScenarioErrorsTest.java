package io.radiolink.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input gives one line naming the file, the position, the JSON path and what is allowed. */
final class ScenarioErrorsTest {

    /** A valid scenario whose air interface is spelt out, one field per line, for precise positions. */
    private static final String LINKS = """
            {
              "runLengthSeconds": 3600,
              "airInterface": {
                "uplink": {
                  "rateBitsPerSecond": 5000000,
                  "loss": {"model": "bernoulli", "probability": 0.01}
                }
              },
              "stations": [{"id": "cell", "channels": 8, "storageCapacityBytes": 1000000000}]
            }
            """;

    @TempDir
    Path dir;

    private String error(String json) {
        return Scenarios.error(dir, json);
    }

    @Test
    void load_misspeltField_suggestsTheNearestName() {
        String json = Scenarios.MINIMAL.replace("\"backupArrivalsPerSecond\"", "\"backupArrivalsPerSecnd\"");

        assertEquals(":6:5: workload: unknown field 'backupArrivalsPerSecnd'; allowed: backupArrivalsPerSecond, "
                + "bytesPerRecord, relocation, restoreAfter, restoreDelaySeconds, restoreShare, subscribersPerStation, userDataBytes, "
                + "wrongPasswordProbability; did you mean 'backupArrivalsPerSecond'?", error(json));
    }

    @Test
    void load_unknownTopLevelField_listsTheTopLevelFields() {
        String json = Scenarios.withTop(Scenarios.MINIMAL, "\"colour\": \"blue\"");

        assertEquals(":1:2: unknown field 'colour'; allowed: airInterface, description, engine, flows, name, "
                + "profile, protocol, replications, runLengthSeconds, seed, stations, storage, sweep, warmupSeconds, workload",
                error(json));
    }

    @Test
    void load_negativeRate_namesThePathAndRange() {
        String json = LINKS.replace("5000000", "-5");

        assertEquals(":5:28: airInterface.uplink.rateBitsPerSecond: must be finite and >= 1, was -5.0; "
                + "allowed: a finite number >= 1 (bit/s)", error(json));
    }

    @Test
    void load_probabilityAboveOne_namesThePathAndRange() {
        String json = LINKS.replace("0.01}", "1.5}");

        assertEquals(":6:53: airInterface.uplink.loss.probability: must be in [0, 1), was 1.5; "
                + "allowed: a number in [0, 1)", error(json));
    }

    @Test
    void load_unknownLossModel_suggestsTheNearestModel() {
        String json = LINKS.replace("\"bernoulli\"", "\"bernouli\"");

        assertEquals(":6:25: airInterface.uplink.loss.model: unknown loss model 'bernouli'; "
                + "allowed: none, bernoulli, gilbertElliott; did you mean 'bernoulli'?", error(json));
    }

    /**
     * The kind an unknown variant is called by is its sealed type's, not its type property's: relocation and
     * loss both name theirs by {@code model}, storage and capacity by {@code mode} (a relocation's once read
     * "unknown loss model").
     */
    @Test
    void load_unknownVariantsOfTypesSharingATypeProperty_nameTheirOwnKind() {
        String relocation = Scenarios.MINIMAL.replace("\"userDataBytes\"",
                "\"relocation\": {\"model\": \"sameCel\", \"probability\": 0.5}, \"userDataBytes\"");
        String storage = Scenarios.withTop(Scenarios.MINIMAL, "\"storage\": {\"mode\": \"netwrok\"}");

        assertTrue(error(relocation).contains("workload.relocation.model: unknown relocation model 'sameCel'; "
                + "allowed: sameCell, matrix; did you mean 'sameCell'?"), error(relocation));
        assertTrue(error(storage).contains("storage.mode: unknown storage mode 'netwrok'"), error(storage));
    }

    /** Every sealed type of the format named by a type property says what its variants are called. */
    @Test
    void kindOf_everySealedTypeOfTheFormat_isNamed() {
        for (Class<?> nested : ScenarioFile.class.getDeclaredClasses()) {
            if (nested.isAnnotationPresent(com.fasterxml.jackson.annotation.JsonTypeInfo.class)) {
                assertTrue(!ScenarioFile.kindOf(nested).isBlank(), nested.getName());
            }
        }
    }

    @Test
    void load_lossWithoutModel_saysTheModelIsRequired() {
        String json = LINKS.replace("\"model\": \"bernoulli\", ", "");

        assertEquals(":6:15: airInterface.uplink.loss.model: required field missing; "
                + "allowed: none, bernoulli, gilbertElliott", error(json));
    }

    @Test
    void load_fieldOfAnotherModel_listsTheModelsFields() {
        String json = LINKS.replace("\"probability\"", "\"lossInBad\"");

        assertEquals(":6:38: airInterface.uplink.loss: unknown field 'lossInBad'; allowed: model, probability",
                error(json));
    }

    @Test
    void load_gilbertElliottLosingEverything_isRejected() {
        String json = LINKS.replace("{\"model\": \"bernoulli\", \"probability\": 0.01}",
                "{\"model\": \"gilbertElliott\", \"goodToBadProbability\": 0.1, \"badToGoodProbability\": 0.1, "
                        + "\"lossInGood\": 1}");

        assertEquals(":6:115: airInterface.uplink.loss.lossInGood: lossInGood and lossInBad must not both be 1: such a link "
                + "loses everything; allowed: a number in [0, 1], not 1 when lossInBad is 1", error(json));
    }

    @Test
    void load_malformedJson_givesJacksonsReasonAndPosition() {
        String json = LINKS.replace("3600,", "3600,,");

        assertEquals(":2:28: malformed JSON: Unexpected character (',' (code 44)): "
                + "was expecting double-quote to start field name", error(json));
    }

    @Test
    void load_unclosedObject_isMalformed() {
        assertEquals(":1:27: malformed JSON: Unexpected end-of-input within/between Object entries",
                error("{\"runLengthSeconds\": 3600,"));
    }

    @Test
    void load_unclosedList_saysWhereItOpened() {
        assertEquals(":1:19: malformed JSON: Unexpected end-of-input: expected close marker for Array "
                + "(opened at 1:14)", error("{\"stations\": [1, 2"));
    }

    @Test
    void load_contentAfterTheObject_isMalformed() {
        assertEquals(":11:1: malformed JSON: more content after the end of the top-level object",
                error(LINKS + "{}"));
    }

    @Test
    void load_emptyFile_isMalformed() {
        assertEquals(":2:1: malformed JSON: the file holds no JSON value", error("  // nothing\n"));
    }

    @Test
    void load_topLevelList_isRejected() {
        assertEquals(":1:1: expected a JSON object at the top level, got a list", error("[1, 2]"));
    }

    @Test
    void load_missingFile_saysSo() {
        Path missing = dir.resolve("missing.json");

        ScenarioException e = assertThrows(ScenarioException.class, () -> Scenarios.load(missing));

        assertEquals(missing + ": cannot read: no such file", e.getMessage());
    }

    @Test
    void load_directory_saysSo() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> Scenarios.load(dir));

        assertEquals(dir + ": cannot read: is a directory", e.getMessage());
    }

    @Test
    void load_notUtf8_saysSo() throws IOException {
        Path file = Files.write(dir.resolve("latin1.json"), new byte[] {'{', (byte) 0xE9, '}'});

        ScenarioException e = assertThrows(ScenarioException.class, () -> Scenarios.load(file));

        assertEquals(file + ": cannot read: not UTF-8 text", e.getMessage());
    }

    @Test
    void load_badEnumValue_suggestsTheNearestConstant() {
        String json = Scenarios.withTop(Scenarios.MINIMAL, "\"protocol\": {\"arq\": {\"mode\": \"STOP_AND_WAT\"}}");

        assertEquals(":1:31: protocol.arq.mode: unknown value 'STOP_AND_WAT'; allowed: STOP_AND_WAIT, "
                + "SELECTIVE_REPEAT; did you mean 'STOP_AND_WAIT'?", error(json));
    }

    @Test
    void load_profileInLowerCase_suggestsTheConstant() {
        String json = Scenarios.withTop(Scenarios.MINIMAL, "\"profile\": \"lte\"");

        assertEquals(":1:13: profile: unknown value 'lte'; allowed: CIRCUIT_SWITCHED_DATA, LTE; did you mean 'LTE'?",
                error(json));
    }

    @Test
    void load_unknownEngine_suggestsTheNearestName() {
        String json = Scenarios.withTop(Scenarios.MINIMAL, "\"engine\": \"lena\"");

        assertEquals(":1:12: engine: unknown value 'lena'; allowed: lean, dsol; did you mean 'lean'?", error(json));
    }

    @Test
    void load_engineInUpperCase_suggestsTheLowerCaseName() {
        String json = Scenarios.withTop(Scenarios.MINIMAL, "\"engine\": \"DSOL\"");

        assertEquals(":1:12: engine: unknown value 'DSOL'; allowed: lean, dsol; did you mean 'dsol'?", error(json));
    }

    @Test
    void load_restoreAfterInUpperCase_suggestsTheLowerCaseName() {
        String json = Scenarios.MINIMAL.replace("\"subscribersPerStation\": 100,",
                "\"subscribersPerStation\": 100, \"restoreAfter\": \"ANY\",");

        assertEquals(":5:51: workload.restoreAfter: unknown value 'ANY'; allowed: success, any; did you mean 'any'?",
                error(json));
    }

    @Test
    void load_stopAndWaitWithWindow_isRejected() {
        String json = Scenarios.withTop(Scenarios.MINIMAL,
                "\"protocol\": {\"arq\": {\"mode\": \"STOP_AND_WAIT\", \"windowFrames\": 4}}");

        assertEquals(":1:64: protocol.arq.windowFrames: must be 1 for STOP_AND_WAIT, was 4; "
                + "allowed: a whole number >= 1, exactly 1 for STOP_AND_WAIT", error(json));
    }

    @Test
    void load_runLengthOutOfRangeWithScriptedFlows_namesTheRunLengthNotAFlow() {
        String json = Scenarios.MINIMAL.replace("\"runLengthSeconds\": 3600,", "\"runLengthSeconds\": 0,\n"
                + "  \"flows\": [{\"atSeconds\": 1, \"kind\": \"BACKUP\", \"station\": \"cell\", "
                + "\"phoneNumber\": \"123\", \"sizeBytes\": 10}],");

        assertEquals(":2:23: runLengthSeconds: must be in (0, 1e12], was 0.0; allowed: "
                + Allowed.of(ScenarioFile.class, "runLengthSeconds"), error(json));
    }

    /** Core's backup has no storedNumber: the format's rule that it is the phone's own is the scenario layer's. */
    @Test
    void load_backupStoredUnderAnotherNumber_namesTheStoredNumber() {
        String json = Scenarios.withTop(Scenarios.MINIMAL, "\"flows\": [{\"atSeconds\": 10, \"kind\": \"BACKUP\", "
                + "\"station\": \"cell\", \"phoneNumber\": \"0100\", \"storedNumber\": \"0200\", \"sizeBytes\": 1000}]");

        assertEquals(":1:106: flows[0].storedNumber: storedNumber of a backup must be the terminal's own number; allowed: "
                + Allowed.of(ScenarioFile.Flow.class, "storedNumber"), error(json));
    }

    @Test
    void load_unpairedSurrogate_countsCharactersFromOneAsTheNameRuleDoes() {
        String json = Scenarios.MINIMAL.replace("\"runLengthSeconds\": 3600,",
                "\"runLengthSeconds\": 3600, \"description\": \"\u00e9a\\ud800b\",");

        assertTrue(error(json).endsWith("description: not Unicode text: an unpaired surrogate (\\ud800) at character 3;"
                + " allowed: Unicode text"), error(json));
    }

    @Test
    void load_warmupNotBeforeRunLength_isRejected() {
        String json = Scenarios.MINIMAL.replace("3600,", "3600, \"warmupSeconds\": 3600,");

        assertEquals(":2:46: warmupSeconds: must be < runLengthSeconds, was 3600.0 >= 3600.0; "
                + "allowed: a number in [0, 1e12] and < runLengthSeconds (seconds)", error(json));
    }

    @Test
    void load_duplicateStationIds_namesTheSecond() {
        String json = Scenarios.MINIMAL.replace("}],",
                "},\n    {\"id\": \"cell\", \"channels\": 1, \"storageCapacityBytes\": 1}],");

        assertEquals(":4:12: stations[1].id: station id 'cell' already used by stations[0]; allowed: a non-blank "
                + "string without control characters, unique among all stations (count n > 1 makes id-1 .. id-n)", error(json));
    }

    @Test
    void load_idCollidingWithACountExpansion_isRejected() {
        String json = Scenarios.MINIMAL.replace("\"id\": \"cell\"", "\"id\": \"cell\", \"count\": 3").replace("}],",
                "},\n    {\"id\": \"cell-2\", \"channels\": 1, \"storageCapacityBytes\": 1}],");

        assertEquals(":4:12: stations[1].id: station id 'cell-2' already used by stations[0] (count 3); allowed: "
                + "a non-blank string without control characters, unique among all stations (count n > 1 makes id-1 .. id-n)", error(json));
    }

    @Test
    void load_blankStationId_isRejected() {
        String json = Scenarios.MINIMAL.replace("\"id\": \"cell\"", "\"id\": \" \"");

        assertEquals(":3:23: stations[0].id: must not be blank; allowed: a non-blank string without control characters, unique among all "
                + "stations (count n > 1 makes id-1 .. id-n)", error(json));
    }

    @Test
    void load_zeroCount_isRejected() {
        String json = Scenarios.MINIMAL.replace("\"id\": \"cell\"", "\"id\": \"cell\", \"count\": 0");

        assertEquals(":3:40: stations[0].count: must be >= 1, was 0; allowed: a whole number >= 1", error(json));
    }

    @Test
    void load_emptyStations_isRejected() {
        String json = Scenarios.MINIMAL.replaceAll("\\[\\{.*}]", "[]");

        assertEquals(":3:15: stations: must not be empty; allowed: a non-empty list of stations, each an object "
                + "with fields channels, clearAfterDownload, count, id, outages, retentionSeconds, storageCapacityBytes", error(json));
    }

    @Test
    void load_floatForWholeNumber_isRejected() {
        String json = Scenarios.MINIMAL.replace("\"channels\": 8", "\"channels\": 8.0");

        assertEquals(":3:43: stations[0].channels: expected a whole number, got the number 8.0; "
                + "allowed: a whole number >= 1", error(json));
    }

    @Test
    void load_numberInQuotes_isRejected() {
        String json = Scenarios.MINIMAL.replace("3600", "\"3600\"");

        assertEquals(":2:23: runLengthSeconds: expected a number, got the string \"3600\"; "
                + "allowed: a number in (0, 1e12] (seconds)", error(json));
    }

    @Test
    void load_wholeNumberTooLarge_isRejected() {
        String json = Scenarios.MINIMAL.replace("\"channels\": 8", "\"channels\": 3000000000");

        assertEquals(":3:43: stations[0].channels: the number 3000000000 is too large; allowed: a whole number >= 1",
                error(json));
    }

    @Test
    void load_null_isRejected() {
        String json = Scenarios.MINIMAL.replace("\"channels\": 8", "\"channels\": null");

        assertEquals(":3:43: stations[0].channels: null is not allowed (leave an optional field out to get its "
                + "default); allowed: a whole number >= 1", error(json));
    }

    @Test
    void load_duplicateField_isRejected() {
        String json = Scenarios.MINIMAL.replace("\"channels\": 8", "\"channels\": 8, \"channels\": 9");

        assertEquals(":3:46: stations[0]: duplicate field 'channels'; allowed: each field at most once", error(json));
    }

    @Test
    void load_missingRequiredField_pointsAtItsObject() {
        String json = Scenarios.MINIMAL.replace("\"channels\": 8, ", "");

        assertEquals(":3:16: stations[0].channels: required field missing; allowed: a whole number >= 1",
                error(json));
    }

    @Test
    void load_missingRunLength_pointsAtTheFile() {
        String json = Scenarios.MINIMAL.replace("\"runLengthSeconds\": 3600,", "");

        assertEquals(":1:1: runLengthSeconds: required field missing; allowed: a number in (0, 1e12] (seconds)",
                error(json));
    }

    @Test
    void load_logNormalWithOnePairHalfGiven_asksForTheOtherHalf() {
        String json = Scenarios.MINIMAL.replace("\"fixed\", \"value\": 100000", "\"logNormal\", \"mean\": 100000");

        assertEquals(":7:22: workload.userDataBytes.stdDev: required field missing; allowed: either mean and stdDev "
                + "(of X) or mu and sigma (of ln X), exactly one pair", error(json));
    }

    @Test
    void load_logNormalWithBothPairs_isRejected() {
        String json = Scenarios.MINIMAL.replace("\"fixed\", \"value\": 100000",
                "\"logNormal\", \"mean\": 100000, \"stdDev\": 5, \"mu\": 3, \"sigma\": 1");

        assertEquals(":7:87: workload.userDataBytes.mu: mean/stdDev and mu/sigma both given; allowed: either mean "
                + "and stdDev (of X) or mu and sigma (of ln X), exactly one pair", error(json));
    }

    @Test
    void load_unknownDistribution_suggestsTheNearest() {
        String json = Scenarios.MINIMAL.replace("\"fixed\"", "\"fix\"");

        assertEquals(":7:39: workload.userDataBytes.distribution: unknown distribution 'fix'; "
                + "allowed: fixed, uniform, exponential, logNormal; did you mean 'fixed'?", error(json));
    }

    @Test
    void load_uniformWithMaxBelowMin_namesMax() {
        String json = Scenarios.MINIMAL.replace("\"fixed\", \"value\": 100000", "\"uniform\", \"min\": 10, \"max\": 5");

        assertEquals(":7:68: workload.userDataBytes.max: must be > min, was min=10.0, max=5.0; "
                + "allowed: a finite number > 0 and > min", error(json));
    }

    @Test
    void load_objectWhereNumberExpected_saysWhatWasGiven() {
        String json = Scenarios.MINIMAL.replace("0.01", "{\"per\": \"hour\"}");

        assertEquals(":6:32: workload.backupArrivalsPerSecond: expected a number, got an object; "
                + "allowed: a finite number > 0 (arrivals per second at each station)", error(json));
    }

    @Test
    void load_stringWhereLossExpected_asksForAnObject() {
        String json = LINKS.replace("{\"model\": \"bernoulli\", \"probability\": 0.01}", "\"none\"");

        assertEquals(":6:15: airInterface.uplink.loss: expected an object, got the string \"none\"; "
                + "allowed: an object with \"model\": none, bernoulli, gilbertElliott", error(json));
    }

    @Test
    void load_replicationsZeroInFile_namesTheField() {
        String json = Scenarios.withTop(Scenarios.MINIMAL, "\"replications\": 0");

        assertEquals(":1:18: replications: must be >= 1, was 0; allowed: a whole number >= 1", error(json));
    }

    @Test
    void load_negativeChunkBytes_namesThePathAndRange() {
        String json = Scenarios.withTop(Scenarios.MINIMAL, "\"protocol\": {\"chunks\": {\"chunkBytes\": -1}}");

        assertEquals(":1:40: protocol.chunks.chunkBytes: must be >= 0, was -1; allowed: a whole number >= 0 (bytes); "
                + "0 sends the object as one unit without chunk digests", error(json));
    }

    @Test
    void load_zeroAttempts_namesThePathAndRange() {
        String json = Scenarios.withTop(Scenarios.MINIMAL, "\"protocol\": {\"resume\": {\"attempts\": 0}}");

        assertEquals(":1:38: protocol.resume.attempts: must be >= 1, was 0; allowed: a whole number >= 1; "
                + "1 never reconnects", error(json));
    }

    @Test
    void load_jitterAboveOne_namesThePathAndRange() {
        String json = Scenarios.withTop(Scenarios.MINIMAL,
                "\"protocol\": {\"resume\": {\"attempts\": 3, \"jitter\": 1.5}}");

        assertEquals(":1:51: protocol.resume.jitter: must be in [0, 1], was 1.5; allowed: a number in [0, 1]",
                error(json));
    }

    @Test
    void load_maxBackoffBelowBackoff_namesTheCap() {
        String json = Scenarios.withTop(Scenarios.MINIMAL,
                "\"protocol\": {\"resume\": {\"attempts\": 3, \"backoffSeconds\": 10, \"maxBackoffSeconds\": 5}}");

        assertEquals(":1:84: protocol.resume.maxBackoffSeconds: must be >= backoffSeconds (10.0), was 5.0; "
                + "allowed: a number in [0, 1e12] and >= backoffSeconds (seconds)", error(json));
    }

    @Test
    void load_fromOffsetAsString_isRejected() {
        String json = Scenarios.withTop(Scenarios.MINIMAL, "\"protocol\": {\"resume\": {\"fromOffset\": \"yes\"}}");

        assertEquals(":1:40: protocol.resume.fromOffset: expected true or false, got the string \"yes\"; "
                + "allowed: true or false", error(json));
    }
}

