package io.radiolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad scenario files: each gets exit status 2, one line on stderr that starts with {@code error:} and
 * names the field, no stack trace, and no output folder.
 */
final class BadInputTest {

    private static final String VALID = """
            {
              "runLengthSeconds": 600,
              "replications": 1,
              "stations": [ { "id": "bs-1", "channels": 2, "storageCapacityBytes": 1000000000 } ],
              "airInterface": { "uplink": { "loss": { "model": "bernoulli", "probability": 0.01 } } },
              "workload": {
                "subscribersPerStation": 100,
                "backupArrivalsPerSecond": 0.01,
                "userDataBytes": { "distribution": "fixed", "value": 10000 }
              }
            }
            """;

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "malformed JSON | \"replications\": 1, | \"replications\": 1,, | malformed JSON",
        "misspelt field | \"backupArrivalsPerSecond\" | \"backupArrivalsPerSecnd\" | backupArrivalsPerSecnd",
        "negative rate | \"backupArrivalsPerSecond\": 0.01 | \"backupArrivalsPerSecond\": -0.01 | workload.backupArrivalsPerSecond",
        "probability above 1 | \"probability\": 0.01 | \"probability\": 1.5 | airInterface.uplink.loss.probability",
        "unknown loss model | \"model\": \"bernoulli\" | \"model\": \"bernouli\" | bernouli",
        "no connection attempt | \"replications\": 1, | \"replications\": 1, \"protocol\": { \"resume\": { \"attempts\": 0 } }, | protocol.resume.attempts",
        "retryAccess not a boolean | \"replications\": 1, | \"replications\": 1, \"protocol\": { \"resume\": { \"attempts\": 3, \"retryAccess\": \"yes\" } }, | protocol.resume.retryAccess",
        "retryAccess null | \"replications\": 1, | \"replications\": 1, \"protocol\": { \"resume\": { \"retryAccess\": null } }, | protocol.resume.retryAccess",
        "unknown restore rule | \"subscribersPerStation\": 100, | \"subscribersPerStation\": 100, \"restoreAfter\": \"always\", | workload.restoreAfter",
        "unknown relocation model | \"subscribersPerStation\": 100, | \"subscribersPerStation\": 100, \"relocation\": { \"model\": \"sameCel\", \"probability\": 0.5 }, | sameCel",
        "relocation probability above 1 | \"subscribersPerStation\": 100, | \"subscribersPerStation\": 100, \"relocation\": { \"model\": \"sameCell\", \"probability\": 1.5 }, | workload.relocation.probability",
        "relocation probability missing | \"subscribersPerStation\": 100, | \"subscribersPerStation\": 100, \"relocation\": { \"model\": \"sameCell\" }, | workload.relocation.probability",
        "relocation matrix of another size | \"subscribersPerStation\": 100, | \"subscribersPerStation\": 100, \"relocation\": { \"model\": \"matrix\", \"rows\": [[0.5, 0.5], [0.5, 0.5]] }, | workload.relocation.rows",
        "relocation matrix row not summing to 1 | \"subscribersPerStation\": 100, | \"subscribersPerStation\": 100, \"relocation\": { \"model\": \"matrix\", \"rows\": [[0.5]] }, | workload.relocation.rows",
        "unknown capacity mode | \"uplink\": { | \"capacity\": { \"mode\": \"sharde\" }, \"uplink\": { | airInterface.capacity.mode",
        "shared capacity below 1 bit/s | \"uplink\": { | \"capacity\": { \"mode\": \"shared\", \"uplinkBitsPerSecond\": 0, \"downlinkBitsPerSecond\": 1000000 }, \"uplink\": { | airInterface.capacity.uplinkBitsPerSecond",
        "unknown scheduling policy | \"uplink\": { | \"capacity\": { \"mode\": \"shared\", \"uplinkBitsPerSecond\": 1000000, \"downlinkBitsPerSecond\": 1000000, \"scheduler\": { \"policy\": \"fifo\" } }, \"uplink\": { | airInterface.capacity.scheduler.policy",
        "round robin without interval | \"uplink\": { | \"capacity\": { \"mode\": \"shared\", \"uplinkBitsPerSecond\": 1000000, \"downlinkBitsPerSecond\": 1000000, \"scheduler\": { \"policy\": \"roundRobin\" } }, \"uplink\": { | airInterface.capacity.scheduler.intervalSeconds",
        "negative chunk size | \"replications\": 1, | \"replications\": 1, \"protocol\": { \"chunks\": { \"chunkBytes\": -65536 } }, | protocol.chunks.chunkBytes",
        "unknown storage mode | \"replications\": 1, | \"replications\": 1, \"storage\": { \"mode\": \"netwrok\" }, | netwrok",
        "network store without capacity | \"replications\": 1, | \"replications\": 1, \"storage\": { \"mode\": \"network\", \"backhaul\": { \"rateBitsPerSecond\": 1e7, \"propagationDelaySeconds\": 0.005 } }, | storage.capacityBytes",
        "network store capacity 0 | \"replications\": 1, | \"replications\": 1, \"storage\": { \"mode\": \"network\", \"capacityBytes\": 0, \"backhaul\": { \"rateBitsPerSecond\": 1e7, \"propagationDelaySeconds\": 0.005 } }, | storage.capacityBytes",
        "network store without backhaul | \"replications\": 1, | \"replications\": 1, \"storage\": { \"mode\": \"network\", \"capacityBytes\": 1000000000 }, | storage.backhaul",
        "backhaul without rate | \"replications\": 1, | \"replications\": 1, \"storage\": { \"mode\": \"network\", \"capacityBytes\": 1000000000, \"backhaul\": { \"propagationDelaySeconds\": 0.005 } }, | storage.backhaul.rateBitsPerSecond",
        "backhaul rate 0 | \"replications\": 1, | \"replications\": 1, \"storage\": { \"mode\": \"network\", \"capacityBytes\": 1000000000, \"backhaul\": { \"rateBitsPerSecond\": 0, \"propagationDelaySeconds\": 0.005 } }, | storage.backhaul.rateBitsPerSecond",
        "backhaul loss 1 | \"replications\": 1, | \"replications\": 1, \"storage\": { \"mode\": \"network\", \"capacityBytes\": 1000000000, \"backhaul\": { \"rateBitsPerSecond\": 1e7, \"propagationDelaySeconds\": 0.005, \"lossProbability\": 1 } }, | storage.backhaul.lossProbability",
        "backhaul timeout below the round trip | \"replications\": 1, | \"replications\": 1, \"storage\": { \"mode\": \"network\", \"capacityBytes\": 1000000000, \"backhaul\": { \"rateBitsPerSecond\": 1e7, \"propagationDelaySeconds\": 0.5, \"lossProbability\": 0.1, \"retransmissionTimeoutSeconds\": 0.5 } }, | storage.backhaul.retransmissionTimeoutSeconds",
        "backhaul outages volatile | \"replications\": 1, | \"replications\": 1, \"storage\": { \"mode\": \"network\", \"capacityBytes\": 1000000000, \"backhaul\": { \"rateBitsPerSecond\": 1e7, \"propagationDelaySeconds\": 0.005, \"outages\": { \"meanUpSeconds\": 100, \"persistentStorage\": false } } }, | storage.backhaul.outages.persistentStorage",
        "unknown relay | \"replications\": 1, | \"replications\": 1, \"storage\": { \"mode\": \"network\", \"capacityBytes\": 1000000000, \"backhaul\": { \"rateBitsPerSecond\": 1e7, \"propagationDelaySeconds\": 0.005 }, \"relay\": \"storeForward\" }, | storage.relay",
        "store outages overlapping | \"replications\": 1, | \"replications\": 1, \"storage\": { \"mode\": \"network\", \"capacityBytes\": 1000000000, \"backhaul\": { \"rateBitsPerSecond\": 1e7, \"propagationDelaySeconds\": 0.005 }, \"outages\": { \"scheduled\": [ { \"startSeconds\": 10, \"endSeconds\": 20 }, { \"startSeconds\": 15, \"endSeconds\": 30 } ] } }, | storage.outages.scheduled",
        "perStation names no station | \"replications\": 1, | \"replications\": 1, \"storage\": { \"mode\": \"network\", \"capacityBytes\": 1000000000, \"backhaul\": { \"rateBitsPerSecond\": 1e7, \"propagationDelaySeconds\": 0.005 }, \"perStation\": [ { \"station\": \"bs-9\" } ] }, | storage.perStation[0].station",
        "perStation names a station twice | \"replications\": 1, | \"replications\": 1, \"storage\": { \"mode\": \"network\", \"capacityBytes\": 1000000000, \"backhaul\": { \"rateBitsPerSecond\": 1e7, \"propagationDelaySeconds\": 0.005 }, \"perStation\": [ { \"station\": \"bs-1\" }, { \"station\": \"bs-1\", \"relay\": \"streamed\" } ] }, | storage.perStation[1].station",
        "perStation backhaul rate 0 | \"replications\": 1, | \"replications\": 1, \"storage\": { \"mode\": \"network\", \"capacityBytes\": 1000000000, \"backhaul\": { \"rateBitsPerSecond\": 1e7, \"propagationDelaySeconds\": 0.005 }, \"perStation\": [ { \"station\": \"bs-1\", \"backhaul\": { \"rateBitsPerSecond\": 0 } } ] }, | storage.perStation[0].backhaul.rateBitsPerSecond",
        "peerFetch under network storage | \"replications\": 1, | \"replications\": 1, \"storage\": { \"mode\": \"network\", \"capacityBytes\": 1000000000, \"backhaul\": { \"rateBitsPerSecond\": 1e7, \"propagationDelaySeconds\": 0.005 }, \"peerFetch\": {} }, | peerFetch",
        "peerFetch without delay | \"replications\": 1, | \"replications\": 1, \"storage\": { \"mode\": \"station\", \"peerFetch\": { \"rateBitsPerSecond\": 1e7 } }, | storage.peerFetch.propagationDelaySeconds"})
    void run_badFile_exitTwoOneLineNamingTheFieldNoOutput(String name, String find, String replace, String named)
            throws IOException {
        Path file = temp.resolve("bad.json");
        Files.writeString(file, VALID.replace(find, replace));
        assertTrue(!VALID.equals(VALID.replace(find, replace)), "the test changes the file");
        Path out = temp.resolve("out");
        CliRun run = CliRun.of("run", file.toString(), "--out", out.toString());

        assertEquals(2, run.status(), run.err());
        assertTrue(run.err().startsWith("error: " + file), run.err());
        assertTrue(run.err().contains(named), run.err());
        assertEquals(1, run.err().lines().count(), "one line: " + run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace");
        assertFalse(Files.exists(out), "no output folder");
        assertEquals("", run.out());

        CliRun validate = CliRun.of("validate", file.toString());
        assertEquals(2, validate.status());
        assertEquals(run.err(), validate.err(), "validate says the same");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"missing.json", "no-such-folder/missing.json"})
    void run_missingFile_exitTwoNamingIt(String missing) {
        Path file = temp.resolve(missing);
        CliRun run = CliRun.of("run", file.toString(), "--out", temp.resolve("out").toString());
        assertEquals(2, run.status());
        assertTrue(run.err().startsWith("error: " + file + ": "), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertFalse(Files.exists(temp.resolve("out")));
    }
}
