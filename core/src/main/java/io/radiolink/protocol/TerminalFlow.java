package io.radiolink.protocol;

import io.radiolink.engine.Scheduler;
import io.radiolink.node.BaseStation;
import io.radiolink.node.PasswordVerifier;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.Terminal;
import io.radiolink.radio.AccessCallback;
import io.radiolink.radio.Connection;
import io.radiolink.radio.ConnectionEnd;
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
abstract sealed class TerminalFlow implements Flow, Endpoint<Message>, AccessCallback<Message>
        permits BackupFlow, DownloadFlow {

    final BackupService service;
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
    private FlowRecord record;
    private StationEffect stationEffect = StationEffect.NONE;
    String password;
    Connection<Message> connection;
    StationSession session;
    ControlSender control;

    TerminalFlow(BackupService service, long id, FlowKind kind, Terminal terminal,
            PhoneNumber addressedNumber, BaseStation station) {
        this.service = service;
        this.scheduler = service.scheduler();
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
        service.flowStarted(terminal);
        service.listener().flowStarted(this, startSeconds);
        Optional<String> entered = terminal.maintenancePassword();
        if (entered.isEmpty()) {
            finish(FlowOutcome.PASSWORD_NOT_ENTERED);
            return;
        }
        password = entered.get();
        station.cell().connect(this);
    }

    @Override
    public final void blocked() {
        finish(FlowOutcome.BLOCKED);
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
        finish(FlowOutcome.ACCESS_FAILED);
    }

    @Override
    public final void established(Connection<Message> established) {
        connection = established;
        session = new StationSession(station, established, service, this::stationEffect,
                this::integrityChecked);
        established.attach(this, session);
        int controlBytes = established.uplink().config().controlFrameBytes();
        control = new ControlSender(scheduler, service.config().control(),
                message -> established.sendUplink(controlBytes, message),
                () -> decide(FlowOutcome.RETRIES_EXHAUSTED));
        enterPhase(FlowPhase.REQUEST);
        control.send(request());
    }

    /** The request this flow opens with. */
    abstract Message request();

    /** Handles a message from the station while the outcome is undecided. */
    abstract void onMessage(Message message);

    /** Stops the data transfer, if one runs. */
    abstract void stopTransfer();

    /** Bytes of user data transferred or announced so far. */
    abstract long userDataBytes();

    abstract long dataFramesSent();

    abstract long dataFramesRetransmitted();

    private boolean deliveryDamaged;

    @Override
    public final void receiveDamaged(Message message) {
        deliveryDamaged = true;
        try {
            receive(message);
        } finally {
            deliveryDamaged = false;
        }
    }

    /** True while handling a unit whose damage slipped through the frame check. */
    final boolean deliveryDamaged() {
        return deliveryDamaged;
    }

    @Override
    public final void receive(Message message) {
        if (decided == null) {
            if (message instanceof Message.Challenge challenge) {
                answer(challenge);
            } else {
                onMessage(message);
            }
        }
    }

    /**
     * Challenge-response: answers the station's nonce with a proof made from the verifier of the typed
     * password, and hands over that verifier (for a first backup); the password stays on the terminal.
     */
    private void answer(Message.Challenge challenge) {
        if (phase != FlowPhase.REQUEST) {
            return;
        }
        PasswordVerifier verifier = PasswordVerifier.of(addressedNumber, password);
        control.send(new Message.ChallengeResponse(verifier.proof(challenge.nonce()), verifier));
    }

    /** The password to put in the request: none under challenge-response. */
    final String passwordForRequest() {
        return service.config().auth().mode() == AuthMode.CHALLENGE_RESPONSE ? null : password;
    }

    /** Sends a control frame that needs no answer (an acknowledgement). */
    final void sendUnanswered(Message message) {
        connection.sendUplink(connection.uplink().config().controlFrameBytes(), message);
    }

    final void enterPhase(FlowPhase next) {
        if (next == FlowPhase.COMPLETE) {
            completeSent = true;
        }
        double now = scheduler.nowSeconds();
        closePhase(now);
        phase = next;
        phaseStartedAtSeconds = now;
        service.listener().phaseChanged(this, next, now);
    }

    private void closePhase(double now) {
        phaseSeconds[phase.ordinal()] = now - phaseStartedAtSeconds;
    }

    /** Records the outcome of the receiver's digest check. */
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
        finish(decided);
    }

    private void stationEffect(StationEffect effect) {
        stationEffect = effect;
    }

    private void finish(FlowOutcome outcome) {
        double now = scheduler.nowSeconds();
        closePhase(now);
        record = new FlowRecord(id, kind, terminal.phoneNumber(), addressedNumber, station.id(),
                outcome, stationEffect, phase, startSeconds, now, userDataBytes(), integrity,
                PhaseTimes.of(phaseSeconds),
                dataFramesSent(), dataFramesRetransmitted(),
                control == null ? 0 : control.messagesSent(),
                control == null ? 0 : control.messagesRetransmitted(),
                connection == null ? 0 : connection.uplink().unitsSent(),
                connection == null ? 0 : connection.uplink().unitsLost(),
                connection == null ? 0 : connection.downlink().unitsSent(),
                connection == null ? 0 : connection.downlink().unitsLost(),
                connection == null ? 0 : connection.uplink().unitsCorrupted(),
                connection == null ? 0 : connection.downlink().unitsCorrupted());
        service.flowEnded(terminal);
        finished(outcome, completeSent);
        service.listener().flowEnded(this, record);
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
    public final Optional<FlowRecord> record() {
        return Optional.ofNullable(record);
    }

    @Override
    public String toString() {
        return kind + "#" + id + "[" + terminal.phoneNumber() + " -> " + station.id() + ", " + phase + "]";
    }
}
