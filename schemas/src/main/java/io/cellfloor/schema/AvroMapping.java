package io.cellfloor.schema;

import io.cellfloor.avro.AverageCeSummary;
import io.cellfloor.avro.CellTest;
import io.cellfloor.avro.CycleSummary;
import io.cellfloor.avro.HalfCycleSummary;
import io.cellfloor.domain.AverageCeProtocol;
import io.cellfloor.domain.AverageCeResult;
import io.cellfloor.domain.BreakdownEvent;
import io.cellfloor.domain.CellStage;
import io.cellfloor.domain.CeDirection;
import io.cellfloor.domain.CellKind;
import io.cellfloor.domain.CellSpec;
import io.cellfloor.domain.Cycle;
import io.cellfloor.domain.CycleFeatures;
import io.cellfloor.domain.Direction;
import io.cellfloor.domain.EndReason;
import io.cellfloor.domain.HalfCycle;
import io.cellfloor.domain.Sample;
import io.cellfloor.domain.StageChange;
import io.cellfloor.schema.serde.TrustedAvroClasses;
import java.util.TreeMap;

/** Converts between the Avro contracts and the domain's plain types; the domain never sees Avro. */
public final class AvroMapping {
    static {
        // copying a generated record (newBuilder(other)) looks classes up by name, which Avro 1.12 guards
        TrustedAvroClasses.install();
    }

    private AvroMapping() {
    }

    /** The cell of a CellTest; throws IllegalArgumentException with the reason when it makes no sense. */
    public static CellSpec cell(final CellTest t) {
        if (t.getCellKind() == io.cellfloor.avro.CellKind.UNKNOWN) {
            throw new IllegalArgumentException("cell kind UNKNOWN for channel " + t.getChannelId());
        }
        if (t.getCeDirection() == io.cellfloor.avro.CeDirection.UNKNOWN) {
            throw new IllegalArgumentException("CE direction UNKNOWN for channel " + t.getChannelId());
        }
        final var avg = t.getAverageCe();
        return new CellSpec(CellKind.valueOf(t.getCellKind().name()), t.getAreaCm2(), t.getElectrolyte(),
                t.getCollector(), t.getCurrentDensityMAcm2(), t.getArealCapacityMAhCm2(), t.getCutoffLowV(),
                t.getCutoffHighV(), t.getStackPressureMPa(), CeDirection.valueOf(t.getCeDirection().name()),
                avg == null ? null : new AverageCeProtocol(avg.getReservoirMAh(), avg.getCycledMAh(), avg.getCycles()));
    }

    public static CellTest cellTest(final String stationId, final String channelId, final String testId,
                                    final CellSpec c) {
        final var avg = c.averageCe();
        return CellTest.newBuilder()
                .setStationId(stationId).setChannelId(channelId).setTestId(testId)
                .setCellKind(io.cellfloor.avro.CellKind.valueOf(c.kind().name()))
                .setAreaCm2(c.areaCm2()).setElectrolyte(c.electrolyte()).setCollector(c.collector())
                .setCurrentDensityMAcm2(c.currentDensityMAcm2()).setArealCapacityMAhCm2(c.arealCapacityMAhCm2())
                .setCutoffLowV(c.cutoffLowV()).setCutoffHighV(c.cutoffHighV())
                .setStackPressureMPa(c.stackPressureMPa())
                .setCeDirection(io.cellfloor.avro.CeDirection.valueOf(c.ceDirection().name()))
                .setAverageCe(avg == null ? null : new io.cellfloor.avro.AverageCeProtocol(
                        avg.reservoirMAh(), avg.cycledMAh(), avg.cycles()))
                .build();
    }

    public static Direction direction(final io.cellfloor.avro.StepType t) {
        return switch (t) {
            case CHARGE -> Direction.CHARGE;
            case DISCHARGE -> Direction.DISCHARGE;
            case REST -> Direction.REST;
            case UNKNOWN -> null;
        };
    }

    public static CycleSummary summary(final String stationId, final String channelId, final String testId,
                                       final double areaCm2, final Cycle c) {
        return CycleSummary.newBuilder()
                .setStationId(stationId).setChannelId(channelId).setTestId(testId)
                .setCycleNumber(c.cycleNumber())
                .setCyclerCycleIndex(c.cyclerCycleIndex() == Sample.NO_INDEX ? null : c.cyclerCycleIndex())
                .setStartMs(c.startMs()).setEndMs(c.endMs())
                .setCeDirection(io.cellfloor.avro.CeDirection.valueOf(c.ceDirection().name()))
                .setCharge(half(c.charge(), areaCm2))
                .setDischarge(half(c.discharge(), areaCm2))
                .setCePercent(Double.isNaN(c.cePercent()) ? null : c.cePercent())
                .setComplete(c.complete())
                .setHasGap(c.hasGap())
                .setCellTestKnown(c.cellKnown())
                .setSampleCount(c.sampleCount())
                .setFeatures(features(c.features()))
                .setEvents(c.events().stream().map(e -> event(stationId, channelId, testId, e)).toList())
                .setStage(stage(c.stage()))
                .setStageChange(c.stageChange() == null ? null
                        : stageChange(stationId, channelId, testId, c.endMs(), c.stageChange()))
                .setAverageCe(averageCe(c.averageCe()))
                .setProtocol(io.cellfloor.avro.CycleProtocol.valueOf(c.protocol().name()))
                .setBoundaries(io.cellfloor.avro.CycleBoundaries.valueOf(c.boundaries().name()))
                .setCapacityMismatch(c.capacityMismatch())
                .build();
    }

    public static io.cellfloor.avro.BreakdownEvent event(final String stationId, final String channelId,
                                                         final String testId, final BreakdownEvent e) {
        return io.cellfloor.avro.BreakdownEvent.newBuilder()
                .setStationId(stationId).setChannelId(channelId).setTestId(testId)
                .setCycleNumber(e.cycleNumber())
                .setHalfCycle(e.halfCycle() == null ? null : io.cellfloor.avro.StepType.valueOf(e.halfCycle().name()))
                .setType(io.cellfloor.avro.BreakdownType.valueOf(e.type().name()))
                .setStartMs(e.startMs()).setEndMs(e.endMs())
                .setSeverity(e.severity()).setRecovered(e.recovered())
                .setEvidence(new TreeMap<>(e.evidence()))
                .build();
    }

    public static io.cellfloor.avro.StageChange stageChange(final String stationId, final String channelId,
                                                            final String testId, final long atMs,
                                                            final StageChange change) {
        return io.cellfloor.avro.StageChange.newBuilder()
                .setStationId(stationId).setChannelId(channelId).setTestId(testId)
                .setCycleNumber(change.cycleNumber()).setAtMs(atMs)
                .setFrom(stage(change.from())).setTo(stage(change.to()))
                .setReason(change.reason())
                .build();
    }

    public static io.cellfloor.avro.CellStage stage(final CellStage stage) {
        return io.cellfloor.avro.CellStage.valueOf(stage.name());
    }

    private static AverageCeSummary averageCe(final AverageCeResult r) {
        if (r == null) {
            return null;
        }
        return new AverageCeSummary(r.determinable(), r.determinable() ? r.cePercent() : null, r.reason(),
                r.reservoirMAh(), r.cycledMAh(), r.cycles(), r.finalStripMAh());
    }

    private static io.cellfloor.avro.CycleFeatures features(final CycleFeatures f) {
        return new io.cellfloor.avro.CycleFeatures(f.nucleationOverpotentialV(), f.platingOverpotentialV(),
                f.strippingOverpotentialV(), f.dcResistanceOhm(), f.platingNoiseRatio(), f.strippingNoiseRatio(),
                f.minAbsVoltageUnderCurrentV(), f.loggingIntervalS(), f.maxVoltageStepV(),
                f.openingDcResistanceOhm(), f.maxLoggingIntervalS(), f.notApplicable(), f.normalBehaviour());
    }

    private static HalfCycleSummary half(final HalfCycle h, final double areaCm2) {
        if (h == null) {
            return null;
        }
        final double mAh = h.capacityAh() * 1000.0;
        return HalfCycleSummary.newBuilder()
                .setStartMs(h.startMs()).setEndMs(h.endMs()).setDurationS(h.durationS())
                .setCapacityMAh(mAh)
                .setCapacityMAhCm2(Double.isNaN(areaCm2) ? Double.NaN : mAh / areaCm2)
                .setEndReason(endReason(h.endReason()))
                .setSampleCount(h.sampleCount()).setGapCount(h.gapCount()).setGapMs(h.gapMs())
                .setEndVoltageV(h.endVoltageV())
                .setCoulombCountMAh(h.coulombAh() * 1000.0)
                .setInstrumentMAh(Double.isNaN(h.instrumentAh()) ? null : h.instrumentAh() * 1000.0)
                .setInstrumentDifference(Double.isNaN(h.instrumentDifference()) ? null : h.instrumentDifference())
                .setSteps(h.steps())
                .setRestS(h.restMs() / 1000.0)
                .build();
    }

    private static io.cellfloor.avro.EndReason endReason(final EndReason r) {
        return io.cellfloor.avro.EndReason.valueOf(r.name());
    }
}
