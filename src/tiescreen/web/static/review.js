// Keyboard review: j/k move between candidates, y/n/u decide, z undoes, e edits the note.
// Decisions go to the same form endpoints as the buttons (with the CSRF token) and the
// page updates in place; without JavaScript the forms still work.
(function () {
  "use strict";
  const head = document.querySelector(".run-head");
  if (!head) return;
  const run = head.dataset.run;
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const cards = Array.from(document.querySelectorAll("article.cand"));
  const toast = document.getElementById("toast");
  const verdictKeys = { y: "confirm", n: "reject", u: "unsure" };
  let current = -1;

  function say(message) {
    if (toast) toast.textContent = message;
  }

  function focusCard(index) {
    if (!cards.length) return;
    current = Math.max(0, Math.min(cards.length - 1, index));
    cards.forEach((c, i) => c.classList.toggle("focused", i === current));
    cards[current].focus({ preventScroll: true });
    cards[current].scrollIntoView({ block: "center", behavior: "instant" });
  }

  function cardFor(person, entity) {
    return cards.find((c) => c.dataset.person === String(person) && c.dataset.entity === entity);
  }

  function show(state) {
    const card = cardFor(state.person_idx, state.entity_id);
    if (card) {
      card.className = card.className.replace(/status-\S+/, "status-" + state.status);
      card.querySelector(".badge").textContent = state.label;
      const d = state.decision;
      const by = d && d.verdict !== "none" ? "by " + d.user + " at " + d.created_at + (d.note ? ": \u201c" + d.note + "\u201d" : "") : "";
      card.querySelector(".by").textContent = by;
      const reused = card.querySelector(".reused, .stale-why");
      if (reused) reused.remove();
      // The decision now in force is what the next decision on this card expects to replace.
      const seen = d ? String(d.id) : "0";
      card.dataset.decision = seen;
      const field = card.querySelector('input[name="expected_decision_id"]');
      if (field) field.value = seen;
    }
    for (const [key, value] of Object.entries(state.counts || {})) {
      const el = document.querySelector('[data-count="' + key + '"]');
      if (el) el.textContent = String(value);
    }
  }

  async function post(path, fields) {
    const body = new URLSearchParams(fields);
    body.set("csrf_token", csrf);
    const response = await fetch(path, {
      method: "POST",
      headers: { Accept: "application/json", "X-CSRF-Token": csrf },
      body: body,
      credentials: "same-origin",
    });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) {
      const err = new Error(data.detail || response.statusText);
      err.state = response.status === 409 && data.entity_id !== undefined ? data : null;
      throw err;
    }
    return data;
  }

  async function decide(card, verdict) {
    const note = card.querySelector("input.note");
    try {
      const state = await post("/review/" + encodeURIComponent(run) + "/decide", {
        person_idx: card.dataset.person,
        entity_id: card.dataset.entity,
        verdict: verdict,
        note: note ? note.value : "",
        expected_decision_id: card.dataset.decision || "0",
      });
      if (note) note.value = "";
      card.classList.remove("conflict");
      show(state);
      say(state.label + " \u2014 press z to undo");
    } catch (err) {
      if (err.state) {
        // Someone decided this candidate since the page showed it: show their decision and
        // keep the note, so pressing the key again replaces it knowingly.
        show(err.state);
        card.classList.add("conflict");
        say("Not saved: " + err.message + ". Press again to replace it.");
      } else {
        say("Not saved: " + err.message);
      }
    }
  }

  async function undo() {
    try {
      const state = await post("/review/" + encodeURIComponent(run) + "/undo", {});
      show(state);
      say("Undone: now " + state.label.toLowerCase());
      const card = cardFor(state.person_idx, state.entity_id);
      if (card) focusCard(cards.indexOf(card));
    } catch (err) {
      say(err.message === "nothing to undo" ? "Nothing to undo" : "Undo failed: " + err.message);
    }
  }

  document.querySelectorAll("form.decide").forEach((form) => {
    form.addEventListener("submit", (event) => {
      const button = event.submitter;
      if (!button || !button.value) return;
      event.preventDefault();
      const card = form.closest("article.cand");
      focusCard(cards.indexOf(card));
      decide(card, button.value);
    });
  });
  const undoForm = document.getElementById("undo-form");
  if (undoForm) {
    undoForm.addEventListener("submit", (event) => {
      event.preventDefault();
      undo();
    });
  }

  document.addEventListener("keydown", (event) => {
    const target = event.target;
    if (target.matches("input, textarea, select")) {
      if (event.key === "Escape" || (event.key === "Enter" && target.classList.contains("note"))) {
        event.preventDefault();
        target.blur();
        if (current >= 0) cards[current].focus({ preventScroll: true });
      }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "j") focusCard(current + 1);
    else if (event.key === "k") focusCard(current - 1);
    else if (event.key === "z") undo();
    else if (verdictKeys[event.key] && current >= 0 && cards[current].querySelector("form.decide")) {
      decide(cards[current], verdictKeys[event.key]);
    } else if (event.key === "e" && current >= 0) {
      const note = cards[current].querySelector("input.note");
      if (note) note.focus();
    } else return;
    event.preventDefault();
  });
})();
