// Koodien tarkistus: the review page over /api/review/*. Data goes on the
// page as text only (textContent); nothing from the server is parsed as
// HTML. Decisions are POSTed as JSON and the model is read again after.
"use strict";

(function () {
  var CONF = { low: "epävarma", medium: "kohtalainen", high: "varma", "": "–" };
  var WORD = { accept: "hyväksytty", reject: "hylätty", add: "lisätty" };
  var current = null; // the model view shown

  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") { e.textContent = attrs[k]; } else { e.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { e.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return e;
  }
  function clear(e) { while (e.firstChild) { e.removeChild(e.firstChild); } }
  function status(msg) { $("review-status").textContent = msg || ""; }
  function coder() { return $("coder").value.trim(); }
  function label(kind, id) { return (current && current.labels[kind][id]) || id; }

  function getJSON(url) {
    return fetch(url, { cache: "no-store" }).then(function (r) {
      return r.json().then(function (b) { if (!r.ok) { throw new Error(b.error || r.statusText); } return b; });
    });
  }

  function route() {
    var h = location.hash.replace(/^#/, "");
    if (h.indexOf("malli/") === 0) { showModel(decodeURIComponent(h.slice(6))); return; }
    var qs = new URLSearchParams(h.indexOf("?") >= 0 ? h.slice(h.indexOf("?") + 1) : "");
    showQueue(qs.get("region") || "");
  }

  function showQueue(region) {
    $("review-view").hidden = true;
    $("queue-view").hidden = false;
    $("region").value = region;
    var url = "/api/review/queue" + (region ? "?region=" + encodeURIComponent(region) : "");
    status("Haetaan jonoa…");
    getJSON(url).then(function (b) {
      var q = $("queue");
      clear(q);
      b.items.forEach(function (it) {
        var a = el("a", { href: "#malli/" + encodeURIComponent(it.id), "class": "queue-link", text: it.title || it.id });
        var li = el("li", { "data-id": it.id }, [
          el("span", { "class": "conf conf-" + (it.confidence || "none"), text: CONF[it.confidence || ""] }), " ", a,
          " — " + (it.region || "ei aluetta") + ", " + it.decided + "/" + it.codes + " koodia tarkistettu" +
          (it.changed_since_review ? " (muuttunut tarkistuksen jälkeen)" : "")]);
        q.appendChild(li);
      });
      status(b.items.length ? "Jonossa " + b.items.length + " mallia." : "Ei tarkistettavaa.");
    }).catch(function (e) { status("Virhe: " + e.message); });
  }

  function showModel(id) {
    $("queue-view").hidden = true;
    $("review-view").hidden = false;
    status("Haetaan mallia…");
    getJSON("/api/review/models/" + encodeURIComponent(id)).then(function (v) {
      current = v;
      render(v);
      status("");
    }).catch(function (e) { current = null; status("Virhe: " + e.message); });
  }

  function decisionLine(d) {
    var when = d.at ? new Date(d.at).toISOString().slice(0, 16).replace("T", " ") : "";
    return el("div", { "class": "decision", text: WORD[d.decision] + " – " + d.coder + " " + when + (d.memo ? " – " + d.memo : "") });
  }

  function render(v) {
    $("title").textContent = v.title;
    $("meta").textContent = (v.region || "ei aluetta") + " · versio " + v.version + " · koodikirja " + (v.codebook || "–");
    var ch = $("changed");
    ch.hidden = !v.changed_since_review;
    if (v.changed_since_review) {
      ch.textContent = "Muuttunut tarkistuksen jälkeen: versio " + v.changed_since_review.reviewed_version + " tarkistettiin. " +
        v.changed_since_review.sections.map(function (s) { return s.heading + ": " + s.change; }).join("; ");
    }
    $("complete").textContent = v.complete.length ? "Tarkistettu koodaus: " + v.complete.join(", ") : "Ei vielä kokonaan tarkistettu.";
    var conf = {};
    v.codes.forEach(function (c) { conf[c.method] = c.confidence; });
    var text = $("text");
    clear(text);
    v.sections.forEach(function (s, i) {
      text.appendChild(el("h3", { text: (s.page === "kehittamisen-polku" ? "Kehittämisen polku: " : "") + s.heading }));
      var div = el("div", { "class": "section-text", "data-section": String(i) });
      s.segments.forEach(function (g) {
        if (!g.codes || !g.codes.length) { div.appendChild(document.createTextNode(g.text)); return; }
        var added = g.codes.every(function (c) { return c.charAt(0) === "+"; });
        var lowest = "high";
        g.codes.forEach(function (c) { if (conf[c] === "low" || (conf[c] === "medium" && lowest === "high")) { lowest = conf[c]; } });
        var m = el("mark", { "class": added ? "added" : "conf-" + lowest, "data-codes": g.codes.join(" "),
          title: g.codes.map(function (c) { return label("methods", c.replace(/^\+/, "")); }).join(", "), text: g.text });
        div.appendChild(m);
      });
      text.appendChild(div);
    });
    var codes = $("codes");
    clear(codes);
    if (!v.codes.length) { codes.appendChild(el("p", { text: "Kone ei löytänyt koodeja." })); }
    v.codes.forEach(function (c) {
      var mine = c.decisions.filter(function (d) { return d.coder === coder(); })[0];
      var box = el("div", { "class": "code" + (mine ? " decided-" + mine.decision : ""), "data-method": c.method }, [
        el("div", { "class": "label", text: label("methods", c.method) }),
        el("div", { "class": "conf", text: "Varmuus: " + CONF[c.confidence || ""] + " · vaiheet: " +
          (c.phases.map(function (p) { return label("phases", p); }).join(", ") || "–") })]);
      c.evidence.forEach(function (t) { box.appendChild(el("blockquote", { "class": "evidence", text: t })); });
      c.decisions.forEach(function (d) { box.appendChild(decisionLine(d)); });
      var acc = el("button", { type: "button", "class": "accept", text: "Hyväksy" });
      var rej = el("button", { type: "button", "class": "reject", text: "Hylkää" });
      acc.addEventListener("click", function () { send({ accept: [c.method] }); });
      rej.addEventListener("click", function () { send({ reject: [c.method] }); });
      box.appendChild(el("p", {}, [acc, " ", rej]));
      codes.appendChild(box);
    });
    var added = $("added");
    clear(added);
    if (!v.added.length) { added.appendChild(el("p", { text: "Ei lisättyjä koodeja." })); }
    v.added.forEach(function (c) {
      var box = el("div", { "class": "code added-code", "data-method": c.method }, [
        el("div", { "class": "label", text: label("methods", c.method) }),
        el("div", { text: "Vaiheet: " + (c.phases.map(function (p) { return label("phases", p); }).join(", ") || "–") })]);
      c.evidence.forEach(function (t) { box.appendChild(el("blockquote", { "class": "evidence", text: t })); });
      c.decisions.forEach(function (d) { box.appendChild(decisionLine(d)); });
      added.appendChild(box);
    });
    $("accept-none").hidden = v.codes.length > 0;
    var sel = $("add-method");
    if (!sel.options.length) {
      Object.keys(v.labels.methods).sort().forEach(function (id) { sel.appendChild(el("option", { value: id, text: v.labels.methods[id] })); });
      var fs = $("add-phases");
      ["ideation", "planning", "development", "piloting_evaluation"].forEach(function (id) {
        var cb = el("input", { type: "checkbox", value: id, id: "phase-" + id });
        fs.appendChild(el("label", {}, [cb, " " + (v.labels.phases[id] || id)]));
      });
    }
  }

  function send(body) {
    if (!current) { return; }
    if (!coder()) { status("Kirjoita ensin nimesi Tarkistaja-kenttään."); $("coder").focus(); return; }
    body.coder = coder();
    body.version = current.version;
    body.memo = $("memo").value;
    status("Tallennetaan…");
    fetch("/api/review/models/" + encodeURIComponent(current.id), {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body)
    }).then(function (r) {
      return r.json().then(function (b) {
        if (!r.ok) { throw new Error(b.error || r.statusText); }
        $("memo").value = "";
        return getJSON("/api/review/models/" + encodeURIComponent(current.id)).then(function (v) {
          current = v;
          render(v);
          status(b.complete ? "Tallennettu. Koodaus on tarkistettu kokonaan." : "Tallennettu.");
        });
      });
    }).catch(function (e) { status("Virhe: " + e.message); });
  }

  // addFromSelection adds the chosen method with the passage selected in
  // one section's text.
  function addFromSelection() {
    var s = window.getSelection();
    var text = s ? s.toString().trim() : "";
    var node = s && s.anchorNode;
    while (node && !(node.getAttribute && node.getAttribute("data-section") !== null)) { node = node.parentNode; }
    if (!text || !node) { status("Valitse ensin tekstistä kohta, joka osoittaa koodin."); return; }
    var phases = Array.prototype.slice.call(document.querySelectorAll("#add-phases input:checked")).map(function (c) { return c.value; });
    send({ add: { method: $("add-method").value, phases: phases, section: Number(node.getAttribute("data-section")), text: text } });
  }

  $("coder").value = localStorage.getItem("innokyla-coder") || "";
  $("coder").addEventListener("change", function () {
    localStorage.setItem("innokyla-coder", coder());
    if (current && !$("review-view").hidden) { render(current); }
  });
  $("queue-form").addEventListener("submit", function (e) {
    e.preventDefault();
    location.hash = "jono?region=" + encodeURIComponent($("region").value.trim());
  });
  $("add-button").addEventListener("click", addFromSelection);
  $("accept-none").addEventListener("click", function () { send({ accept: ["none"] }); });
  window.addEventListener("hashchange", route);
  route();
}());
