package io.cellfloor.ingest.format;

/** The cycler export formats this package reads, as the {@link FormatSniffer} names them. */
public enum CyclerFormat {
    ARBIN_CSV("Arbin CSV export"),
    ARBIN_RES("Arbin .res (MS-Access database)"),
    NEWARE_CSV("Neware BTS flat CSV export"),
    NEWARE_REGULAR("Neware BTS regular export (cycle / step / record rows)"),
    NEWARE_NDA("Neware .nda binary"),
    BIOLOGIC("BioLogic EC-Lab / BT-Lab text export (.mpt, tab, semicolon or comma)"),
    MACCOR("Maccor text export"),
    BATTERYDATA_CSV("BatteryData.Energy.Gov (NREL) standard CSV"),
    MAPPED_CSV("delimited text described by a column mapping file");

    private final String description;

    CyclerFormat(final String description) {
        this.description = description;
    }

    /** A name for people: log lines and error messages. */
    public String description() {
        return description;
    }
}
