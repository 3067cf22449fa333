// Toimintamallien haku: a small page over /api/search, /api/facets and
// /api/models/{id}. Every piece of data is put on the page as text
// (textContent, createTextNode); nothing from the server is parsed as HTML.
"use strict";

(function () {
  var PARAM = { regions: "region", methods: "method", phases: "phase", stage: "stage", described: "described", year: "year" };
  var PAGE_SIZE = 10;
  var labels = { methods: {}, phases: {} };
  var lastSearch = "haku"; // the hash of the last search, for the back link

  function $(id) { return document.getElementById(id); }

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") { e.textContent = attrs[k]; } else { e.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) {
      e.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return e;
  }

  function clear(e) { while (e.firstChild) { e.removeChild(e.firstChild); } }

  // parseHash reads "#haku?q=..&region=.." or "#malli/<id>".
  function parseHash() {
    var h = location.hash.replace(/^#/, "");
    if (h.indexOf("malli/") === 0) {
      return { view: "model", id: decodeURIComponent(h.slice(6)) };
    }
    var qs = h.indexOf("?") >= 0 ? h.slice(h.indexOf("?") + 1) : "";
    return { view: "search", params: new URLSearchParams(qs) };
  }

  function go(params) {
    location.hash = "haku?" + params.toString();
  }

  function methodLabel(id) { return labels.methods[id] || id; }
  function phaseLabel(id) { return labels.phases[id] || id; }

  function searchView(params) {
    lastSearch = "haku?" + params.toString();
    $("model-view").hidden = true;
    $("search-view").hidden = false;
    $("q").value = params.get("q") || "";
    var api = new URLSearchParams(params);
    api.set("size", String(PAGE_SIZE));
    $("status").textContent = "Haetaan…";
    fetch("/api/search?" + api.toString())
      .then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); })
      .then(function (res) {
        if (!res.ok) { showError(res.body.virhe || "Haku epäonnistui."); return; }
        labels = res.body.labels || labels;
        renderResults(res.body, params);
        if (res.body.incomplete) {
          $("status").textContent = "Huom. hakemisto on kesken: osa malleista voi puuttua tuloksista, kunnes innokyla index on ajettu loppuun. " + $("status").textContent;
        }
        renderFacets(res.body.facets || [], params);
      })
      .catch(function () { showError("Palvelimeen ei saatu yhteyttä."); });
  }

  function showError(msg) {
    $("status").textContent = msg;
    $("status").className = "error";
    clear($("results"));
  }

  function snippetNode(snippet) {
    var p = el("p", { "class": "snippet" });
    ((snippet && snippet.parts) || []).forEach(function (part) {
      p.appendChild(part.mark ? el("mark", { text: part.text }) : document.createTextNode(part.text));
    });
    return p;
  }

  function renderResults(body, params) {
    var list = $("results");
    clear(list);
    $("status").className = "";
    if (body.total === 0) {
      $("status").textContent = "Ei hakutuloksia. Kokeile toista sanaa tai poista rajauksia.";
    } else {
      $("status").textContent = "Löytyi " + body.total + " toimintamallia.";
      if (body.ranked < body.total) {
        $("status").textContent += " Osuvimmat on valittu " + body.ranked +
          " tasaisesti poimitun mallin otoksesta; määrät koskevat kaikkia löytyneitä.";
      }
    }
    list.setAttribute("start", String((body.page - 1) * body.size + 1));
    body.hits.forEach(function (h) {
      var link = el("a", { href: "#malli/" + encodeURIComponent(h.id), "class": "hit-link", text: h.title || h.id });
      var meta = [h.region || "Alue ei tiedossa"];
      if (h.stage) { meta.push(h.stage); }
      if (h.methods && h.methods.length) { meta.push(h.methods.map(methodLabel).join(", ")); }
      if (h.relevance > 0) { meta.push("osuvuus " + Math.round(100 * h.relevance) + " %"); }
      list.appendChild(el("li", { "class": "hit" }, [
        el("h3", {}, [link]),
        el("div", { "class": "meta", text: meta.join(" · ") }),
        snippetNode(h.snippet)
      ]));
    });
    var page = body.page, pages = Math.max(body.pages, 1);
    $("page-info").textContent = "Sivu " + page + " / " + pages;
    $("prev").disabled = page <= 1;
    $("next").disabled = page >= pages;
    $("prev").onclick = function () { var p = new URLSearchParams(params); p.set("page", String(page - 1)); go(p); };
    $("next").onclick = function () { var p = new URLSearchParams(params); p.set("page", String(page + 1)); go(p); };
  }

  function renderFacets(facets, params) {
    var box = $("facets");
    clear(box);
    facets.forEach(function (f) {
      var name = PARAM[f.field];
      if (!name || !f.terms || !f.terms.length) { return; }
      var chosen = params.getAll(name);
      var ul = el("ul");
      f.terms.forEach(function (t) {
        var on = chosen.indexOf(t.term) >= 0;
        var b = el("button", { type: "button", "class": "facet-term", "data-field": name, "data-term": t.term,
          "aria-pressed": on ? "true" : "false" }, [
          el("span", { "class": "term", text: t.label || t.term }),
          el("span", { "class": "count", text: String(t.count) })
        ]);
        b.onclick = function () {
          var p = new URLSearchParams(params);
          p.delete(name);
          chosen.forEach(function (v) { if (v !== t.term) { p.append(name, v); } });
          if (!on) { p.append(name, t.term); }
          p.delete("page");
          go(p);
        };
        ul.appendChild(el("li", {}, [b]));
      });
      box.appendChild(el("section", { "class": "facet", id: "facet-" + f.field }, [el("h2", { text: f.label }), ul]));
    });
  }

  function safeURL(u) {
    try {
      var x = new URL(u);
      return (x.protocol === "https:" || x.protocol === "http:") ? x.href : "";
    } catch (e) { return ""; }
  }

  function modelView(id) {
    $("search-view").hidden = true;
    var view = $("model-view");
    view.hidden = false;
    clear(view);
    view.appendChild(el("p", { text: "Ladataan…" }));
    fetch("/api/models/" + encodeURIComponent(id))
      .then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); })
      .then(function (res) {
        clear(view);
        if (!res.ok) { view.appendChild(el("p", { id: "model-error", "class": "error", text: res.body.virhe || "Mallia ei löytynyt." })); return; }
        renderModel(view, res.body);
      })
      .catch(function () { clear(view); view.appendChild(el("p", { text: "Palvelimeen ei saatu yhteyttä." })); });
  }

  function renderModel(view, m) {
    view.appendChild(el("p", {}, [el("a", { href: "#" + lastSearch, id: "back", text: "← Takaisin hakuun" })]));
    view.appendChild(el("h2", { id: "model-title", text: m.title || m.id }));
    var facts = el("dl", { id: "model-facts" });
    [["Alue", (m.regions && m.regions.length ? m.regions : [m.region]).join(", ")], ["Paikkakunta", m.place],
     ["Kehitysvaihe", m.stage], ["Hanke", m.project], ["Rahoittaja", m.funder], ["Luotu", m.created]]
      .forEach(function (kv) { if (kv[1]) { facts.appendChild(el("dt", { text: kv[0] })); facts.appendChild(el("dd", { text: kv[1] })); } });
    view.appendChild(facts);
    var href = safeURL(m.url);
    if (href) { view.appendChild(el("p", {}, [el("a", { href: href, rel: "noopener noreferrer", text: "Alkuperäinen kuvaus" })])); }
    if (m.summary) { view.appendChild(el("p", { id: "model-summary", text: m.summary })); }
    view.appendChild(participation(m.participation));
    (m.sections || []).forEach(function (s) {
      view.appendChild(el("h4", { text: s.heading }));
      view.appendChild(el("p", { "class": "section-text", text: s.text }));
    });
  }

  function evidenceList(evs) {
    var box = el("div");
    (evs || []).forEach(function (e) {
      var src = [e.section, e.page === "kehittamisen-polku" ? "kehittämisen polku" : ""].filter(Boolean).join(", ");
      box.appendChild(el("blockquote", { "class": "evidence" }, [e.text, el("span", { "class": "source", text: src })]));
    });
    return box;
  }

  function participation(p) {
    var sec = el("section", { id: "participation" }, [el("h3", { text: "Asiakkaiden osallisuus kehittämisessä" })]);
    if (!p) { sec.appendChild(el("p", { text: "Mallia ei ole vielä luokiteltu." })); return sec; }
    sec.appendChild(el("p", { id: "described", text: p.described ? "Osallisuus on kuvattu." : "Osallisuutta ei ole kuvattu." }));
    if (p.phases && p.phases.length) {
      sec.appendChild(el("p", { id: "phases", text: "Vaiheet: " + p.phases.map(phaseLabel).join(", ") }));
    }
    if (p.methods && p.methods.length) {
      var table = el("table", { id: "methods" }, [el("thead", {}, [el("tr", {}, [
        el("th", { text: "Osallistamistapa" }), el("th", { text: "Vaiheet" }), el("th", { text: "Lähdelauseet" })])])]);
      var tb = el("tbody");
      p.methods.forEach(function (mt) {
        tb.appendChild(el("tr", { "data-method": mt.id }, [
          el("td", { text: methodLabel(mt.id) }),
          el("td", { text: (mt.phases || []).map(phaseLabel).join(", ") }),
          el("td", {}, [evidenceList(mt.evidence)])
        ]));
      });
      table.appendChild(tb);
      sec.appendChild(table);
    }
    if (p.general && p.general.length) {
      sec.appendChild(el("h4", { text: "Muut maininnat osallisuudesta" }));
      sec.appendChild(evidenceList(p.general));
    }
    return sec;
  }

  function route() {
    var r = parseHash();
    if (r.view === "model") { modelView(r.id); } else { searchView(r.params); }
  }

  // fromQuery turns a link with the search in its query string
  // (/?q=..&region=..) into the page's own form (#haku?q=..), so links
  // people paste work both ways.
  function fromQuery() {
    if (location.search.length > 1 && !location.hash) {
      history.replaceState(null, "", location.pathname + "#haku?" + location.search.slice(1));
    }
  }

  function init() {
    fromQuery();
    $("search-form").addEventListener("submit", function (ev) {
      ev.preventDefault();
      var cur = parseHash();
      var p = cur.view === "search" ? new URLSearchParams(cur.params) : new URLSearchParams();
      p.set("q", $("q").value.trim());
      p.delete("page");
      go(p);
    });
    window.addEventListener("hashchange", route);
    fetch("/api/facets").then(function (r) { return r.json(); })
      .then(function (b) { labels = b.labels || labels; })
      .catch(function () {})
      .then(route);
  }

  document.addEventListener("DOMContentLoaded", init);
})();
