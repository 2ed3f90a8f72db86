/*
 * Cohort view: the comparison table of cohorts (stage counts, cycles to first breakdown as median and quartiles of
 * each cohort's sorted distribution, mean initial / stable / average CE) and a box plot of cycles to first
 * breakdown drawn as plain SVG. Refreshed every 5 s and soon after the status stream reports a change.
 */
"use strict";

(() => {
  const C = Cellfloor;
  const SVG = "http://www.w3.org/2000/svg";
  const info = window.cellfloorCohorts = { rows: 0, boxes: 0, refreshes: 0 };
  let timer = null;

  /** Quantile q of an ascending array, linear between the closest ranks. */
  function quantile(sorted, q) {
    if (!sorted.length) {
      return null;
    }
    const pos = (sorted.length - 1) * q;
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
  }

  /** 1, 2 or 5 times a power of ten: axis steps a reader can add up. */
  function niceStep(raw) {
    const p = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
    return [1, 2, 5, 10].map(m => m * p).find(s => s >= raw);
  }

  function numbers(list) {
    return (list || []).filter(v => typeof v === "number").slice().sort((a, b) => a - b);
  }

  function stageBar(c) {
    const parts = [["STABLE", c.stable], ["RECOVERABLE", c.recoverable], ["IRRECOVERABLE", c.irrecoverable], ["HARD_SHORT", c.hardShort]];
    const total = parts.reduce((s, p) => s + (p[1] || 0), 0) || 1;
    return '<span class="stagebar" aria-hidden="true">' + parts.map(([s, n]) => '<span style="width:'
      + (100 * (n || 0) / total).toFixed(1) + '%;background:' + C.STAGE_COLOR[s] + '"></span>').join("") + "</span>";
  }

  function renderTable(items) {
    const withAverage = items.some(c => c.meanAverageCePercent !== undefined);
    const head = ["Cohort", "Channels", "Stable", "Recoverable", "Irrecoverable", "Hard short", "Stages",
      "Broke down", "Cycles to 1st breakdown: median", "Q1–Q3", "min–max", "Hours to 1st breakdown: median",
      "Mean initial CE (%)", "Mean stable CE (%)"].concat(withAverage ? ["Mean average CE (%)"] : []);
    document.querySelector("#cohorts thead").innerHTML = "<tr>" + head.map((h, k) => '<th scope="col"'
      + (k > 0 && k !== 6 ? ' class="num"' : "") + ">" + h + "</th>").join("") + "</tr>";
    const rows = items.map(c => {
      const cycles = numbers(c.cyclesToFirstBreakdown);
      const hours = numbers(c.hoursToFirstBreakdown);
      const cells = [
        '<th scope="row">' + C.escapeHtml(c.cohort) + "</th>",
        num(c.channels, 0), num(c.stable, 0), num(c.recoverable, 0), num(c.irrecoverable, 0), num(c.hardShort, 0),
        "<td>" + stageBar(c) + "</td>",
        num(cycles.length, 0), num(quantile(cycles, 0.5), 1),
        '<td class="num">' + (cycles.length ? C.fmt(quantile(cycles, 0.25), 1) + "–" + C.fmt(quantile(cycles, 0.75), 1) : "–") + "</td>",
        '<td class="num">' + (cycles.length ? cycles[0] + "–" + cycles[cycles.length - 1] : "–") + "</td>",
        num(quantile(hours, 0.5), 1), num(c.meanInitialCePercent, 2), num(c.meanStableCePercent, 2)];
      if (withAverage) {
        cells.push(num(c.meanAverageCePercent, 2));
      }
      return '<tr data-cohort="' + C.escapeHtml(c.cohort) + '">' + cells.join("") + "</tr>";
    });
    document.querySelector("#cohorts tbody").innerHTML = rows.length ? rows.join("")
      : '<tr><td colspan="' + head.length + '">No cohorts yet: channels join one when their cell test is known.</td></tr>';
    info.rows = items.length;
  }

  function num(v, digits) {
    return '<td class="num">' + C.fmt(v, digits) + "</td>";
  }

  function el(name, attrs, text) {
    const e = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs)) {
      e.setAttribute(k, v);
    }
    if (text !== undefined) {
      e.textContent = text;
    }
    return e;
  }

  function renderBoxes(items) {
    const rows = items.map(c => ({ cohort: c.cohort, v: numbers(c.cyclesToFirstBreakdown) })).filter(r => r.v.length);
    const holder = document.querySelector("#box-plot .chart");
    const width = Math.max(520, holder.clientWidth || 900);
    const label = Math.min(360, width * 0.4);
    const rowH = 26;
    const height = 34 + rows.length * rowH;
    const step = niceStep(Math.max(1, ...rows.map(r => r.v[r.v.length - 1])) / 5);
    const max = step * Math.max(1, Math.ceil(Math.max(1, ...rows.map(r => r.v[r.v.length - 1])) / step));
    const x = v => label + 10 + (width - label - 30) * v / max;
    const svg = el("svg", { width, height, viewBox: "0 0 " + width + " " + height, role: "img", "aria-labelledby": "box-title box-desc" });
    svg.appendChild(el("title", { id: "box-title" }, "Cycles to first breakdown per cohort"));
    svg.appendChild(el("desc", { id: "box-desc" }, rows.map(r => r.cohort + ": median " + C.fmt(quantile(r.v, 0.5), 1)
      + " cycles over " + r.v.length + " channels").join("; ") || "No cohort has a breakdown yet."));
    for (let v = 0; v <= max + step / 2; v += step) {
      svg.appendChild(el("line", { x1: x(v), x2: x(v), y1: 4, y2: height - 22, stroke: "#e1e4e8" }));
      svg.appendChild(el("text", { x: x(v), y: height - 8, "text-anchor": "middle" }, C.fmt(v, step < 1 ? 1 : 0)));
    }
    svg.appendChild(el("text", { x: label, y: height - 8, "text-anchor": "end" }, "cycles to first breakdown"));
    rows.forEach((r, k) => {
      const y = 8 + k * rowH + rowH / 2;
      const q1 = quantile(r.v, 0.25);
      const q3 = quantile(r.v, 0.75);
      const g = el("g", { class: "box", "data-cohort": r.cohort });
      g.appendChild(el("text", { x: label, y: y + 4, "text-anchor": "end" }, r.cohort));
      g.appendChild(el("line", { x1: x(r.v[0]), x2: x(r.v[r.v.length - 1]), y1: y, y2: y, stroke: "#24292f" }));
      g.appendChild(el("rect", { x: x(q1), y: y - 8, width: Math.max(2, x(q3) - x(q1)), height: 16, fill: "#90caf9", stroke: "#24292f" }));
      g.appendChild(el("line", { x1: x(quantile(r.v, 0.5)), x2: x(quantile(r.v, 0.5)), y1: y - 8, y2: y + 8, stroke: "#b71c1c", "stroke-width": 3 }));
      for (const v of r.v) {
        g.appendChild(el("circle", { cx: x(v), cy: y, r: 2.5, fill: "#24292f", "fill-opacity": 0.6 }));
      }
      svg.appendChild(g);
    });
    holder.replaceChildren(svg);
    info.boxes = rows.length;
    document.getElementById("box-plot").dataset.boxes = rows.length;
  }

  async function refresh() {
    timer = null;
    try {
      const body = await C.getJson("/api/cohorts");
      const items = (body.items || []).slice().sort((a, b) => C.naturalOrder(String(a.cohort), String(b.cohort)));
      C.showStale(body.stale || items.some(c => c.stale));
      renderTable(items);
      renderBoxes(items);
      info.refreshes++;
      C.notice("");
    } catch (e) {
      if (e.status !== 401) {
        C.notice("Could not load the cohorts (" + e.message + "); trying again shortly.", true);
      }
    }
  }

  function schedule(delayMs) {
    if (!timer) {
      timer = setTimeout(refresh, delayMs);
    }
  }

  refresh();
  setInterval(() => schedule(0), 5000);
  const liveEl = document.getElementById("live");
  const source = C.stream(() => schedule(2000), () => {
    liveEl.textContent = "reconnecting…";
  });
  source.addEventListener("open", () => {
    liveEl.textContent = "live";
  });
})();
