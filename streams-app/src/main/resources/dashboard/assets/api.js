/*
 * cellfloor dashboard: what every page shares. Calls to the query API (a 401 sends the browser to the login page,
 * which comes back here), the stage names and colours, number formatting and the live status stream.
 */
"use strict";

const Cellfloor = (() => {
  const STAGES = ["STABLE", "RECOVERABLE", "IRRECOVERABLE", "HARD_SHORT", "UNKNOWN"];
  const STAGE_LABEL = {
    STABLE: "stable", RECOVERABLE: "recoverable", IRRECOVERABLE: "irrecoverable",
    HARD_SHORT: "hard short", UNKNOWN: "unknown"
  };
  /* The paper's Fig. 3 colours; the CSS uses the same values through the st-* classes. */
  const STAGE_COLOR = {
    STABLE: "#43a047", RECOVERABLE: "#fdd835", IRRECOVERABLE: "#fb8c00", HARD_SHORT: "#e53935", UNKNOWN: "#bdbdbd"
  };

  /* One collator for every sort: "st2" before "st10". (localeCompare with options builds one per call: slow.) */
  const naturalOrder = new Intl.Collator("en", { numeric: true }).compare;

  function stageOf(value) {
    return STAGE_LABEL[value] ? value : "UNKNOWN";
  }

  function toLogin() {
    const here = location.pathname + location.search;
    location.assign("/login.html?next=" + encodeURIComponent(here));
  }

  /** An error the page shows as it is: the API's own code and message when it sent JSON. */
  class ApiError extends Error {
    constructor(status, code, message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  async function getJson(path) {
    const response = await fetch(path, { headers: { Accept: "application/json" }, credentials: "same-origin" });
    if (response.status === 401) {
      toLogin();
      throw new ApiError(401, "unauthorized", "signing in");
    }
    const text = await response.text();
    let body = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch (e) {
      throw new ApiError(response.status, "bad-json", path + " answered " + response.status + " with no JSON");
    }
    if (!response.ok) {
      const code = body && body.error ? body.error : "http-" + response.status;
      const message = body && body.message ? body.message : path + " answered " + response.status;
      throw new ApiError(response.status, code, message);
    }
    return body;
  }

  function escapeHtml(value) {
    return String(value).replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  }

  function fmt(value, digits) {
    if (value === null || value === undefined || Number.isNaN(value)) {
      return "–";
    }
    return typeof value === "number" ? value.toFixed(digits === undefined ? 2 : digits) : String(value);
  }

  function fmtTime(ms) {
    return ms ? new Date(ms).toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC") : "–";
  }

  /** Shows a message in the page's status line (role=status, so screen readers hear it too). */
  function notice(text, isError) {
    const el = document.getElementById("notice");
    if (!el) {
      return;
    }
    el.textContent = text;
    el.classList.toggle("error", Boolean(isError));
    el.hidden = !text;
  }

  function showStale(stale) {
    const el = document.getElementById("stale");
    if (el) {
      el.hidden = !stale;
    }
  }

  /**
   * Follows the floor's status stream: onTile(tile) for every `status` event. The browser reconnects by itself;
   * onGap() is called (at most every 5 s) after a broken connection, so the page can fetch what it missed and
   * learn whether the connection broke because the session needs signing in.
   */
  function stream(onTile, onGap) {
    const source = new EventSource("/api/stream");
    let lastGap = 0;
    let broken = false;
    source.addEventListener("status", e => {
      let tile;
      try {
        tile = JSON.parse(e.data);
      } catch (err) {
        notice("the status stream sent something that is not JSON: " + String(e.data).slice(0, 80), true);
        return;
      }
      onTile(tile);
    });
    source.addEventListener("open", () => {
      if (broken && onGap) {
        onGap();
      }
      broken = false;
    });
    source.addEventListener("error", () => {
      broken = true;
      const now = Date.now();
      if (onGap && now - lastGap > 5000) {
        lastGap = now;
        onGap();
      }
    });
    return source;
  }

  return { STAGES, STAGE_LABEL, STAGE_COLOR, stageOf, naturalOrder, getJson, ApiError, escapeHtml, fmt, fmtTime, notice, showStale, stream, toLogin };
})();
