/*
 * Floor view: every channel as a tile coloured by stage and labelled with it, grouped by station. One fetch of
 * /api/floor builds the page with a single innerHTML; afterwards the status stream updates tiles in place,
 * batched into one DOM pass per animation frame so thousands of changes per second do not stutter.
 */
"use strict";

(() => {
  const C = Cellfloor;
  const SHORT = { STABLE: "S", RECOVERABLE: "R", IRRECOVERABLE: "I", HARD_SHORT: "H", UNKNOWN: "?" };
  const FILTERS = ["station", "sse", "collector", "cohort", "stage"];

  const tiles = new Map();      // channelId -> latest tile
  const elements = new Map();   // channelId -> <a class="tile">
  const groups = new Map();     // stationId -> {section, box, count}
  const pending = new Map();    // channelId -> tile waiting for the next frame
  let frameRequested = false;
  let rendered = false;         // status events that come before the first render wait in pending
  const filter = {};
  const floorEl = document.getElementById("floor");
  const liveEl = document.getElementById("live");

  /* What the benchmark and the browser test read: render time and live update batches. */
  const stats = window.cellfloorFloor = {
    renderedMs: null, tiles: 0, batches: 0, updates: 0, stageChanges: 0, maxBatchMs: 0, totalBatchMs: 0, lastBatchMs: 0,
    maxFrameMs: 0, totalFrameMs: 0, frames: 0
  };

  function shortName(t) {
    const prefix = t.stationId + "-";
    return t.channelId.startsWith(prefix) ? t.channelId.slice(prefix.length) : t.channelId;
  }

  function describe(t) {
    const stage = C.stageOf(t.stage);
    let text = t.channelId + ": " + C.STAGE_LABEL[stage] + ", cycle " + (t.lastCycle ?? "–");
    if (t.lastCePercent !== null && t.lastCePercent !== undefined) {
      text += ", CE " + t.lastCePercent.toFixed(2) + " %";
    }
    if (t.cohort) {
      text += ", " + t.cohort;
    }
    return text;
  }

  function tileHtml(t) {
    const stage = C.stageOf(t.stage);
    const label = C.escapeHtml(describe(t));
    return '<a class="tile st-' + stage + '" href="/channel.html?id=' + encodeURIComponent(t.channelId)
      + '" data-id="' + C.escapeHtml(t.channelId) + '" data-stage="' + stage + '" aria-label="' + label + '"><span class="n">' + C.escapeHtml(shortName(t)) + '</span><span class="s">'
      + SHORT[stage] + '</span></a>';
  }

  function sectionHtml(stationId, list) {
    const id = "station-" + C.escapeHtml(stationId);
    return '<section class="station" data-station="' + C.escapeHtml(stationId) + '" aria-labelledby="' + id + '">'
      + '<h2 id="' + id + '">Station ' + C.escapeHtml(stationId) + ' <span class="station-count"></span></h2>'
      + '<div class="tiles">' + list.map(tileHtml).join("") + '</div></section>';
  }

  function byStation(list) {
    const out = new Map();
    for (const t of list) {
      if (!out.has(t.stationId)) {
        out.set(t.stationId, []);
      }
      out.get(t.stationId).push(t);
    }
    for (const l of out.values()) {
      l.sort((a, b) => C.naturalOrder(a.channelId, b.channelId));
    }
    return new Map([...out.entries()].sort((a, b) => C.naturalOrder(a[0], b[0])));
  }

  function indexDom() {
    elements.clear();
    groups.clear();
    for (const section of floorEl.querySelectorAll("section.station")) {
      groups.set(section.dataset.station, {
        section, box: section.querySelector(".tiles"), count: section.querySelector(".station-count")
      });
    }
    for (const a of floorEl.querySelectorAll("a.tile")) {
      elements.set(a.dataset.id, a);
    }
  }

  function renderAll(list) {
    tiles.clear();
    for (const t of list) {
      tiles.set(t.channelId, t);
    }
    const html = [];
    for (const [station, l] of byStation(list)) {
      html.push(sectionHtml(station, l));
    }
    floorEl.innerHTML = html.length ? html.join("") : '<p class="empty">No channels yet: the floor has not reported any.</p>';
    indexDom();
    fillFilterOptions();
    applyFilter();
    floorEl.setAttribute("aria-busy", "false");
  }

  function matches(t) {
    return (!filter.station || t.stationId === filter.station)
      && (!filter.sse || t.sse === filter.sse)
      && (!filter.collector || t.currentCollector === filter.collector)
      && (!filter.cohort || t.cohort === filter.cohort)
      && (!filter.stage || C.stageOf(t.stage) === filter.stage);
  }

  function fieldOf(t, name) {
    return name === "station" ? t.stationId : name === "collector" ? t.currentCollector
      : name === "stage" ? C.stageOf(t.stage) : t[name];
  }

  function fillFilterOptions() {
    for (const name of FILTERS) {
      const select = document.getElementById("f-" + name);
      const values = name === "stage" ? C.STAGES : [...new Set([...tiles.values()].map(t => fieldOf(t, name))
        .filter(v => v !== null && v !== undefined && v !== ""))].sort((a, b) => C.naturalOrder(String(a), String(b)));
      const known = new Set([...select.options].map(o => o.value));
      for (const v of values) {
        if (!known.has(String(v))) {
          const o = document.createElement("option");
          o.value = v;
          o.textContent = name === "stage" ? C.STAGE_LABEL[v] : v;
          select.appendChild(o);
        }
      }
      select.value = filter[name] || "";
    }
  }

  function applyFilter() {
    const visiblePerStation = new Map();
    for (const [id, a] of elements) {
      const t = tiles.get(id);
      const show = matches(t);
      if (a.hidden === show) {
        a.hidden = !show;
      }
      if (show) {
        visiblePerStation.set(t.stationId, (visiblePerStation.get(t.stationId) || 0) + 1);
      }
    }
    for (const [station, g] of groups) {
      const n = visiblePerStation.get(station) || 0;
      g.section.hidden = n === 0;
      g.count.textContent = "(" + n + " channels)";
    }
    renderCounts();
  }

  function renderCounts() {
    const counts = Object.fromEntries(C.STAGES.map(s => [s, 0]));
    let total = 0;
    for (const t of tiles.values()) {
      if (matches(t)) {
        counts[C.stageOf(t.stage)]++;
        total++;
      }
    }
    const list = document.getElementById("counts");
    if (!list.children.length) {
      const items = C.STAGES.map(s => '<li class="count st-' + s + '" data-stage="' + s + '"><span class="label">'
        + C.STAGE_LABEL[s] + '</span> <strong></strong></li>');
      items.push('<li class="count total"><span class="label">shown</span> <strong></strong> of <span class="all"></span></li>');
      list.innerHTML = items.join("");
    }
    // Numbers change in place: the list is built once.
    for (const li of list.children) {
      const n = li.dataset.stage ? counts[li.dataset.stage] : total;
      const strong = li.querySelector("strong");
      if (strong.textContent !== String(n)) {
        strong.textContent = n;
      }
    }
    const all = list.querySelector(".all");
    if (all.textContent !== String(tiles.size)) {
      all.textContent = tiles.size;
    }
  }

  function ensureGroup(stationId) {
    let g = groups.get(stationId);
    if (g) {
      return g;
    }
    const holder = document.createElement("div");
    holder.innerHTML = sectionHtml(stationId, []);
    const section = holder.firstElementChild;
    const next = [...groups.keys()].sort((a, b) => C.naturalOrder(a, b))
      .find(s => C.naturalOrder(s, stationId) > 0);
    const empty = floorEl.querySelector("p.empty");
    if (empty) {
      empty.remove();
    }
    floorEl.insertBefore(section, next ? groups.get(next).section : null);
    g = { section, box: section.querySelector(".tiles"), count: section.querySelector(".station-count") };
    groups.set(stationId, g);
    return g;
  }

  function updateTile(t) {
    const previous = tiles.get(t.channelId);
    if (previous && (t.updatedMs || 0) < (previous.updatedMs || 0)) {
      return false; // an older state than the one shown (a resync racing the stream)
    }
    if (previous && previous.updatedMs === t.updatedMs && previous.stage === t.stage && previous.lastCycle === t.lastCycle
        && previous.cohort === t.cohort && elements.has(t.channelId)) {
      return false; // a resync repeating what is shown
    }
    tiles.set(t.channelId, t);
    const stage = C.stageOf(t.stage);
    let a = elements.get(t.channelId);
    if (!a) {
      const g = ensureGroup(t.stationId);
      const holder = document.createElement("div");
      holder.innerHTML = tileHtml(t);
      a = holder.firstElementChild;
      const ids = [...g.box.children].map(e => e.dataset.id);
      const before = ids.find(id => C.naturalOrder(id, t.channelId) > 0);
      g.box.insertBefore(a, before ? elements.get(before) : null);
      elements.set(t.channelId, a);
      return true;
    }
    if (a.dataset.stage !== stage) {
      // Only a breakdown flashes: thousands of first cycles closing at once must not animate the whole floor.
      a.className = "tile st-" + stage + (previous && stage !== "STABLE" && stage !== "UNKNOWN" ? " changed" : "");
      a.dataset.stage = stage;
      a.lastElementChild.textContent = SHORT[stage];
      stats.stageChanges++;
    }
    const label = describe(t);
    if (a.title) {
      a.title = label;
    }
    a.setAttribute("aria-label", label);
    a.hidden = !matches(t);
    return false;
  }

  function flush() {
    frameRequested = false;
    const started = performance.now();
    let added = false;
    const batch = [...pending.values()];
    pending.clear();
    for (const t of batch) {
      added = updateTile(t) || added;
    }
    if (added) {
      fillFilterOptions();
      applyFilter();
    } else {
      renderCounts();
    }
    const took = performance.now() - started;
    stats.batches++;
    stats.updates += batch.length;
    stats.lastBatchMs = took;
    stats.totalBatchMs += took;
    stats.maxBatchMs = Math.max(stats.maxBatchMs, took);
    stats.tiles = elements.size;
    // Until the next frame starts: the batch's script plus the style, layout and paint it caused.
    requestAnimationFrame(() => {
      const frame = performance.now() - started;
      stats.frames++;
      stats.totalFrameMs += frame;
      stats.maxFrameMs = Math.max(stats.maxFrameMs, frame);
    });
  }

  function onTile(t) {
    if (!t || !t.channelId) {
      return;
    }
    pending.set(t.channelId, t);
    if (rendered && !frameRequested) {
      frameRequested = true;
      requestAnimationFrame(flush);
    }
  }

  async function load(first) {
    try {
      const body = await C.getJson("/api/floor");
      if (first) {
        performance.mark("cellfloor-floor-answered");
      }
      C.showStale(body.stale);
      if (body.stale) {
        // Part of the floor came from a copy that may be behind: ask again soon rather than show it for long.
        setTimeout(() => load(false), 5000);
      }
      if (first) {
        renderAll(body.channels || []);
        performance.mark("cellfloor-floor-built");
        stats.tiles = elements.size;
        rendered = true;
        if (pending.size) {
          frameRequested = true;
          requestAnimationFrame(flush);
        }
        // After the frame that shows the tiles: the mark the render benchmark reads.
        requestAnimationFrame(() => setTimeout(() => {
          performance.mark("cellfloor-floor-rendered");
          stats.renderedMs = performance.now();
        }, 0));
      } else {
        for (const t of body.channels || []) {
          onTile(t);
        }
      }
      C.notice("");
      return true;
    } catch (e) {
      if (e.status !== 401) {
        C.notice("Could not load the floor (" + e.message + "); trying again in 2 s.", true);
      }
      return false;
    }
  }

  function readFilterFromUrl() {
    const q = new URLSearchParams(location.search);
    for (const name of FILTERS) {
      filter[name] = q.get(name) || "";
    }
  }

  function writeFilterToUrl() {
    const q = new URLSearchParams();
    for (const name of FILTERS) {
      if (filter[name]) {
        q.set(name, filter[name]);
      }
    }
    const s = q.toString();
    history.replaceState(null, "", s ? "?" + s : location.pathname);
  }

  document.getElementById("filters").addEventListener("change", e => {
    const name = e.target.name;
    if (FILTERS.includes(name)) {
      filter[name] = e.target.value;
      writeFilterToUrl();
      applyFilter();
    }
  });
  document.getElementById("filters").addEventListener("reset", e => {
    e.preventDefault();
    for (const name of FILTERS) {
      filter[name] = "";
      document.getElementById("f-" + name).value = "";
    }
    writeFilterToUrl();
    applyFilter();
  });
  floorEl.addEventListener("animationend", e => e.target.classList.remove("changed"));
  // The tooltip repeats the accessible name; set when the pointer first reaches a tile, not 5,000 times up front.
  floorEl.addEventListener("mouseover", e => {
    const a = e.target.closest("a.tile");
    if (a && !a.title) {
      a.title = a.getAttribute("aria-label");
    }
  });

  async function start() {
    readFilterFromUrl();
    // The stream opens first so that nothing that changes while the floor loads is missed.
    const source = C.stream(onTile, () => {
      liveEl.textContent = "reconnecting…";
      if (rendered) {
        load(false);
      }
    });
    source.addEventListener("open", () => {
      liveEl.textContent = "live";
    });
    while (!(await load(true))) {
      await new Promise(r => setTimeout(r, 2000));
    }
    // A resync now and then: whatever the stream may have missed (a restart of the instance it came from).
    setInterval(() => load(false), 60000);
  }

  start();
})();
