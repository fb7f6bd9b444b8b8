/**
 * Statistics outside the model: one calculator per concern listens to one replication's events and
 * makes its part of the immutable {@link io.radiolink.stats.ReplicationResult}; the parts merge across
 * replications into an {@link io.radiolink.stats.ExperimentSummary}. {@code
 * io.radiolink.simulation.StatsConnector} builds the calculators of a replication and wires them to the
 * model.
 *
 * <h2>Run control</h2>
 *
 * <p>The observation window ({@link io.radiolink.stats.ObservationWindow}) is [{@code warmupSeconds},
 * {@code runLengthSeconds}], both ends included. Arrivals stop at the run length, and flows in progress
 * then run to their outcome, so the run goes on past the window's end until no event is left. How each
 * quantity is counted:
 * <ul>
 *   <li><b>Flows</b> ({@link io.radiolink.stats.FlowCalculator}, {@link io.radiolink.stats.TrafficCalculator})
 *       are counted by their <em>start</em> time: a flow that started in the window is counted with
 *       everything in its record (outcome, times, units, retransmissions, bytes), even the part after the
 *       run length, so every counted flow has an outcome. Flows that started before the warm-up, or after
 *       the run length, are ignored entirely. A counted flow that never ended is unfinished.</li>
 *   <li><b>Connection attempts</b>, blocking, preambles and outages
 *       ({@link io.radiolink.stats.CellCalculator}) are counted by their time.</li>
 *   <li><b>Holding times</b> are counted for channels seized in the window; the seizure time is the
 *       release time minus the holding time.</li>
 *   <li><b>Busy channels</b> and a station's down time (per cell), and <b>storage occupancy</b>
 *       (committed plus staged bytes of every store together, {@link io.radiolink.stats.StorageCalculator})
 *       are integrated exactly over the window: changes before it are tracked so the integral opens at
 *       the right level, changes after it do not count. The storage peak is the largest level in force in
 *       the window; its end value is the level at the run length.</li>
 *   <li><b>Shared cells' directions</b> ({@link io.radiolink.stats.ShareCalculator}): utilisation and mean
 *       active users are integrated exactly over the window, from snapshots of the direction's counts at
 *       its two ends (events the connector posts); a connection's throughput is counted by the
 *       connection's establishment, as flows by their start.</li>
 *   <li><b>Lost and expired copies</b>, <b>rejections and lock-outs</b>
 *       ({@link io.radiolink.stats.AuthCalculator}), <b>skipped arrivals</b> (terminal busy,
 *       {@link io.radiolink.stats.WorkloadCalculator}) and <b>outcomes learned</b> on next contact
 *       ({@link io.radiolink.stats.LearnedOutcomeCalculator}) are counted by their time.</li>
 *   <li><b>Late store effects</b> ({@link io.radiolink.stats.LateEffectCalculator}: a commit or clear
 *       told after its flow ended) are counted by their flow's start, as the flows are, even after the
 *       run length.</li>
 *   <li>The <b>time-binned series</b> ({@link io.radiolink.stats.SeriesCalculator}, a
 *       {@link io.radiolink.stats.BinnedSeries}) ignores the window: its bins cover [0, run length) from time
 *       0, warm-up included, so that a later analysis can choose the warm-up; flows count by start time
 *       (started) and by end time (succeeded, failed), attempts by their time, and busy channels and stored
 *       bytes are integrated exactly per bin; nothing at or after the run length is binned.</li>
 * </ul>
 *
 * <p><b>Closing the window.</b> {@link io.radiolink.stats.Calculator#finish()} closes the integrals at
 * the run length, not at the current time, and never reads the clock. The runs the calculators serve
 * end only when no event is left: when the last event came before the run length, nothing could change
 * afterwards, so extending the last level to the run length is exact, whereas closing at the last event
 * would shorten the window by a random amount and bias every rate and time average. A run stopped early
 * with events still pending (an engine end time below the run length) is outside this contract: give
 * the calculators that end time as their run length instead. {@link
 * io.radiolink.stats.FlowCounts#unfinished()} shows such a run: counted flows that never ended.
 *
 * <p><b>Cells and stores</b> must be observed from when they are built (their channels and bytes are
 * counted from zero), and every cell registered with
 * {@link io.radiolink.stats.CellCalculator#observeCell}; cells are identified by id.
 */
package io.radiolink.stats;
