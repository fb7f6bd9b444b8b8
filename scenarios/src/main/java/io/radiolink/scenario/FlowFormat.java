package io.radiolink.scenario;

import static io.radiolink.scenario.Resolver.DEFAULT_BYTES_PER_RECORD;
import static io.radiolink.scenario.Resolver.or;
import static io.radiolink.scenario.Resolver.required;

import io.radiolink.node.PhoneNumber;
import io.radiolink.protocol.FlowKind;
import io.radiolink.scenario.ScenarioFile.Flow;
import io.radiolink.workload.ScriptedFlow;
import java.util.Map;

/**
 * What the scenario format knows of one flow kind, in one place: the defaults of a scripted flow's fields
 * ({@link Resolver}) and the {@link ScriptedFlow} it builds ({@link ModelBuilder}). The fields every kind
 * has (start time, station, phone) are checked by those two; a new kind is one more constant here.
 */
enum FlowFormat {

    /** A backup: {@code sizeBytes} required, {@code recordCount} and {@code storedNumber} defaulted. */
    BACKUP {
        @Override
        Flow resolved(Flow f, String path) throws Invalid {
            long size = required(f.sizeBytes(), path, Flow.class, "sizeBytes");
            int records = or(f.recordCount(), (int) Math.max(1, Math.min(Integer.MAX_VALUE,
                    (size + DEFAULT_BYTES_PER_RECORD - 1) / DEFAULT_BYTES_PER_RECORD)));
            return new Flow(f.atSeconds(), f.kind(), f.station(), f.phoneNumber(), or(f.storedNumber(), f.phoneNumber()),
                    size, records, f.password());
        }

        @Override
        ScriptedFlow built(Flow f, String path, PhoneNumber terminal, PhoneNumber stored) throws Invalid {
            ScriptedFlow.Backup backup = ModelBuilder.construct(path, Flow.class, RENAMES,
                    () -> new ScriptedFlow.Backup(f.atSeconds(), f.station(), terminal, f.sizeBytes(), f.recordCount(),
                            f.password()));
            if (!stored.equals(backup.terminalNumber())) {
                throw Invalid.at(JsonPaths.field(path, "storedNumber"), "storedNumber of a backup must be the "
                        + "terminal's own number", Allowed.of(Flow.class, "storedNumber"));
            }
            return backup;
        }
    },

    /** A download: {@code storedNumber} required; {@code sizeBytes} and {@code recordCount} ignored. */
    DOWNLOAD {
        @Override
        Flow resolved(Flow f, String path) throws Invalid {
            required(f.storedNumber(), path, Flow.class, "storedNumber");
            return f;
        }

        @Override
        ScriptedFlow built(Flow f, String path, PhoneNumber terminal, PhoneNumber stored) throws Invalid {
            return ModelBuilder.construct(path, Flow.class, RENAMES,
                    () -> new ScriptedFlow.Download(f.atSeconds(), f.station(), terminal, stored, f.password()));
        }
    };

    /** Core's names of the format's fields where they differ. */
    private static final Map<String, String> RENAMES = Map.of("userDataBytes", "sizeBytes",
            "terminalNumber", "phoneNumber", "stationId", "station");

    /** The format of {@code kind}. */
    static FlowFormat of(FlowKind kind) {
        return switch (kind) {
            case BACKUP -> BACKUP;
            case DOWNLOAD -> DOWNLOAD;
        };
    }

    /**
     * {@code f} (the flow at {@code path}, its common fields present) with this kind's defaults filled in,
     * or the located error of a missing required field.
     */
    abstract Flow resolved(Flow f, String path) throws Invalid;

    /**
     * The scripted flow {@code f} (resolved, at {@code path}) describes, run by {@code terminal} on the data
     * stored under {@code stored}, or the located error of a field core refuses.
     */
    abstract ScriptedFlow built(Flow f, String path, PhoneNumber terminal, PhoneNumber stored) throws Invalid;
}
