package io.cellfloor.domain;

/** A cell moved forward a stage at {@code cycleNumber}, for {@code reason} (the evidence in words). */
public record StageChange(int cycleNumber, CellStage from, CellStage to, String reason) {
}
