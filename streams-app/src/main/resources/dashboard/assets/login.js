/*
 * Login: sends the access token once to /api/session, which answers with the cellfloor_token cookie (HttpOnly, so
 * no script reads it; sent with every page, API call and the status stream of this origin), and returns to the
 * page that asked for it.
 */
"use strict";

(() => {
  const form = document.getElementById("login");
  const notice = document.getElementById("notice");

  /** Only a path of this site: never an absolute or protocol-relative address from the query string. */
  function next() {
    const target = new URLSearchParams(location.search).get("next") || "/";
    return target.startsWith("/") && !target.startsWith("//") && !target.startsWith("/\\") ? target : "/";
  }

  function fail(text) {
    notice.textContent = text;
    notice.hidden = false;
  }

  form.addEventListener("submit", async e => {
    e.preventDefault();
    const token = document.getElementById("token").value.trim();
    if (!/^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]+$/.test(token)) {
      fail("A token is printable ASCII without spaces, quotes, commas, semicolons or backslashes.");
      return;
    }
    const session = await fetch("/api/session", {
      method: "POST", credentials: "same-origin", headers: { Authorization: "Bearer " + token }
    });
    if (session.status === 401) {
      fail("The floor did not accept this token.");
      return;
    }
    location.replace(next());
  });
})();
