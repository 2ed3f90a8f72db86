package io.cellfloor.sim;

import io.cellfloor.domain.CellKind;
import java.util.ArrayList;
import java.util.List;

/** The breakdown stories of a generated floor, in the order they are handed out, and the cells they suit. */
enum BreakdownStory {
    PAPER_LPSC {
        @Override
        boolean suits(final FloorCell cell) {
            return cell.kind == CellKind.ASYMMETRIC && cell.electrolyte.startsWith("LP") && cell.collector.equals("SS")
                    && cell.cutoffHigh > 1.0;
        }

        @Override
        List<Injection> injections(final int first) {
            return Scenarios.paperLpscStory(first);
        }
    },
    SYMMETRIC_HIDDEN {
        @Override
        boolean suits(final FloorCell cell) {
            return cell.kind == CellKind.SYMMETRIC;
        }

        @Override
        List<Injection> injections(final int first) {
            return Scenarios.symmetricHidden(first);
        }
    },
    OVER_CURRENT {
        @Override
        boolean suits(final FloorCell cell) {
            return cell.kind == CellKind.ASYMMETRIC && cell.currentDensity >= 1.0;
        }

        @Override
        List<Injection> injections(final int first) {
            return Scenarios.overCurrent(first + 2);
        }
    },
    RECOVERABLE_THEN_HARD_SHORT {
        @Override
        boolean suits(final FloorCell cell) {
            return cell.kind == CellKind.ASYMMETRIC;
        }

        @Override
        List<Injection> injections(final int first) {
            final List<Injection> out = new ArrayList<>(Scenarios.recoverableSoftShorts(first, 3, 2));
            out.addAll(Scenarios.suddenHardShort(first + 7, 12.0));
            return out;
        }
    },
    SUDDEN_HARD_SHORT {
        @Override
        boolean suits(final FloorCell cell) {
            return cell.kind != CellKind.FULL;
        }

        @Override
        List<Injection> injections(final int first) {
            return Scenarios.suddenHardShort(first + 3, 5.0);
        }
    };

    abstract boolean suits(FloorCell cell);

    abstract List<Injection> injections(int first);
}

