/*
 * Login: keeps the access token in the cellfloor_token cookie (sent with every page, API call and the status
 * stream of this origin) and returns to the page that asked for it.
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
    const secure = location.protocol === "https:" ? "; Secure" : "";
    document.cookie = "cellfloor_token=" + token + "; Path=/; SameSite=Strict" + secure;
    const check = await fetch("/api/floor?stage=HARD_SHORT", { credentials: "same-origin" });
    if (check.status === 401) {
      document.cookie = "cellfloor_token=; Path=/; Max-Age=0";
      fail("The floor did not accept this token.");
      return;
    }
    location.replace(next());
  });
})();
