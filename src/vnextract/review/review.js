// vnextract review: shows one page of documents at a time from the JSON data block.
// The texts arrive highlighted (marks built in Python on code-point offsets); this script only
// filters, pages and explains. State (filters, page) is the URL fragment: #indicator=exports&page=2.
"use strict";
(function () {
  const DATA = JSON.parse(document.getElementById("data").textContent);
  const FACETS = ["indicator", "kind", "place", "year", "status"];
  const NONE = "(none)";
  const STATUS_WORDS = {rec: "record", added: "added", removed: "removed", changed: "changed", same: "same",
                        matched: "matched", wrong: "wrong fields", missed: "missed", spurious: "spurious"};
  const form = document.getElementById("filters");
  const main = document.getElementById("docs");
  const detail = document.getElementById("detail");
  const norm = (s) => String(s).normalize("NFC").toLowerCase();
  const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]));
  const plain = new Map();  // doc → its text, lowercased NFC, for the search box (made on first search)
  // "only": documents with records (run), with differences (diff: shown by default), with errors (gold)
  const NOTABLE = {run: null, diff: ["added", "removed", "changed"], gold: ["wrong", "missed", "spurious"]}[DATA.mode];
  const ONLY_DEFAULT = DATA.mode === "diff";
  const notable = (d) => (NOTABLE ? d.e.some((e) => NOTABLE.includes(e.st)) : d.e.length > 0);

  function facet(entry, name) {
    if (name === "status") return entry.st;
    const v = entry.r[name];
    return v === null || v === undefined ? NONE : String(v);
  }

  function readState() {
    const st = {page: 1, per: DATA.per, q: "", only: ONLY_DEFAULT};
    for (const part of location.hash.replace(/^#/, "").split("&")) {
      if (!part) continue;
      const [k, v = ""] = part.split("=").map((x) => decodeURIComponent(x.replace(/\+/g, " ")));
      if (k === "page" || k === "per") st[k] = Math.max(1, parseInt(v, 10) || 1);
      else if (k === "only") st.only = v !== "0";
      else st[k] = v;
    }
    return st;
  }

  function writeState(st) {
    const parts = [];
    for (const k of [...FACETS, "q", "sel"]) if (st[k]) parts.push(k + "=" + encodeURIComponent(st[k]));
    if (st.only !== ONLY_DEFAULT) parts.push("only=" + (st.only ? 1 : 0));
    if (st.page > 1) parts.push("page=" + st.page);
    if (st.per !== DATA.per) parts.push("per=" + st.per);
    history.replaceState(null, "", parts.length ? "#" + parts.join("&") : location.pathname + location.search);
  }

  function fillFacets() {
    for (const name of FACETS) {
      const counts = new Map();
      for (const d of DATA.docs) for (const e of d.e) counts.set(facet(e, name), (counts.get(facet(e, name)) || 0) + 1);
      const sel = form.elements[name];
      const keys = [...counts.keys()].sort((a, b) => (a === NONE) - (b === NONE) || a.localeCompare(b, "vi"));
      sel.innerHTML = '<option value="">all</option>' +
        keys.map((k) => `<option value="${esc(k)}">${esc(STATUS_WORDS[k] && name === "status" ? STATUS_WORDS[k] : k)} (${counts.get(k)})</option>`).join("");
    }
    if (DATA.mode === "run") document.getElementById("status-filter").hidden = true;
    const label = {run: "only documents with records", diff: "only documents that differ",
                   gold: "only documents with errors"}[DATA.mode];
    document.getElementById("only-label").textContent = label;
  }

  function entryPasses(e, st) {
    return FACETS.every((name) => !st[name] || facet(e, name) === st[name]);
  }

  function docText(d) {
    if (!plain.has(d)) {
      const raw = (d.h || "") + " " + (d.x || "");
      const t = raw.replace(/<[^>]*>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
      plain.set(d, norm(d.k + " " + t + " " + d.e.map((e) => e.d + " " + (e.q || "")).join(" ")));
    }
    return plain.get(d);
  }

  function selected(st) {
    const anyFacet = FACETS.some((n) => st[n]);
    const q = st.q ? norm(st.q) : "";
    return DATA.docs.filter((d) => (!st.only || notable(d)) && (!anyFacet || d.e.some((e) => entryPasses(e, st))) &&
                                   (!q || docText(d).includes(q)));
  }

  function counts(entries) {
    const c = {};
    for (const e of entries) c[e.st] = (c[e.st] || 0) + 1;
    if (DATA.mode === "run") return `${entries.length} record${entries.length === 1 ? "" : "s"}`;
    return Object.keys(STATUS_WORDS).filter((k) => c[k]).map((k) => `${STATUS_WORDS[k]} ${c[k]}`).join(", ") || "no records";
  }

  function legend(entries) {  // the counts, each on its highlight colour
    const c = {};
    for (const e of entries) c[e.st] = (c[e.st] || 0) + 1;
    return Object.keys(STATUS_WORDS).filter((k) => c[k])
      .map((k) => `<span class="key st-${k}">${esc(STATUS_WORDS[k])} ${c[k]}</span>`).join(" ");
  }

  function row(e, i) {
    let more = "";
    const arrow = (a, b) => (e.st === "wrong" ? `got ${a}, gold ${b}` : `${a} → ${b}`);
    if (e.ch) more += e.ch.map(([f, a, b]) => `<div class="moved">${esc(f)}: ${esc(arrow(a, b))}</div>`).join("");
    if (e.o && e.st !== "changed") more += `<div class="moved">gold: ${esc(e.o)}</div>`;
    if (!e.loc) more += `<div class="q">not in the text: «${esc(e.q)}»</div>`;
    const word = DATA.mode === "run" ? "" : STATUS_WORDS[e.st];
    return `<tr class="st-${e.st}" data-r="${i}"><td class="st">${esc(word)}</td><td>${esc(e.d)}${more}</td></tr>`;
  }

  function renderDoc(d, st) {
    const sec = document.createElement("section");
    sec.className = "doc";
    sec.dataset.k = d.k;
    const notes = d.n.map((n) => `<div class="note">${esc(n)}</div>`).join("");
    const rows = d.e.map((e, i) => (entryPasses(e, st) ? row(e, i) : "")).join("");
    sec.innerHTML = `<h2>${esc(d.k)}<span class="counts">${esc(counts(d.e))}</span></h2>${notes}` +
      `<div class="cols"><div><div class="text"></div>${d.x ? '<div class="layer2"></div>' : ""}</div>` +
      `<table class="recs"><tbody>${rows}</tbody></table></div>`;
    if (d.h !== null) sec.querySelector(".text").innerHTML = d.h;
    if (d.x) sec.querySelector(".layer2").innerHTML = d.x;
    for (const m of sec.querySelectorAll("mark.rec")) {
      const e = d.e[+m.dataset.r];
      m.title = e.d;
      if (!entryPasses(e, st)) m.classList.add("off");
    }
    sec.addEventListener("click", (ev) => {
      const hit = ev.target.closest("mark.rec:not(.off), tr[data-r]");
      if (hit) show(d, +hit.dataset.r, sec);
    });
    return sec;
  }

  function show(d, i, sec) {
    const e = d.e[i], r = e.r;
    for (const m of document.querySelectorAll("mark.sel")) m.classList.remove("sel");
    const mark = sec.querySelector(`mark.rec[data-r="${i}"]`);
    if (mark) { mark.classList.add("sel"); mark.scrollIntoView({block: "nearest"}); }
    let value = r.value === null || r.value === undefined ? "–" : String(r.value);
    if (r.value_high !== null && r.value_high !== undefined) value += "–" + r.value_high;
    if (r.unit) value += " " + r.unit;
    const a = r.amount;
    const amount = a ? `${a.value}${a.high !== null && a.high !== undefined ? "–" + a.high : ""} ${a.unit} (${a.dimension})` : "–";
    const months = r.months ? (r.months[0] === r.months[1] ? `${r.months[0]}` : `${r.months[0]}–${r.months[1]}`) : "–";
    const rows = [["status", STATUS_WORDS[e.st]], ["metric", r.metric], ["indicator", r.indicator], ["value", value], ["amount", amount],
      ["bound", r.bound], ["kind", r.kind], ["changes", (r.changes || []).join("; ") || "–"],
      ["plan", r.plan_percent], ["share", r.share_percent], ["contribution", r.contribution_points],
      ["year", r.year], ["months", months], ["place", r.place],
      ["evidence", r.evidence ? `${r.evidence[0]}–${r.evidence[1]}` : "–"]];
    if (e.o) rows.push([e.st === "changed" ? "before" : "gold", e.o]);
    for (const [f, a, b] of e.ch || []) rows.push([f, e.st === "wrong" ? `got ${a}, gold ${b}` : `${a} → ${b}`]);
    detail.innerHTML = '<button class="close" title="close">×</button><table>' +
      rows.map(([k, v]) => `<tr><td>${esc(k)}</td><td>${esc(v === null || v === undefined ? "–" : v)}</td></tr>`).join("") + "</table>";
    detail.hidden = false;
  }

  function render() {
    const st = readState();
    for (const name of [...FACETS, "q"]) form.elements[name].value = st[name] || "";
    form.elements.only.checked = st.only;
    const docs = selected(st);
    const pages = Math.max(1, Math.ceil(docs.length / st.per));
    st.page = Math.min(st.page, pages);
    const first = (st.page - 1) * st.per;
    const onPage = docs.slice(first, first + st.per);
    main.replaceChildren(...onPage.map((d) => renderDoc(d, st)));
    if (st.sel) {  // #sel=SOURCE:I opens the detail of record I of a shown document (a link to one record)
      const at = st.sel.lastIndexOf(":"), i = onPage.findIndex((d) => d.k === st.sel.slice(0, at));
      if (i >= 0 && onPage[i].e[+st.sel.slice(at + 1)]) show(onPage[i], +st.sel.slice(at + 1), main.children[i]);
    }
    const total = DATA.docs.reduce((n, d) => n + d.e.length, 0);
    const shownRecs = docs.reduce((n, d) => n + d.e.filter((e) => entryPasses(e, st)).length, 0);
    const all = DATA.docs.flatMap((d) => d.e);
    document.getElementById("summary").innerHTML =
      `<span id="shown" data-docs="${docs.length}" data-records="${shownRecs}">${docs.length} of ${DATA.docs.length} documents, ` +
      `${shownRecs} of ${total} records</span>` + (DATA.mode === "run" ? "" : ` · ${legend(all)}`) +
      DATA.notes.map((n) => `<div class="note">${esc(n)}</div>`).join("");
    const label = docs.length ? `documents ${first + 1}–${Math.min(first + st.per, docs.length)} of ${docs.length}` : "no documents";
    for (const nav of document.querySelectorAll(".pager")) {
      nav.innerHTML = `<button data-go="-1" ${st.page <= 1 ? "disabled" : ""}>‹ previous</button>` +
        `<button data-go="1" ${st.page >= pages ? "disabled" : ""}>next ›</button> page ${st.page} of ${pages} · ${label}`;
      nav.onclick = (ev) => {
        const go = ev.target.closest("button[data-go]");
        if (!go) return;
        st.page += +go.dataset.go;
        writeState(st);
        render();
        window.scrollTo(0, 0);
      };
    }
  }

  function fromForm() {
    const st = readState();
    for (const name of [...FACETS, "q"]) st[name] = form.elements[name].value;
    st.only = form.elements.only.checked;
    st.page = 1;
    writeState(st);
    render();
  }

  fillFacets();
  form.addEventListener("change", fromForm);
  let typing;
  form.elements.q.addEventListener("input", () => { clearTimeout(typing); typing = setTimeout(fromForm, 250); });
  window.addEventListener("hashchange", render);
  detail.addEventListener("click", (ev) => { if (ev.target.closest(".close")) detail.hidden = true; });
  render();
  document.body.dataset.ready = String(Math.round(performance.now()));  // ms from navigation start
})();
