/*
 * Channel view: the recent voltage trace with detected events, CE vs cycle shaded by stage (the paper's Fig. 3,
 * live), capacities, nucleation overpotential and DC resistance per cycle, and the cell's test metadata. Refreshes
 * when the status stream reports this channel, and every 15 s regardless.
 */
"use strict";

(() => {
  const C = Cellfloor;
  const id = new URLSearchParams(location.search).get("id");
  const enc = encodeURIComponent(id || "");
  const state = { cycles: [], events: [], trace: { t: [], v: [], i: [] } };
  const plots = window.cellfloorPlots = {};
  const info = window.cellfloorChannel = { refreshes: 0, cycles: 0, events: 0, tracePoints: 0, traceMarkers: 0, ceMarkers: 0 };
  let refreshTimer = null;

  function alpha(hex, a) {
    const n = parseInt(hex.slice(1), 16);
    return "rgba(" + (n >> 16) + "," + ((n >> 8) & 255) + "," + (n & 255) + "," + a + ")";
  }

  function chartWidth(figure) {
    return Math.max(320, figure.querySelector(".chart").clientWidth || figure.clientWidth - 20);
  }

  /* Stage bands behind the CE series: consecutive cycles of one stage become one rectangle. */
  function drawStageBands(u) {
    const cycles = state.cycles;
    if (!cycles.length) {
      return;
    }
    const ctx = u.ctx;
    const { top, height } = u.bbox;
    ctx.save();
    let start = 0;
    for (let k = 1; k <= cycles.length; k++) {
      if (k === cycles.length || C.stageOf(cycles[k].stage) !== C.stageOf(cycles[start].stage)) {
        const x0 = u.valToPos(cycles[start].cycleNumber - 0.5, "x", true);
        const x1 = u.valToPos(cycles[k - 1].cycleNumber + 0.5, "x", true);
        ctx.fillStyle = alpha(C.STAGE_COLOR[C.stageOf(cycles[start].stage)], 0.28);
        ctx.fillRect(Math.max(x0, u.bbox.left), top, Math.min(x1, u.bbox.left + u.bbox.width) - Math.max(x0, u.bbox.left), height);
        start = k;
      }
    }
    ctx.restore();
  }

  function eventCycles() {
    return [...new Set(state.events.map(e => e.cycleNumber))];
  }

  function drawCeMarkers(u) {
    const ctx = u.ctx;
    const { left, top, width, height } = u.bbox;
    let drawn = 0;
    ctx.save();
    ctx.strokeStyle = "#b71c1c";
    ctx.lineWidth = 1.5 * devicePixelRatio;
    ctx.setLineDash([5 * devicePixelRatio, 4 * devicePixelRatio]);
    for (const n of eventCycles()) {
      const x = u.valToPos(n, "x", true);
      if (x >= left && x <= left + width) {
        ctx.beginPath();
        ctx.moveTo(x, top);
        ctx.lineTo(x, top + height);
        ctx.stroke();
        drawn++;
      }
    }
    ctx.restore();
    info.ceMarkers = drawn;
    document.getElementById("ce-plot").dataset.markers = drawn;
  }

  /* Events that overlap the time span of the recent trace. */
  function eventsInTrace() {
    const t = state.trace.t || [];
    return t.length ? state.events.filter(e => e.endMs >= t[0] && e.startMs <= t[t.length - 1]) : [];
  }

  function drawTraceEvents(u) {
    const ctx = u.ctx;
    const { left, top, width, height } = u.bbox;
    let drawn = 0;
    const shown = eventsInTrace();
    if (shown.length) {
      ctx.save();
      for (const e of shown) {
        const x0 = Math.max(left, u.valToPos(e.startMs, "x", true));
        const x1 = Math.min(left + width, u.valToPos(e.endMs, "x", true));
        ctx.fillStyle = "rgba(229,57,53,0.25)";
        ctx.fillRect(x0, top, Math.max(x1 - x0, 2 * devicePixelRatio), height);
        ctx.fillStyle = "#b71c1c";
        ctx.fillRect(x0, top, 2 * devicePixelRatio, height);
        drawn++;
      }
      ctx.restore();
    }
    info.traceMarkers = drawn;
    document.getElementById("trace-plot").dataset.markers = drawn;
  }

  function makePlot(key, figureId, opts, data) {
    const figure = document.getElementById(figureId);
    const chart = figure.querySelector(".chart");
    if (!plots[key]) {
      plots[key] = new uPlot(Object.assign({ width: chartWidth(figure), height: 260 }, opts), data, chart);
      new ResizeObserver(() => plots[key].setSize({ width: chartWidth(figure), height: 260 })).observe(chart);
    } else {
      plots[key].setData(data);
    }
    figure.dataset.points = data[0].length;
  }

  function renderTrace() {
    const tr = state.trace;
    makePlot("trace", "trace-plot", {
      ms: 1,
      scales: { x: { time: true } },
      series: [{ label: "time" },
        { label: "voltage (V)", stroke: "#1565c0", width: 1.5, scale: "V", points: { show: false } },
        { label: "current (mA)", stroke: "#8e8e8e", width: 1, scale: "mA", points: { show: false } }],
      axes: [{}, { scale: "V", label: "V" }, { scale: "mA", side: 1, label: "mA", grid: { show: false } }],
      hooks: { draw: [drawTraceEvents] }
    }, [tr.t || [], tr.v || [], (tr.i || []).map(a => a === null ? null : a * 1000)]);
    info.tracePoints = (tr.t || []).length;
    document.querySelector("#trace-plot .summary").textContent = info.tracePoints
      ? info.tracePoints + " samples from " + C.fmtTime(tr.t[0]) + " to " + C.fmtTime(tr.t[tr.t.length - 1])
        + "; " + eventsInTrace().length + " events in this window."
      : "No recent samples.";
  }

  function perCycle(fn) {
    return state.cycles.map(c => {
      const v = fn(c);
      return v === undefined || v === null || Number.isNaN(v) ? null : v;
    });
  }

  function renderCycles() {
    const x = state.cycles.map(c => c.cycleNumber);
    makePlot("ce", "ce-plot", {
      scales: { x: { time: false } },
      series: [{ label: "cycle" },
        { label: "CE (%)", stroke: "#263238", width: 1.5, points: { show: true, size: 5 }, spanGaps: false }],
      axes: [{ label: "cycle" }, { label: "CE (%)" }],
      hooks: { drawClear: [drawStageBands], draw: [drawCeMarkers] }
    }, [x, perCycle(c => c.cePercent)]);
    makePlot("capacity", "capacity-plot", {
      scales: { x: { time: false } },
      series: [{ label: "cycle" },
        { label: "charge (mAh)", stroke: "#2e7d32", width: 1.5, points: { show: true, size: 4 } },
        { label: "discharge (mAh)", stroke: "#6a1b9a", width: 1.5, points: { show: true, size: 4 } }],
      axes: [{ label: "cycle" }, { label: "mAh" }]
    }, [x, perCycle(c => c.charge && c.charge.capacityMAh), perCycle(c => c.discharge && c.discharge.capacityMAh)]);
    makePlot("features", "features-plot", {
      scales: { x: { time: false } },
      series: [{ label: "cycle" },
        { label: "nucleation overpotential (mV)", stroke: "#c62828", width: 1.5, scale: "mV", points: { show: true, size: 4 } },
        { label: "DC resistance (Ω)", stroke: "#00838f", width: 1.5, scale: "ohm", points: { show: true, size: 4 } }],
      axes: [{ label: "cycle" }, { scale: "mV", label: "mV" }, { scale: "ohm", side: 1, label: "Ω", grid: { show: false } }]
    }, [x, perCycle(c => c.features && c.features.nucleationOverpotentialV !== null ? c.features.nucleationOverpotentialV * 1000 : null),
      perCycle(c => c.features && c.features.dcResistanceOhm)]);
    info.cycles = x.length;
    const last = state.cycles[state.cycles.length - 1];
    document.querySelector("#ce-plot .summary").textContent = x.length
      ? x.length + " cycles (" + x[0] + " to " + x[x.length - 1] + "); stage after the last: "
        + C.STAGE_LABEL[C.stageOf(last.stage)] + "; " + eventCycles().length + " cycles with events."
      : "No closed cycles yet.";
    document.querySelector("#capacity-plot .summary").textContent = x.length
      ? "Last cycle: charge " + C.fmt(last.charge && last.charge.capacityMAh, 3) + " mAh, discharge "
        + C.fmt(last.discharge && last.discharge.capacityMAh, 3) + " mAh." : "";
    document.querySelector("#features-plot .summary").textContent = x.length && last.features
      ? "Last cycle: " + C.fmt(last.features.nucleationOverpotentialV === null ? null : last.features.nucleationOverpotentialV * 1000, 1)
        + " mV, " + C.fmt(last.features.dcResistanceOhm, 2) + " Ω." : "";
  }

  function dl(el, rows) {
    el.innerHTML = rows.map(([k, v]) => "<dt>" + C.escapeHtml(k) + "</dt><dd>" + C.escapeHtml(v) + "</dd>").join("");
  }

  function renderStatus(body) {
    const s = body.status || {};
    const stage = C.stageOf(s.stage);
    const badge = document.getElementById("stage");
    badge.className = "badge st-" + stage;
    badge.textContent = C.STAGE_LABEL[stage];
    badge.dataset.stage = stage;
    dl(document.getElementById("status"), [
      ["station", s.stationId], ["test", s.testId], ["stage", C.STAGE_LABEL[stage]],
      ["last cycle", C.fmt(s.lastCycle, 0)], ["last CE", C.fmt(s.lastCePercent, 2) + " %"],
      ["initial CE", C.fmt(s.initialCePercent, 2) + " %"],
      ["mean CE while stable", s.stableCeCount ? C.fmt(s.stableCeSum / s.stableCeCount, 2) + " %" : "–"],
      ["average CE (reservoir protocol)", s.averageCePercent === undefined || s.averageCePercent === null ? "–" : C.fmt(s.averageCePercent, 2) + " %"],
      ["cycles to first breakdown", C.fmt(s.cyclesToFirstBreakdown, 0)],
      ["hours to first breakdown", C.fmt(s.hoursToFirstBreakdown, 1)],
      ["cycles to irrecoverable", C.fmt(s.cyclesToIrrecoverable, 0)],
      ["cohort", s.cohort || "–"], ["test started", C.fmtTime(s.testStartMs)], ["updated", C.fmtTime(s.updatedMs)],
      ["served by", body.servedBy || "–"]]);
    const t = body.cellTest;
    const avg = t && t.averageCe;
    dl(document.getElementById("cell-test"), t ? [
      ["cell", t.cellKind], ["SSE", t.electrolyte], ["current collector", t.collector], ["area", C.fmt(t.areaCm2, 3) + " cm²"],
      ["current density", C.fmt(t.currentDensityMAcm2, 2) + " mA/cm²"],
      ["areal capacity", C.fmt(t.arealCapacityMAhCm2, 2) + " mAh/cm²"],
      ["cut-off", C.fmt(t.cutoffLowV, 2) + " V to " + C.fmt(t.cutoffHighV, 2) + " V"],
      ["stack pressure", C.fmt(t.stackPressureMPa, 1) + " MPa"], ["CE direction", t.ceDirection],
      ["average-CE protocol", avg ? C.fmt(avg.reservoirMAh, 3) + " mAh reservoir, " + C.fmt(avg.cycledMAh, 3) + " mAh × " + avg.cycles : "none"]]
      : [["test", "no cell test registered for this channel"]]);
  }

  function renderEvents() {
    info.events = state.events.length;
    const rows = state.events.map(e => "<tr><td class=\"num\">" + e.cycleNumber + "</td><td>" + C.escapeHtml(e.halfCycle || "cycle")
      + "</td><td>" + C.escapeHtml(e.type) + "</td><td>" + C.fmtTime(e.startMs) + "</td><td class=\"num\">"
      + C.fmt((e.endMs - e.startMs) / 1000, 1) + "</td><td class=\"num\">" + C.fmt(e.severity, 2) + "</td><td>"
      + (e.recovered ? "yes" : "no") + "</td></tr>");
    document.querySelector("#events tbody").innerHTML = rows.length ? rows.join("")
      : '<tr><td colspan="7">No breakdown events detected.</td></tr>';
  }

  async function refresh() {
    refreshTimer = null;
    // The status decides whether there is a channel at all; the other parts may fail alone (e.g. a 503 while
    // partitions move) and the page shows what it has.
    const [body, cycles, events, trace] = await Promise.allSettled([
      C.getJson("/api/channels/" + enc),
      C.getJson("/api/channels/" + enc + "/cycles?page=0&size=500"),
      C.getJson("/api/channels/" + enc + "/events?page=0&size=500"),
      C.getJson("/api/channels/" + enc + "/trace")]);
    if (body.status === "rejected") {
      const e = body.reason;
      if (e.status === 404) {
        C.notice("No channel '" + id + "' on this floor (" + e.message + ").", true);
      } else if (e.status !== 401) {
        C.notice("Could not load the channel (" + e.message + "); trying again shortly.", true);
      }
      return;
    }
    const failed = [["cycles", cycles], ["events", events], ["trace", trace]].filter(([, r]) => r.status === "rejected");
    if (failed.some(([, r]) => r.reason.status === 401)) {
      return;
    }
    const ok = r => r.status === "fulfilled" ? r.value : null;
    C.showStale([body, cycles, events, trace].some(r => ok(r) && ok(r).stale));
    if (ok(cycles)) {
      state.cycles = (cycles.value.items || []).slice().sort((a, b) => a.cycleNumber - b.cycleNumber);
    }
    if (ok(events)) {
      state.events = events.value.items || [];
    }
    if (ok(trace)) {
      state.trace = trace.value;
    }
    renderStatus(body.value);
    renderEvents();
    renderCycles();
    renderTrace();
    info.refreshes++;
    C.notice(failed.length ? "Could not load " + failed.map(([name, r]) => name + " (" + r.reason.message + ")").join(", ")
      + "; showing the last known, trying again shortly." : "", failed.length > 0);
    if (failed.length) {
      scheduleRefresh(5000);
    }
  }

  function scheduleRefresh(delayMs) {
    if (!refreshTimer) {
      refreshTimer = setTimeout(refresh, delayMs);
    }
  }

  if (!id) {
    C.notice("No channel given: open a tile on the floor view, or add ?id=<channelId> to the address.", true);
    return;
  }
  document.getElementById("channel-id").textContent = id;
  document.title = "cellfloor · " + id;
  refresh();
  setInterval(() => scheduleRefresh(0), 15000);
  const liveEl = document.getElementById("live");
  const source = C.stream(t => {
    if (t.channelId === id) {
      scheduleRefresh(500);
    }
  }, () => {
    liveEl.textContent = "reconnecting…";
    scheduleRefresh(0);
  });
  source.addEventListener("open", () => {
    liveEl.textContent = "live";
  });
})();
