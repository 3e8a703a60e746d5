/* newsevents explorer: a release seen offline, from file://.
 *
 * Data arrive as <script> files calling NEX.add(collection, page, records): the
 * incidents, claims, entities and article summaries with the page, article texts
 * (collection "texts") when an article opens. Every text from the data is put in the
 * page with textContent: article texts are untrusted and never parsed as HTML.
 */
"use strict";
(function () {
  const DAY = 86400000;
  const PAGE_ROWS = 100;
  const LARGE = 2000; // dated incidents above which the timeline is drawn on a canvas
  // One colour per PLOVER type, shared by the timeline, the tables and the map.
  const TYPE_COLOURS = {
    AGREE: "#1b9e77", CONSULT: "#66a61e", SUPPORT: "#a6d854", CONCEDE: "#8dd3c7",
    COOPERATE: "#1f78b4", AID: "#80b1d3", RETREAT: "#bebada", REQUEST: "#6a3d9a",
    ACCUSE: "#e7298a", REJECT: "#fb9a99", THREATEN: "#fdbf6f", PROTEST: "#ff7f00",
    SANCTION: "#b15928", MOBILIZE: "#ffd92f", COERCE: "#e31a1c", ASSAULT: "#a50f15",
  };
  const PRECISION_SHAPES = { day: "circle", week: "diamond", month: "square", year: "triangle-up" };
  const QUALIFIER_WORDS = { exact: "exactly", at_least: "at least", at_most: "up to", approx: "about", range: "between" };

  const NEX = (window.NEX = {
    data: { meta: [], incidents: [], claims: [], entities: [], articles: [], texts: new Map() },
    timings: {},
    add(collection, page, records) {
      if (collection === "texts") {
        for (const r of records) NEX.data.texts.set(r.id, r);
        return;
      }
      const target = NEX.data[collection];
      for (let i = 0; i < records.length; i++) target.push(records[i]);
    },
  });

  const state = {
    view: "timeline",
    filtered: [],
    incidentRows: PAGE_ROWS,
    undatedRows: PAGE_ROWS,
    entityRows: PAGE_ROWS,
    chart: null,
    map: null,
    mapLayer: null,
    pagesLoading: new Map(),
    selected: null,
  };
  const idx = {}; // lookups built once at start

  /* ---------- small DOM helpers (text only, never HTML) ---------- */
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    if (props) {
      for (const [key, value] of Object.entries(props)) {
        if (value === null || value === undefined || value === false) continue;
        if (key === "class") node.className = value;
        else if (key === "dataset") Object.assign(node.dataset, value);
        else if (key === "on") for (const [ev, fn] of Object.entries(value)) node.addEventListener(ev, fn);
        else if (key === "style") node.setAttribute("style", value);
        else node.setAttribute(key, value === true ? "" : String(value));
      }
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }
  const $ = (sel) => document.querySelector(sel);
  const enc = encodeURIComponent;
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
  function swatch(type) { return el("span", { class: "swatch", style: `background:${TYPE_COLOURS[type] || "#888"}` }); }
  const utc = (iso) => (iso ? Date.parse(iso + "T00:00:00Z") : null);

  /* ---------- lookups ---------- */
  function claimKey(articleId, claimId) { return articleId + "\u0000" + claimId; }
  function entityName(id) { const e = idx.entities.get(id); return e ? e.name : id; }
  function rootArticle(id) {
    // Near-duplicates point at the earliest story; follow the chain to its start.
    let current = id; const seen = new Set();
    while (!seen.has(current)) {
      seen.add(current);
      const a = idx.articles.get(current);
      if (!a || !a.near_duplicate_of) break;
      current = a.near_duplicate_of;
    }
    return current;
  }
  function articleTitle(id) { const a = idx.articles.get(id); return a ? a.title : id; }
  // The card's rule: the claimant entity, else its words (case aside), else, for a figure
  // stated unattributed, the article with its rewrites.
  function claimantKey(c) {
    if (c.claimant) return "e:" + c.claimant;
    if (c.claimant_text) return "t:" + c.claimant_text.toLowerCase();
    return "a:" + rootArticle(c.article_id);
  }
  function claimantLabel(key, c) {
    if (key.startsWith("e:")) return entityName(c.claimant);
    if (key.startsWith("t:")) return c.claimant_text;
    return "Unattributed: “" + articleTitle(key.slice(2)) + "” and its rewrites";
  }
  function pointFigure(c) {
    if (c.qualifier === "at_most") return c.count_max;
    if (c.qualifier === "range" && c.count_max != null) return (c.count_min + c.count_max) / 2;
    return c.count_min;
  }
  function hedge(c) {
    if (c.qualifier === "range") return `${c.count_min}–${c.count_max ?? "?"}`;
    if (c.qualifier === "at_most") return `up to ${c.count_max}`;
    return `${QUALIFIER_WORDS[c.qualifier] || c.qualifier} ${c.count_min}`;
  }
  function range(low, best, high) {
    if (low == null && best == null && high == null) return "–";
    const f = (v) => (v === null || v === undefined ? "?" : String(v));
    return `${f(low)}–${f(best)}–${f(high)}`;
  }
  function placesAndActors(inc) {
    const ids = [...inc.locations, ...inc.actors.filter((a) => !inc.locations.includes(a))];
    return ids.slice(0, 4).map(entityName).join(", ") + (ids.length > 4 ? ` +${ids.length - 4}` : "");
  }
  function jitter(id) {
    let h = 2166136261;
    for (let i = 0; i < id.length; i++) { h ^= id.charCodeAt(i); h = Math.imul(h, 16777619); }
    return 0.15 + ((h >>> 0) % 1000) / 1000 * 0.7;
  }

  function buildIndexes() {
    const d = NEX.data;
    idx.meta = d.meta[0] || {};
    idx.entities = new Map(d.entities.map((e) => [e.id, e]));
    idx.articles = new Map(d.articles.map((a) => [a.id, a]));
    idx.claims = new Map(d.claims.map((c) => [claimKey(c.article_id, c.claim_id), c]));
    idx.incidents = new Map(d.incidents.map((i) => [i.id, i]));
    idx.claimants = new Map(); // key -> label
    for (const inc of d.incidents) {
      inc._t0 = utc(inc.date_min);
      inc._t1 = utc(inc.date_max);
      // Arrays, not Sets: an incident names a few; 48,000 Sets cost a quarter second.
      inc._people = inc.actors.concat(inc.locations);
      inc._claimants = [];
      for (const c of inc.claims) {
        const key = claimantKey(c);
        const group = key.startsWith("a:") ? "a:" : key;
        if (!inc._claimants.includes(group)) inc._claimants.push(group);
        if (!key.startsWith("a:") && !idx.claimants.has(key)) idx.claimants.set(key, claimantLabel(key, c));
      }
    }
    idx.dated = d.incidents.filter((i) => i._t0 !== null)
      .sort((a, b) => a._t0 - b._t0 || (a.id < b.id ? -1 : 1));
  }

  /* ---------- filters ---------- */
  function fillSelect(select, options) {
    const frag = document.createDocumentFragment();
    for (const [value, label] of options) frag.append(el("option", { value }, label));
    select.append(frag);
  }
  function setUpFilters() {
    const types = [...new Set(NEX.data.incidents.map((i) => i.type))].sort();
    fillSelect($("#f-type"), types.map((t) => [t, t]));
    const people = new Map();
    for (const inc of NEX.data.incidents) for (const id of inc._people) if (!people.has(id)) people.set(id, entityName(id));
    const byName = [...people].sort((a, b) => a[1].localeCompare(b[1]));
    const countries = byName.filter(([id]) => (idx.entities.get(id) || {}).type === "COUNTRY");
    const others = byName.filter(([id]) => (idx.entities.get(id) || {}).type !== "COUNTRY");
    const actor = $("#f-actor");
    const g1 = el("optgroup", { label: "Countries" }); fillSelect(g1, countries);
    const g2 = el("optgroup", { label: "Actors and places" }); fillSelect(g2, others);
    actor.append(g1, g2);
    const claimants = [...idx.claimants].sort((a, b) => a[1].localeCompare(b[1]));
    fillSelect($("#f-claimant"), [["a:", "(unattributed figures)"], ...claimants]);
    const dates = idx.dated;
    if (dates.length) {
      for (const input of [$("#f-from"), $("#f-to")]) {
        input.min = dates[0].date_min;
        input.max = dates.reduce((m, i) => (i.date_max > m ? i.date_max : m), dates[0].date_max);
      }
    }
    const form = $("#filters");
    form.addEventListener("change", () => applyFilters());
    $("#f-reset").addEventListener("click", () => resetFilters());
    form.addEventListener("submit", (ev) => ev.preventDefault());
  }
  function currentFilters() {
    return {
      type: $("#f-type").value, actor: $("#f-actor").value, claimant: $("#f-claimant").value,
      from: utc($("#f-from").value || null), to: utc($("#f-to").value || null),
    };
  }
  function matches(inc, f) {
    if (f.type && inc.type !== f.type) return false;
    if (f.actor && !inc._people.includes(f.actor)) return false;
    if (f.claimant && !inc._claimants.includes(f.claimant)) return false;
    if (f.from !== null || f.to !== null) {
      if (inc._t0 === null) return false; // a date range leaves undated incidents out
      if (f.from !== null && inc._t1 < f.from) return false;
      if (f.to !== null && inc._t0 > f.to) return false;
    }
    return true;
  }
  function resetFilters() {
    $("#filters").reset();
    return applyFilters();
  }
  function applyFilters() {
    const started = performance.now();
    const f = currentFilters();
    state.filtered = NEX.data.incidents.filter((i) => matches(i, f));
    state.incidentRows = PAGE_ROWS;
    state.undatedRows = PAGE_ROWS;
    const dated = state.filtered.filter((i) => i._t0 !== null).length;
    $("#f-count").textContent = `${state.filtered.length} of ${NEX.data.incidents.length} incidents (${dated} dated)`;
    renderTables();
    NEX.timings.tables = performance.now() - started;
    if (state.map) drawMapPoints();
    const chartStarted = performance.now();
    return updateChart().then(() => {
      NEX.timings.chart = performance.now() - chartStarted;
      NEX.timings.filter = performance.now() - started;
    });
  }

  /* ---------- timeline ---------- */
  function chartRows(incidents) {
    const rows = [];
    for (const inc of incidents) {
      if (inc._t0 === null) continue;
      const end = inc._t1 + DAY; // the last day counts whole
      rows.push({
        id: inc.id, type: inc.type, precision: inc.precision || "day",
        t0: inc._t0, t1: end, tm: (inc._t0 + end) / 2, long: end - inc._t0 > DAY,
        killed: inc.killed_best ?? 0, killed_best: inc.killed_best,
        date: inc.date_min === inc.date_max ? inc.date_min : `${inc.date_min} to ${inc.date_max}`,
        jitter: jitter(inc.id),
      });
    }
    return rows;
  }
  function chartSpec(types, width, height, large) {
    const colour = { field: "type", type: "nominal", title: "type",
      scale: { domain: types, range: types.map((t) => TYPE_COLOURS[t] || "#888") } };
    const y = { field: "type", type: "nominal", title: null, sort: types };
    const yOffset = { field: "jitter", type: "quantitative", scale: { domain: [0, 1] } };
    const x = { field: "t0", type: "temporal", title: "date", scale: { type: "utc", padding: 14 }, axis: { format: "%Y-%m-%d", labelOverlap: true } };
    return {
      $schema: "https://vega.github.io/schema/vega-lite/v6.json",
      // A width in pixels, not "container": fitting the container lays the chart out twice.
      width, height, autosize: { type: "pad" },
      data: { name: "incidents" },
      config: { legend: { orient: "bottom", columns: 8 }, view: { stroke: null } },
      layer: [
        { transform: [{ filter: "datum.long" }],
          mark: { type: "rule", strokeWidth: 3, opacity: 0.45 },
          encoding: { x, x2: { field: "t1" }, y, yOffset, color: { ...colour, legend: null } } },
        { mark: { type: "point", filled: true, opacity: 0.8, stroke: "#333", strokeWidth: 0.5, cursor: "pointer" },
          encoding: {
            x: { ...x, field: "tm" }, y, yOffset, color: colour,
            size: { field: "killed", type: "quantitative", title: "killed (best)", scale: { type: "sqrt", zero: true, range: [25, 700] } },
            shape: { field: "precision", type: "nominal", title: "precision", scale: { domain: Object.keys(PRECISION_SHAPES), range: Object.values(PRECISION_SHAPES) } },
            // A tooltip per mark costs an object per mark: drawn only while marks are few.
            ...(large ? {} : { tooltip: [{ field: "date", title: "date" }, { field: "type" }, { field: "precision" }, { field: "killed_best", title: "killed (best)" }, { field: "id", title: "incident" }] }),
          } },
      ],
    };
  }
  function drawChart() {
    const rows = chartRows(state.filtered);
    const container = $("#timeline");
    if (!idx.dated.length) {
      container.append(el("p", { class: "hint" }, "No incident of this release is dated."));
      return Promise.resolve();
    }
    const types = [...new Set(idx.dated.map((i) => i.type))].sort();
    // SVG keeps every mark in the page (readable, testable); a canvas is faster at scale.
    const large = idx.dated.length > LARGE;
    const width = Math.max(300, container.clientWidth - 110); // room for the type labels
    const spec = chartSpec(types, width, Math.max(90, types.length * 34), large);
    const compiled = vegaLite.compile(spec).spec;
    const view = new vega.View(vega.parse(compiled), { renderer: large ? "canvas" : "svg", container, hover: !large });
    view.addEventListener("click", (_event, item) => {
      if (item && item.datum && item.datum.id && idx.incidents.has(item.datum.id)) go("incident", item.datum.id);
    });
    view.data("incidents", rows);
    state.chart = view;
    return view.runAsync();
  }
  function updateChart() {
    if (!state.chart) return Promise.resolve();
    const rows = chartRows(state.filtered);
    return state.chart.change("incidents", vega.changeset().remove(vega.truthy).insert(rows)).runAsync();
  }

  /* ---------- tables ---------- */
  function incidentRow(inc, dated) {
    const cells = [];
    if (dated) {
      cells.push(el("td", null, inc.date_min === inc.date_max ? inc.date_min : `${inc.date_min} – ${inc.date_max}`));
      cells.push(el("td", null, inc.precision || ""));
    }
    cells.push(el("td", null, swatch(inc.type), inc.type, inc.mode ? ` (${inc.mode})` : ""));
    cells.push(el("td", null, placesAndActors(inc)));
    cells.push(el("td", null, range(inc.killed_low, inc.killed_best, inc.killed_high),
      inc.figures_conflict ? el("span", { class: "tag bad", title: "claimants disagree" }, "conflict") : null));
    if (dated) cells.push(el("td", null, range(inc.injured_low, inc.injured_best, inc.injured_high)));
    cells.push(el("td", null, String(inc.independent_sources)));
    cells.push(el("td", null, String(inc.claims.length)));
    const tr = el("tr", { class: "clickable incident-row" + (state.selected === inc.id ? " selected" : ""), dataset: { id: inc.id } }, cells);
    tr.addEventListener("click", () => go("incident", inc.id));
    return tr;
  }
  function renderTables() {
    const dated = state.filtered.filter((i) => i._t0 !== null).sort((a, b) => a._t0 - b._t0 || (a.id < b.id ? -1 : 1));
    const undated = state.filtered.filter((i) => i._t0 === null);
    renderPaged($("#incident-table tbody"), $("#incident-more"), dated, state.incidentRows, (i) => incidentRow(i, true),
      () => { state.incidentRows += PAGE_ROWS; renderTables(); });
    renderPaged($("#undated-table tbody"), $("#undated-more"), undated, state.undatedRows, (i) => incidentRow(i, false),
      () => { state.undatedRows += PAGE_ROWS; renderTables(); });
  }
  function renderPaged(tbody, more, items, shown, row, onMore) {
    clear(tbody);
    const frag = document.createDocumentFragment();
    for (const item of items.slice(0, shown)) frag.append(row(item));
    tbody.append(frag);
    more.hidden = items.length <= shown;
    more.textContent = `Show more (${items.length - Math.min(shown, items.length)} left)`;
    more.onclick = onMore;
  }

  /* ---------- incident ---------- */
  function figureButton(c, label) {
    return el("button", { type: "button", class: "figure", title: "Open the article at this figure's sentence",
      dataset: { article: c.article_id, claim: c.claim_id },
      on: { click: (ev) => { ev.stopPropagation(); go("article", c.article_id, c.claim_id); } } }, label);
  }
  function conflictsOf(inc) {
    // outcome -> Map(claimant key -> set of point figures), over the used claims.
    const byOutcome = new Map();
    for (const c of inc.claims) {
      if (!c.used) continue;
      const key = claimantKey(c);
      if (!byOutcome.has(c.outcome)) byOutcome.set(c.outcome, new Map());
      const groups = byOutcome.get(c.outcome);
      if (!groups.has(key)) groups.set(key, new Set());
      groups.get(key).add(pointFigure(c));
    }
    const conflicting = new Map(); // outcome -> [[key, figures]]
    for (const [outcome, groups] of byOutcome) {
      const all = new Set(); for (const s of groups.values()) for (const v of s) all.add(v);
      if (groups.size > 1 && all.size > 1) conflicting.set(outcome, [...groups]);
    }
    return conflicting;
  }
  function showIncident(id) {
    const inc = idx.incidents.get(id);
    const pane = clear($("#detail"));
    if (!inc) { pane.append(el("p", { class: "hint" }, `No incident ${id} in this release.`)); return; }
    state.selected = id;
    for (const tr of document.querySelectorAll("tr.incident-row")) tr.classList.toggle("selected", tr.dataset.id === id);
    const when = inc.date_min ? (inc.date_min === inc.date_max ? inc.date_min : `${inc.date_min} to ${inc.date_max}`) : "undated";
    pane.append(
      el("h2", { id: "incident-title" }, swatch(inc.type), `${inc.type}${inc.mode ? " (" + inc.mode + ")" : ""}, ${when}`),
      el("dl", { class: "kv" },
        el("dt", null, "incident"), el("dd", null, inc.id),
        el("dt", null, "date precision"), el("dd", null, inc.precision || "undated"),
        el("dt", null, "actors"), el("dd", null, inc.actors.map(entityName).join(", ") || "–"),
        el("dt", null, "places"), el("dd", null, inc.locations.map(entityName).join(", ") || "–"),
        el("dt", null, "coordinates"), el("dd", null, inc.point ? `${inc.point.lat.toFixed(3)}, ${inc.point.lon.toFixed(3)}` + (inc.point.geo_precision ? ` (precision ${inc.point.geo_precision})` : "") : "none")),
    );
    const conflicting = conflictsOf(inc);
    pane.append(figuresTable(inc));
    if (inc.figures_conflict || conflicting.size) {
      const parts = [...conflicting].map(([outcome, groups]) => `${outcome}: ` + groups.map(([key, figs]) => {
        const c = inc.claims.find((x) => claimantKey(x) === key);
        return `${claimantLabel(key, c)} says ${[...figs].join(" / ")}`;
      }).join("; "));
      pane.append(el("p", { class: "conflict-banner", id: "conflict-banner" }, "Claimants disagree. ", parts.join(". ")));
    }
    pane.append(el("h3", null, `Claims by claimant (${inc.claims.length})`));
    pane.append(claimsByClaimant(inc, conflicting));
    pane.append(articlesOf(inc));
  }
  function figuresTable(inc) {
    const t = el("table", { class: "list figures" },
      el("thead", null, el("tr", null, el("th", null, "outcome"), el("th", null, "low"), el("th", null, "best"), el("th", null, "high"))));
    const body = el("tbody");
    for (const outcome of ["killed", "injured"]) {
      body.append(el("tr", null, el("td", null, outcome), el("td", null, inc[outcome + "_low"] ?? "–"),
        el("td", null, inc[outcome + "_best"] ?? "–"), el("td", null, inc[outcome + "_high"] ?? "–")));
    }
    t.append(body);
    return el("div", null, el("h3", null, "Figures"), t,
      el("p", { class: "rule" }, "The rule (UCDP GED's low/best/high, over the used claims only): each claim's point figure is its number (exact, about, at least), the bound of “up to N”, the midpoint of a range; low is the lowest figure any used claim allows, best the lower median of the point figures, high the highest figure a used claim states. A claim is left out as cumulative, a breakdown, a background mention, superseded by a later total of the same claimant, repeated by a near-duplicate or repeated in the same article; each claim below says whether it is used."));
  }
  function claimsByClaimant(inc, conflicting) {
    const groups = new Map();
    for (const c of inc.claims) {
      const key = claimantKey(c);
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(c);
    }
    const box = el("div", { id: "claims-by-claimant" });
    const sorted = [...groups].sort((a, b) => claimantLabel(a[0], a[1][0]).localeCompare(claimantLabel(b[0], b[1][0])));
    for (const [key, claims] of sorted) {
      const inConflict = claims.some((c) => c.used && conflicting.has(c.outcome));
      const table = el("table", { class: "list" }, el("thead", null, el("tr", null,
        ["figure", "outcome", "hedge", "point", "used", "outlet", "published", "article"].map((h) => el("th", null, h)))));
      const body = el("tbody");
      for (const c of claims) {
        const full = idx.claims.get(claimKey(c.article_id, c.claim_id)) || {};
        const cls = [c.used ? "" : "unused", c.used && conflicting.has(c.outcome) ? "conflict" : ""].join(" ").trim();
        body.append(el("tr", { class: cls || null, dataset: { claim: c.claim_id, article: c.article_id } },
          el("td", null, figureButton(c, full.figure || hedge(c))),
          el("td", null, c.outcome),
          el("td", null, hedge(c)),
          el("td", { class: "point" }, String(pointFigure(c))),
          el("td", null, c.used ? "used" : `left out: ${c.left_out}`),
          el("td", null, full.outlet || (idx.articles.get(c.article_id) || {}).outlet || "–"),
          el("td", null, full.published_date || "–"),
          el("td", null, el("button", { type: "button", class: "link", on: { click: () => go("article", c.article_id) } }, articleTitle(c.article_id)))));
      }
      table.append(body);
      box.append(el("div", { class: "claimant-group" + (inConflict ? " conflict" : ""), dataset: { claimant: key } },
        el("h4", { class: "claimant-name" }, claimantLabel(key, claims[0])), table));
    }
    if (!inc.claims.length) box.append(el("p", { class: "hint" }, "No casualty claim is linked to this incident."));
    return box;
  }
  function articlesOf(inc) {
    const groups = new Map();
    for (const id of inc.article_ids) {
      const root = inc.article_ids.includes(rootArticle(id)) ? rootArticle(id) : id;
      if (!groups.has(root)) groups.set(root, []);
      if (root !== id) groups.get(root).push(id);
    }
    const box = el("div", { id: "incident-articles" },
      el("h3", null, `Articles (${inc.article_ids.length}), ${inc.independent_sources} independent source${inc.independent_sources === 1 ? "" : "s"}`),
      el("p", { class: "rule" }, "Independent sources: the articles reporting it as news, a rewrite counted once with the story it copies (the release's count). Rewrites are listed under their story."));
    for (const [root, rewrites] of groups) {
      const a = idx.articles.get(root) || { title: root };
      const item = el("div", { class: "dupe-group" },
        el("button", { type: "button", class: "link", on: { click: () => go("article", root) } }, a.title),
        ` ${[a.outlet, a.published_date].filter(Boolean).join(", ")}`);
      if (rewrites.length) {
        item.append(el("ul", null, rewrites.map((id) => el("li", null, "near-duplicate: ",
          el("button", { type: "button", class: "link", on: { click: () => go("article", id) } }, articleTitle(id))))));
      }
      box.append(item);
    }
    return box;
  }

  /* ---------- article ---------- */
  function loadText(id) {
    if (NEX.data.texts.has(id)) return Promise.resolve(NEX.data.texts.get(id));
    const summary = idx.articles.get(id);
    if (!summary) return Promise.reject(new Error(`no article ${id}`));
    const name = `data/texts-${String(summary.page).padStart(4, "0")}.js`;
    if (!state.pagesLoading.has(name)) {
      state.pagesLoading.set(name, new Promise((resolve, reject) => {
        const tag = el("script", { src: name, charset: "utf-8" });
        tag.onload = resolve;
        tag.onerror = () => reject(new Error(`cannot load ${name}`));
        document.head.append(tag);
      }));
    }
    return state.pagesLoading.get(name).then(() => NEX.data.texts.get(id));
  }
  function showArticle(id, claimId) {
    const started = performance.now();
    const pane = clear($("#detail"));
    pane.append(el("p", { class: "hint" }, "Loading the article…"));
    return loadText(id).then((text) => {
      if (!text) throw new Error(`no article ${id} in its page`);
      renderArticle(id, text);
      if (claimId) focusClaim(claimId);
      NEX.timings.article = performance.now() - started;
    }).catch((err) => { clear(pane).append(el("p", { class: "hint" }, String(err.message || err))); });
  }
  function renderArticle(id, text) {
    const summary = idx.articles.get(id) || {};
    const pane = clear($("#detail"));
    const meta = [summary.outlet, summary.agency && `via ${summary.agency}`, text.author && `by ${text.author}`, text.dateline,
      summary.published_date ? `published ${summary.published_date} (${text.published_date_provenance})` : "no publication date"].filter(Boolean);
    pane.append(
      el("h2", { id: "article-title" }, text.title),
      el("p", { class: "rule" }, meta.join(" · ")),
      text.url ? el("p", { class: "rule" }, "URL: ", el("a", { href: text.url, rel: "noreferrer noopener", target: "_blank" }, text.url)) : null,
      summary.near_duplicate_of ? el("p", { class: "rule" }, "Near-duplicate of ",
        el("button", { type: "button", class: "link", on: { click: () => go("article", summary.near_duplicate_of) } }, articleTitle(summary.near_duplicate_of))) : null,
      text.flags.length ? el("p", { class: "rule" }, "Flags: ", text.flags.join(", ")) : null,
      el("p", { class: "legend" }, el("span", { class: "figure" }, "figure"), el("span", { class: "trigger" }, "event trigger"),
        el("span", { class: "ent ent-PERSON" }, "person"), el("span", { class: "ent ent-ORGANIZATION" }, "organization"),
        el("span", { class: "ent ent-ARMED_GROUP" }, "armed group"), el("span", { class: "ent ent-COUNTRY" }, "country"),
        el("span", { class: "ent ent-LOCATION" }, "place"), el("span", { class: "evidence" }, "evidence sentence")),
    );
    if (text.text_policy !== "full") pane.append(el("p", { class: "hint" }, `This release ships texts under the policy “${text.text_policy}”: withheld characters are spaces.`));
    const claims = text.claims.map(([es, ee, fs, fe, cid]) => ({ es, ee, fs, fe, cid }));
    if (claims.length) {
      const list = el("ul", { class: "article-claims" });
      for (const c of claims) {
        const full = idx.claims.get(claimKey(id, c.cid)) || {};
        const who = full.claimant_name || full.claimant_text || "unattributed";
        list.append(el("li", null, figureButton({ article_id: id, claim_id: c.cid }, full.figure || text.text.slice(c.fs, c.fe)),
          ` ${full.outcome || ""} ${full.victims ? "(" + full.victims + ")" : ""}, claimant: ${who}`,
          full.incident_id ? el("span", null, " · ", el("button", { type: "button", class: "link", on: { click: () => go("incident", full.incident_id) } }, "incident")) : null));
      }
      pane.append(el("h3", null, `Casualty claims (${claims.length})`), list);
    }
    pane.append(el("div", { class: "article-text", id: "article-text", dataset: { article: id } }, highlighted(text)));
  }
  function highlighted(text) {
    const body = text.text;
    const inner = [];
    for (const [s, e, eid] of text.mentions) {
      const ent = idx.entities.get(eid) || { name: eid, type: "OTHER" };
      inner.push({ s, e, cls: `ent ent-${ent.type}`, title: `${ent.name} (${ent.type})`, entity: eid });
    }
    for (const [, , ts, te, evid, type] of text.events) if (ts >= 0) inner.push({ s: ts, e: te, cls: "trigger", title: `${type} event ${evid}` });
    for (const [, , fs, fe, cid] of text.claims) inner.push({ s: fs, e: fe, cls: "figure", title: "casualty figure", claim: cid });
    const outer = new Map();
    for (const [es, ee] of text.events) outer.set(`${es}:${ee}`, [es, ee]);
    for (const [es, ee] of text.claims) outer.set(`${es}:${ee}`, [es, ee]);
    const sentences = [...outer.values()].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    const frag = document.createDocumentFragment();
    let at = 0;
    for (const [s, e] of sentences) {
      if (s < at) continue; // overlaps a sentence already drawn
      frag.append(segments(body, at, s, inner));
      frag.append(el("span", { class: "evidence", dataset: { start: s, end: e } }, segments(body, s, e, inner)));
      at = e;
    }
    frag.append(segments(body, at, body.length, inner));
    return frag;
  }
  function segments(body, from, to, inner) {
    const frag = document.createDocumentFragment();
    if (to <= from) return frag;
    const spans = inner.filter((x) => x.s < to && x.e > from);
    const cuts = new Set([from, to]);
    for (const x of spans) { cuts.add(Math.max(x.s, from)); cuts.add(Math.min(x.e, to)); }
    const points = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i < points.length - 1; i++) {
      const a = points[i], b = points[i + 1];
      const piece = body.slice(a, b);
      const over = spans.filter((x) => x.s <= a && x.e >= b);
      if (!over.length) { frag.append(piece); continue; }
      const figure = over.find((x) => x.claim);
      const ent = over.find((x) => x.entity);
      const node = el("span", {
        class: over.map((x) => x.cls).join(" "), title: over.map((x) => x.title).join("; "),
        dataset: figure ? { claim: figure.claim } : (ent ? { entity: ent.entity } : null),
      }, piece);
      if (figure) {
        node.setAttribute("role", "button"); node.tabIndex = 0;
        node.addEventListener("click", () => focusClaim(figure.claim));
      }
      frag.append(node);
    }
    return frag;
  }
  function focusClaim(claimId) {
    const box = $("#article-text");
    if (!box) return;
    const text = NEX.data.texts.get(box.dataset.article);
    const claim = text && text.claims.find((c) => c[4] === claimId);
    if (!claim) return;
    for (const n of box.querySelectorAll(".focus, .figure-focus")) n.classList.remove("focus", "figure-focus");
    const sentence = box.querySelector(`.evidence[data-start="${claim[0]}"][data-end="${claim[1]}"]`);
    for (const n of box.querySelectorAll(`.figure[data-claim="${CSS.escape(claimId)}"]`)) n.classList.add("figure-focus");
    if (sentence) {
      sentence.classList.add("focus");
      sentence.scrollIntoView({ block: "center" });
    }
  }

  /* ---------- entities ---------- */
  function setUpEntities() {
    const types = [...new Set(NEX.data.entities.map((e) => e.type))].sort();
    fillSelect($("#entity-type"), types.map((t) => [t, t]));
    $("#entity-search").addEventListener("input", () => { state.entityRows = PAGE_ROWS; renderEntities(); });
    $("#entity-type").addEventListener("change", () => { state.entityRows = PAGE_ROWS; renderEntities(); });
    idx.entitiesSorted = [...NEX.data.entities].sort((a, b) => b.article_count - a.article_count || a.name.localeCompare(b.name));
  }
  function renderEntities() {
    const started = performance.now();
    const q = $("#entity-search").value.trim().toLowerCase();
    const type = $("#entity-type").value;
    const items = idx.entitiesSorted.filter((e) => (!type || e.type === type) &&
      (!q || e.name.toLowerCase().includes(q) || e.aliases.some((a) => a.toLowerCase().includes(q))));
    $("#entity-count").textContent = `${items.length} of ${NEX.data.entities.length} entities`;
    renderPaged($("#entity-table tbody"), $("#entity-more"), items, state.entityRows, (e) => el("tr", { dataset: { entity: e.id } },
      el("td", null, e.name), el("td", null, e.type),
      el("td", null, e.wikidata ? el("a", { href: `https://www.wikidata.org/wiki/${e.wikidata}`, rel: "noreferrer noopener", target: "_blank" }, e.wikidata) : "–"),
      el("td", null, e.aliases.join(", ")),
      el("td", null, el("button", { type: "button", class: "link", on: { click: () => go("entity", e.id) } }, `${e.article_count} article${e.article_count === 1 ? "" : "s"}`))),
    () => { state.entityRows += PAGE_ROWS; renderEntities(); });
    NEX.timings.entities = performance.now() - started;
  }
  function showEntity(id) {
    const e = idx.entities.get(id);
    const pane = clear($("#detail"));
    if (!e) { pane.append(el("p", { class: "hint" }, `No entity ${id}.`)); return; }
    const articles = NEX.data.articles.filter((a) => a.entities.includes(id));
    pane.append(el("h2", null, e.name),
      el("dl", { class: "kv" }, el("dt", null, "type"), el("dd", null, e.type),
        el("dt", null, "id"), el("dd", null, e.id),
        el("dt", null, "Wikidata"), el("dd", null, e.wikidata ? el("a", { href: `https://www.wikidata.org/wiki/${e.wikidata}`, rel: "noreferrer noopener", target: "_blank" }, e.wikidata) : "not linked"),
        el("dt", null, "aliases"), el("dd", null, e.aliases.join(", ")),
        el("dt", null, "mentions"), el("dd", null, String(e.mention_count))),
      el("h3", null, `Articles naming it (${articles.length})`),
      el("ul", null, articles.slice(0, 500).map((a) => el("li", null,
        el("button", { type: "button", class: "link", on: { click: () => go("article", a.id) } }, a.title), ` ${a.published_date || ""}`))));
  }

  /* ---------- map ---------- */
  function setUpMap() {
    const note = $("#map-note");
    const map = L.map("map", { worldCopyJump: false, preferCanvas: true, minZoom: 1, attributionControl: true }).setView([25, 30], 2);
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Country outlines: Natural Earth (public domain), via world-atlas");
    const countries = unwrapRings(topojson.feature(window.NEX_WORLD, window.NEX_WORLD.objects.countries));
    L.geoJSON(countries, { style: { color: "#8a8a8a", weight: 0.7, fillColor: "#f4f1e8", fillOpacity: 1 }, interactive: false }).addTo(map);
    state.map = map;
    if (!idx.meta.coordinates) note.textContent = "No coordinates in this release: its incidents have no latitude and longitude (a geocoded release has them).";
    else if (!idx.meta.points) note.textContent = "No coordinates in this release: no incident has a latitude and longitude.";
    drawMapPoints();
  }
  function unwrapRings(collection) {
    // A ring that crosses the antimeridian (Russia, Fiji) jumps 360 degrees between two
    // points, which a flat map draws as a line across the world: continue it instead.
    const fix = (ring) => {
      for (let i = 1; i < ring.length; i++) {
        while (ring[i][0] - ring[i - 1][0] > 180) ring[i][0] -= 360;
        while (ring[i][0] - ring[i - 1][0] < -180) ring[i][0] += 360;
      }
    };
    for (const f of collection.features) {
      const g = f.geometry;
      if (!g) continue;
      if (g.type === "Polygon") g.coordinates.forEach(fix);
      else if (g.type === "MultiPolygon") g.coordinates.forEach((p) => p.forEach(fix));
    }
    return collection;
  }
  function drawMapPoints() {
    const map = state.map;
    if (state.mapLayer) state.mapLayer.remove();
    const layer = L.layerGroup();
    let shown = 0;
    for (const inc of state.filtered) {
      if (!inc.point) continue;
      shown++;
      const marker = L.circleMarker([inc.point.lat, inc.point.lon], {
        radius: 4 + Math.sqrt(inc.killed_best || 0) * 1.5, color: "#333", weight: 0.6,
        fillColor: TYPE_COLOURS[inc.type] || "#888", fillOpacity: 0.8,
      });
      marker.bindTooltip(`${inc.type} ${inc.date_min || "undated"}${inc.killed_best != null ? ", killed " + inc.killed_best : ""}`);
      marker.on("click", () => go("incident", inc.id));
      layer.addLayer(marker);
    }
    layer.addTo(map);
    state.mapLayer = layer;
    if (idx.meta.points) $("#map-note").textContent = `${shown} of ${idx.meta.points} incidents with coordinates match the filters.`;
  }

  /* ---------- views and routes ---------- */
  function showView(view) {
    state.view = view;
    for (const b of document.querySelectorAll("#tabs button")) b.classList.toggle("active", b.dataset.view === view);
    for (const v of ["timeline", "entities", "map"]) $("#view-" + v).hidden = v !== view;
    $("#filters").hidden = view === "entities";
    if (view === "entities") renderEntities();
    if (view === "map") { if (!state.map) setUpMap(); else state.map.invalidateSize(); }
  }
  function go(kind, id, extra) {
    const hash = `#/${kind}/${enc(id)}` + (extra ? `/${enc(extra)}` : "");
    if (location.hash === hash) route(); else location.hash = hash;
  }
  function route() {
    const parts = location.hash.replace(/^#\/?/, "").split("/").map(decodeURIComponent);
    const [kind, id, extra] = parts;
    if (kind === "incident" && id) return showIncident(id);
    if (kind === "article" && id) return showArticle(id, extra);
    if (kind === "entity" && id) return showEntity(id);
    return null;
  }

  NEX.start = function start() {
    const started = performance.now();
    const lap = (name) => { NEX.timings[name] = performance.now() - started; };
    lap("data"); // every data file loaded and parsed, the page's own script run
    NEX.timings.data = started;
    buildIndexes();
    lap("indexes");
    const m = idx.meta;
    const counts = m.counts || {};
    $("#status").textContent = `${counts.incidents || 0} incidents (${idx.dated.length} dated), ${counts.claims || 0} claims, ${counts.articles || 0} articles, ${counts.entities || 0} entities · texts: ${m.text_policy}`;
    setUpFilters();
    setUpEntities();
    for (const b of document.querySelectorAll("#tabs button")) b.addEventListener("click", () => showView(b.dataset.view));
    state.filtered = NEX.data.incidents.slice();
    $("#f-count").textContent = `${state.filtered.length} incidents (${idx.dated.length} dated)`;
    lap("filters");
    renderTables();
    lap("tables");
    window.addEventListener("hashchange", route);
    return drawChart().then(() => {
      route();
      NEX.timings.first = performance.now() - started;
      document.body.dataset.ready = "1";
    });
  };
  NEX.applyFilters = applyFilters;
  NEX.resetFilters = resetFilters;
  NEX.showView = showView;
  NEX.timelineMarks = function timelineMarks() {
    // Points drawn by the chart (any renderer), read from Vega's scenegraph.
    let count = 0;
    (function walk(node) {
      if (!node) return;
      if (node.marktype === "symbol" && node.role === "mark") count += (node.items || []).length;
      for (const child of node.items || []) if (child.items) walk(child);
    })(state.chart ? state.chart.scenegraph().root : null);
    return count;
  };
})();
