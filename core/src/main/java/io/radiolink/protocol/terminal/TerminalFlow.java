package io.radiolink.protocol.terminal;

import io.radiolink.engine.Scheduler;
import io.radiolink.node.BaseStation;
import io.radiolink.node.PasswordVerifier;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.SimKey;
import io.radiolink.node.Terminal;
import io.radiolink.protocol.ControlCounts;
import io.radiolink.protocol.Flow;
import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.FlowOutcome;
import io.radiolink.protocol.FlowPhase;
import io.radiolink.protocol.IntegrityCheck;
import io.radiolink.protocol.Message;
import io.radiolink.protocol.PhaseTimes;
import io.radiolink.protocol.ResumeConfig;
import io.radiolink.protocol.TerminalRecord;
import io.radiolink.protocol.transfer.TransferCounts;
import io.radiolink.radio.AccessCallback;
import io.radiolink.radio.Connection;
import io.radiolink.radio.ConnectionEnd;
import io.radiolink.radio.Departure;
import io.radiolink.radio.DirectionCounts;
import io.radiolink.radio.Endpoint;
import io.radiolink.radio.Side;
import java.util.Arrays;
import java.util.Optional;

/**
 * The terminal's side of a flow: the parts backup and download share — password check, connection
 * set-up, the retried request, the outcome decision, release and the record.
 *
 * <p>The terminal decides its outcome at most once; a decided flow releases its connection and ends
 * when the release completes. A flow whose connection ends without a decision (a drop, or a release
 * by the station after its own retries ran out) takes its outcome from how the connection ended.
 */
abstract class TerminalFlow implements Flow, Endpoint<Message>, AccessCallback<Message> {

    final TerminalSide side;
    final Scheduler scheduler;
    private final long id;
    final Terminal terminal;
    final BaseStation station;
    private final PhoneNumber addressedNumber;
    private final FlowKind kind;
    private double startSeconds;
    private FlowPhase phase = FlowPhase.SETUP;
    private final double[] phaseSeconds = new double[FlowPhase.values().length];
    private double phaseStartedAtSeconds;
    private IntegrityCheck integrity = IntegrityCheck.NOT_CHECKED;
    private boolean completeSent;
    private FlowOutcome decided;
    private int attempt = 1;
    private int accessRetries;
    private long chunksRepaired;
    /** Counts of the control senders and uplinks of attempts that ended. */
    private ControlCounts controlSent = ControlCounts.ZERO;
    private DirectionCounts uplink = DirectionCounts.ZERO;
    private boolean ended;
    String password;
    Connection<Message> connection;
    ControlSender control;

    TerminalFlow(TerminalSide side, long id, FlowKind kind, Terminal terminal, PhoneNumber addressedNumber,
            BaseStation station) {
        this.side = side;
        this.scheduler = side.scheduler();
        this.id = id;
        this.kind = kind;
        this.terminal = terminal;
        this.addressedNumber = addressedNumber;
        this.station = station;
    }

    final void start() {
        startSeconds = scheduler.nowSeconds();
        Arrays.fill(phaseSeconds, Double.NaN);
        phaseStartedAtSeconds = startSeconds;
        side.flowStarted(terminal);
        side.listener().flowStarted(this, startSeconds);
        Optional<String> entered = terminal.maintenancePassword();
        if (entered.isEmpty()) {
            finish(FlowOutcome.PASSWORD_NOT_ENTERED);
            return;
        }
        password = entered.get();
        side.network().connect(terminal, station, this);
    }

    @Override
    public final void blocked() {
        refused(FlowOutcome.BLOCKED);
    }

    @Override
    public final void setupFailed() {
        finish(FlowOutcome.SETUP_FAILED);
    }

    @Override
    public final void stationDown() {
        finish(FlowOutcome.STATION_DOWN);
    }

    @Override
    public final void accessFailed() {
        refused(FlowOutcome.ACCESS_FAILED);
    }

    /**
     * The attempt got no connection ({@code outcome} BLOCKED or ACCESS_FAILED): with
     * {@link ResumeConfig#retryAccess} and attempts left another one follows after the back-off, counted
     * as an access retry; otherwise the flow ends with {@code outcome}.
     */
    private void refused(FlowOutcome outcome) {
        if (triesAgain(outcome)) {
            accessRetries++;
            reconnectLater();
        } else {
            finish(outcome);
        }
    }

    /** Waits the back-off ({@link ResumeConfig}) and asks for another connection. */
    private void reconnectLater() {
        ResumeConfig resume = side.config().resume();
        double jitter = resume.jitter() == 0.0 ? 0.0
                : resume.jitter() * (2.0 * side.backoffs(station).nextDouble() - 1.0);
        double delay = resume.backoffSeconds(attempt) * (1.0 + jitter);
        enterPhase(FlowPhase.BACKOFF);
        scheduler.post(delay, this::reconnect);
    }

    private void reconnect() {
        attempt++;
        beforeReconnect();
        decided = null;
        completeSent = false;
        connection = null;
        control = null;
        enterPhase(FlowPhase.SETUP);
        side.network().connect(terminal, station, this);
    }

    /** Called before the terminal asks for another connection: keep what a resumed transfer needs. */
    abstract void beforeReconnect();

    /** Counts the chunks of a repair round. */
    final void repairing(int chunks) {
        chunksRepaired += chunks;
    }

    @Override
    public final void established(Connection<Message> established) {
        connection = established;
        established.attachTerminal(this);
        side.listener().connected(this, established);
        int controlBytes = established.uplink().config().controlFrameBytes();
        control = new ControlSender(scheduler, side.config().control(),
                (message, departure) -> established.sendUplink(controlBytes, message, departure),
                () -> decide(FlowOutcome.RETRIES_EXHAUSTED));
        enterPhase(FlowPhase.REQUEST);
        control.send(request());
    }

    /** The request this flow opens with. */
    abstract Message.Request request();

    /** True if the flow's answer to a challenge enrols the typed password's verifier (a backup's does). */
    abstract boolean enrolsVerifier();

    /** Handles a message from the station while the outcome is undecided ({@code damaged}: see {@link #receive}). */
    abstract void onMessage(Message message, boolean damaged);

    /** Stops the terminal's data transfer, if one runs. */
    abstract void stopTransfer();

    /** True while the terminal's own data sender (a backup's) waits for acknowledgements. */
    abstract boolean transferring();

    @Override
    public final boolean timersArmed() {
        return control != null && control.waiting() || transferring();
    }

    /** Bytes of user data transferred or announced so far. */
    abstract long userDataBytes();

    /** The user data bytes the receiver still lacked when the flow began. */
    abstract long bytesNeeded();

    /** What the terminal's own data frames cost, every attempt (nothing for a download). */
    abstract TransferCounts dataSent();

    @Override
    public final void receive(Message message, boolean damaged) {
        if (decided == null) {
            if (message instanceof Message.Challenge challenge) {
                answer(challenge);
            } else {
                onMessage(message, damaged);
            }
        }
    }

    /**
     * Challenge-response: answers the station's nonce with a proof made from the verifier of the typed
     * password and this terminal's SIM key; a backup also enrols that verifier, sealed under the SIM key (the
     * station keeps it if the number has no copy yet). The password, the verifier and the key stay here.
     */
    private void answer(Message.Challenge challenge) {
        if (phase != FlowPhase.REQUEST) {
            return;
        }
        long nonce = challenge.nonce();
        PasswordVerifier verifier = PasswordVerifier.of(addressedNumber, password);
        SimKey sim = SimKey.provisioned(station.streams(), terminal.phoneNumber());
        String enrolment = enrolsVerifier() ? verifier.sealed(sim, nonce) : null;
        control.send(new Message.ChallengeResponse(side.config().auth().mode().proof(verifier, sim, nonce),
                enrolment));
    }

    /** The password to put in the request: none when the station challenges. */
    final String passwordForRequest() {
        return side.config().auth().mode().challenges() ? null : password;
    }

    /** Sends a control frame that needs no answer (an acknowledgement). */
    final void sendUnanswered(Message message) {
        connection.sendUplink(connection.uplink().config().controlFrameBytes(), message, Departure.NONE);
    }

    final void enterPhase(FlowPhase next) {
        if (next == FlowPhase.COMPLETE) {
            completeSent = true;
        }
        double now = scheduler.nowSeconds();
        closePhase(now);
        phase = next;
        phaseStartedAtSeconds = now;
        side.listener().phaseChanged(this, next, now);
    }

    /** Adds the time since the phase began to the phase's total (a phase may be entered again). */
    private void closePhase(double now) {
        double spent = now - phaseStartedAtSeconds;
        double before = phaseSeconds[phase.ordinal()];
        phaseSeconds[phase.ordinal()] = Double.isNaN(before) ? spent : before + spent;
    }

    /** Records the outcome of a digest check: the terminal's own, or the station's as it reported it. */
    final void integrityChecked(boolean matched) {
        integrity = matched ? IntegrityCheck.VERIFIED : IntegrityCheck.MISMATCHED;
    }

    /** The terminal's outcome is settled: stop everything and release the connection. */
    final void decide(FlowOutcome outcome) {
        if (decided != null) {
            return;
        }
        decided = outcome;
        control.answered();
        stopTransfer();
        enterPhase(FlowPhase.RELEASE);
        connection.release(Side.TERMINAL);
    }

    @Override
    public final void connectionEnded(ConnectionEnd end) {
        if (decided == null) {
            decided = switch (end) {
                case DROPPED -> FlowOutcome.LINK_DROPPED;
                case STATION_DOWN -> FlowOutcome.STATION_DOWN;
                case RELEASED_BY_STATION, RELEASED_BY_TERMINAL -> FlowOutcome.RETRIES_EXHAUSTED;
            };
            control.answered();
            stopTransfer();
        }
        tally();
        if (triesAgain(decided)) {
            reconnectLater();
        } else {
            finish(decided);
        }
    }

    /**
     * True if an attempt that ended with {@code outcome} is followed by another: an outcome that
     * {@link ResumeConfig#retries retries}, attempts left, and the terminal had not sent its complete
     * command (after which it could not tell whether to send again; a backup learns its outcome on the
     * next contact instead).
     */
    private boolean triesAgain(FlowOutcome outcome) {
        ResumeConfig resume = side.config().resume();
        return resume.retries(outcome) && attempt < resume.attempts() && !completeSent;
    }

    /** Adds the ended connection's uplink and control sender's counts to the flow's. */
    private void tally() {
        controlSent = controlSent.plus(control.counts());
        uplink = uplink.plus(connection.uplink().counts());
    }

    private void finish(FlowOutcome outcome) {
        double now = scheduler.nowSeconds();
        closePhase(now);
        ended = true;
        TransferCounts data = dataSent();
        // The uplink's counts with the terminal's retransmissions: its control messages' and its data frames'.
        DirectionCounts sent = uplink.plusRetransmissions(
                controlSent.messagesRetransmitted() + data.framesRetransmitted());
        TerminalRecord record = new TerminalRecord(id, kind, terminal.phoneNumber(), addressedNumber, station.id(),
                outcome, phase, startSeconds, now, userDataBytes(), integrity, PhaseTimes.of(phaseSeconds), data,
                controlSent, sent, attempt, accessRetries, bytesNeeded(), chunksRepaired);
        side.flowEnded(terminal);
        finished(outcome, completeSent);
        side.listener().flowEnded(this, record);
    }

    /** Called once when the flow ends; {@code completeSent} if the terminal had sent its complete command. */
    void finished(FlowOutcome outcome, boolean completeSent) {}

    @Override
    public final long id() {
        return id;
    }

    @Override
    public final FlowKind kind() {
        return kind;
    }

    @Override
    public final Terminal terminal() {
        return terminal;
    }

    @Override
    public final BaseStation station() {
        return station;
    }

    @Override
    public final PhoneNumber addressedNumber() {
        return addressedNumber;
    }

    @Override
    public final FlowPhase phase() {
        return phase;
    }

    @Override
    public final boolean isEnded() {
        return ended;
    }

    @Override
    public String toString() {
        return kind + "#" + id + "[" + terminal.phoneNumber() + " -> " + station.id() + ", " + phase + "]";
    }
}
