/**
 * Readers for the files cycler software writes, one small class per format behind {@link
 * io.cellfloor.ingest.format.CyclerFileReader}, and a {@link io.cellfloor.ingest.format.FormatSniffer} that picks
 * the reader from a file's content.
 *
 * <p>Why it exists: on a test floor the station agent reads whatever the cycler PC's software writes, and vendors
 * change their exports with every update. Every vendor quirk (units, signs, capacity resets, local clocks) is
 * resolved here, once, so nothing downstream needs to know which instrument a sample came from.
 *
 * <h2>What every reader guarantees</h2>
 * <ul>
 *   <li><b>Units</b>: {@link io.cellfloor.domain.Sample} times in epoch ms, current in A, voltage in V, capacities
 *       in Ah, temperature in degC, whatever the file writes (mA, mA.h, mV, hh:mm:ss, K ...).</li>
 *   <li><b>Sign</b>: current is positive while charging. Unsigned currents (Maccor) are signed from the state
 *       column; {@code stepType} carries the instrument's own step kind where the file has one, else null.</li>
 *   <li><b>Time</b>: test start plus test time (see {@code TimeBase}): the start comes from the first row's
 *       wall-clock time, read in {@link io.cellfloor.ingest.format.ReaderOptions#zone()} (the cycler PC's zone),
 *       else from the header, else {@link io.cellfloor.ingest.format.ReaderOptions#fallbackStartMs()}. Readers do
 *       not reorder or drop rows with repeated times: the instrument wrote them; the topology decides.</li>
 *   <li><b>Indices</b>: {@code cycleIndex} and {@code stepIndex} as the instrument numbers them (Maccor counts
 *       cycles from 0, Arbin and Neware from 1; the step is the program step, not a running count); a file's
 *       explicit 1-based {@code cycle_index} column wins over BioLogic's 0-based "cycle number".</li>
 *   <li><b>Capacity convention</b>: {@code chargeAh} and {@code dischargeAh} are the instrument's own charge and
 *       discharge capacity <em>since the start of the current cycle</em> (the cycle as the instrument's cycle index
 *       defines it), NaN where the format has no capacity columns (the full rule is on {@link
 *       io.cellfloor.domain.Sample}). Arbin counts that way already; BioLogic restarts a counter at every change
 *       of direction and Neware and Maccor at every step, so their readers sum the cycle's finished runs; NREL's
 *       running throughput totals have the totals at the previous cycle's end subtracted. Hence, in every format, the
 *       last sample of a cycle carries the instrument's charge and discharge of that cycle, which is what the
 *       topology cross-checks its own coulomb count against. A file that starts inside a cycle shows the
 *       instrument's counts from that cycle's real start, where the instrument carried them.</li>
 *   <li><b>Nothing silent</b>: every data row comes back as an {@link io.cellfloor.ingest.format.AcceptedRow} or
 *       a {@link io.cellfloor.ingest.format.RejectedRow} (file, 1-based line or record, reason); instrument total
 *       rows as {@link io.cellfloor.ingest.format.InstrumentSummary}; header and blank lines are counted in
 *       {@link io.cellfloor.ingest.format.ReadCounts}. Missing, non-numeric or NaN mandatory values (time, current,
 *       voltage), non-numeric optional values, and magnitudes beyond
 *       {@link io.cellfloor.ingest.format.ReaderOptions#maxAbsVoltageV()} or {@code maxAbsCurrentA()} (wrong units)
 *       are reasons to reject. Readers never throw on row content.</li>
 *   <li><b>Streaming</b>: text is read through a 64 KiB buffer and parsed from bytes; .res files through
 *       Jackcess's page cache. No reader holds more than a row.</li>
 * </ul>
 *
 * <h2>Formats</h2>
 * Arbin CSV ({@code ArbinCsvReader}) and .res ({@code ArbinResReader}), Neware flat CSV ({@code NewareCsvReader})
 * and regular export ({@code NewareRegularReader}), BioLogic .mpt and delimited text ({@code BiologicReader}),
 * Maccor text, both dialects ({@code MaccorReader}), BatteryData.Energy.Gov CSV ({@code BatteryDataCsvReader}),
 * and anything else delimited through a {@link io.cellfloor.ingest.format.CsvMapping} file ({@code
 * MappedCsvReader}). Neware .nda binaries are decoded for BTS 9.1 (file version 130; {@code NewareNdaReader});
 * other .nda versions are recognised and refused at open with a request for a CSV export.
 */
package io.cellfloor.ingest.format;
