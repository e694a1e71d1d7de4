/* The Übersicht wall as a Streamlit component (ui/wallview.py): share table, norm-band strip and view, "why"
 * bars and the map. Every rerun sends the current setting's pieces ("cur") and, packed, those of the settings
 * one arrow key away ("ahead"). The slider component names the setting it shows on this session's
 * BroadcastChannel ({type: "move", key, seq}); the wall shows it from what it holds at once, or dims and answers
 * {type: "miss", key}, upon which the slider commits at once and the rerun brings the numbers.
 * Numbers and texts are all made in Python; table cells are set as text, the other pieces arrive escaped.
 */
(function () {
  "use strict";
  var NEED_AFTER_MS = 1500;
  var mapBounds = null, mapSize = "";
  var lastSig = null, args = null, cur = null, curPacked = null, curParts = null, ahead = null, aheadFor = null, aheadPacked = null, aheadIdent = null, lastMove = null, shownKey = null;
  var chan = null, chanName = null, baseDigest = null, map = null, frameHeight = 0, needTimer = null;
  var value = {measure: null, delta: false, held: null, need: 0};
  var shown = {};
  var parsedMaps = {};

  function $(id) { return document.getElementById(id); }

  function send(type, extra) {
    var msg = {isStreamlitMessage: true, apiVersion: 1, type: type};
    for (var k in extra) { if (Object.prototype.hasOwnProperty.call(extra, k)) { msg[k] = extra[k]; } }
    window.parent.postMessage(msg, "*");
  }

  function report() { send("streamlit:setComponentValue", {value: JSON.parse(JSON.stringify(value)), dataType: "json"}); }

  // The frame's height follows the content; while the slider moves (a setting shown from what the wall holds) it
  // only grows: every change of height makes the app lay out its whole page again.
  function fit(growOnly) {
    var h = Math.ceil($("wall").getBoundingClientRect().height) + 6;
    if (h !== frameHeight && !(growOnly && h < frameHeight)) { frameHeight = h; send("streamlit:setFrameHeight", {height: h}); }
  }

  function setHtml(id, html) {
    if (shown[id] !== html) { $(id).innerHTML = html; shown[id] = html; }
  }

  function setTable(t) {
    var json = JSON.stringify(t);
    if (shown.table === json) { return; }
    shown.table = json;
    var head = document.createElement("tr");
    t.head.forEach(function (text) {
      var th = document.createElement("th"); th.scope = "col"; th.textContent = text; head.appendChild(th);
    });
    var body = document.createDocumentFragment();
    t.rows.forEach(function (row) {
      var tr = document.createElement("tr");
      row.forEach(function (text, i) {
        var cell = document.createElement(i === 0 ? "th" : "td");
        if (i === 0) { cell.scope = "row"; }
        cell.textContent = text; tr.appendChild(cell);
      });
      body.appendChild(tr);
    });
    var table = $("shares");
    table.tHead.replaceChildren(head);
    table.tBodies[0].replaceChildren(body);
  }

  function show(p, key, moving) {
    setTable(p.table);
    setHtml("two", p.two); setHtml("strip", p.strip); setHtml("band", p.band); setHtml("note", p.note);
    setHtml("why", p.why);
    if (p.map && map) {
      var d = parsedMaps[p.map] || (parsedMaps[p.map] = JSON.parse(p.map));
      window.srbMap.draw(null, d);
    }
    shownKey = key;
    document.body.setAttribute("data-shown", key);  // which setting is on screen (tests and benchmarks wait for it)
    fit(moving);
  }

  function pending(on) { $("wall").classList.toggle("srb-pending", on); $("pending").textContent = on ? args.texts.pending : ""; }

  function inflate(b64) {
    var bin = atob(b64), bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
    return new Response(stream).text().then(JSON.parse);
  }

  // The settings one arrow key away, from the carrier frame (static/wallahead), for the setting now drawn.
  function receive(msg) {
    if (msg.ident !== aheadIdent || msg.packed === aheadPacked) { return; }
    var packed = msg.packed;
    aheadPacked = packed; ahead = null;
    aheadFor = inflate(packed).then(function (got) {
      if (aheadPacked === packed) {
        ahead = got;
        document.body.setAttribute("data-ahead", aheadIdent + "#" + Object.keys(got).length);
      }
    }, function (err) { console.error("srb wall: ahead", err); ahead = {}; });
  }

  function onMove(m) {
    lastMove = m;
    if (cur && m.key === cur.key) { show(cur.parts, cur.key, true); pending(false); return; }
    if (aheadFor && !ahead) {  // still unpacking what the last rerun sent: decide once it is there
      aheadFor.then(function () { if (lastMove === m) { onMove(m); } });
      return;
    }
    var p = ahead && ahead[m.key];
    if (p) { show(p, m.key, true); pending(false); return; }
    pending(true);
    if (chan) { chan.postMessage({type: "miss", key: m.key}); }
  }

  function listen(name) {
    if (name === chanName) { return; }
    if (chan) { chan.close(); }
    chanName = name;
    chan = new BroadcastChannel(name);
    document.body.setAttribute("data-channel", name);
    chan.onmessage = function (e) {
      if (!e.data) { return; }
      if (e.data.type === "move") { onMove(e.data); }
      if (e.data.type === "ahead") { receive(e.data); }
    };
  }

  function texts(t) {
    $("measure-text").textContent = t.measure;
    $("delta-text").textContent = t.delta;
    $("delta-label").title = t.deltaHelp;
    $("skip").textContent = t.skip;
    $("map").setAttribute("aria-label", t.mapName);
    $("band-title").textContent = t.band;
    $("shares-note").textContent = t.sharesNote;
    $("why-title").textContent = t.whyTitle;
    $("why-note").textContent = t.whyNote;
    $("nomap").textContent = t.noMap;
    setHtml("legend", t.legend);
    var sel = $("measure"), opts = JSON.stringify(t.options);
    if (shown.options !== opts) {
      shown.options = opts;
      sel.replaceChildren();
      t.options.forEach(function (o) {
        var op = document.createElement("option"); op.value = o[0]; op.textContent = o[1]; sel.appendChild(op);
      });
    }
    try { if (window.frameElement) { window.frameElement.setAttribute("aria-label", t.frame); } } catch (e) { /* */ }
  }

  function drawBase(a) {
    var el = $("map");
    el.hidden = !a.bd; $("nomap").hidden = !!a.bd; $("skip").hidden = !a.bd;
    el.style.height = a.height + "px";
    if (!a.bd || a.bd === baseDigest) { return true; }
    if (!a.base) {  // a large base is sent only while we lack it (ui/wallview.py): ask for it
      value.held = "fehlt:" + a.bd; report();
      return false;
    }
    if (map) { map.remove(); map = null; }
    var base = JSON.parse(a.base);
    map = L.map("map", {zoomControl: false, keyboard: false, zoomSnap: 0.25, zoomAnimation: false,
                        fadeAnimation: false, attributionControl: false});
    map.fitBounds(base.bounds, {padding: [8, 8]});
    parsedMaps = {};
    // the setting about to be shown, if it came unpacked: the map's Kitas and labels are made in their final look
    var first = a.cur && a.cur.map ? (parsedMaps[a.cur.map] = JSON.parse(a.cur.map)) : null;
    window.srbMap.init(map, base, first);
    mapBounds = base.bounds; mapSize = el.clientWidth + "x" + el.clientHeight;
    baseDigest = a.bd;
    if (a.big) { value.held = a.bd; report(); }
    return true;
  }

  function adoptRootSize() {
    try {  // the app's root font size (the projector mode scales it): the wall scales alike
      var fs = window.parent.getComputedStyle(window.parent.document.documentElement).fontSize;
      document.documentElement.style.fontSize = fs;
      var ff = window.parent.getComputedStyle(window.parent.document.body).fontFamily;
      if (ff) { document.body.style.fontFamily = ff; }
    } catch (e) { /* another origin: keep ours */ }
  }

  var fontsCopied = false;
  function copyFonts() {
    if (fontsCopied) { return; }
    fontsCopied = true;
    try {  // the app's own font files (same origin): the wall's text looks like the rest of the page
      var css = "";
      Array.prototype.forEach.call(window.parent.document.styleSheets, function (sheet) {
        try {
          Array.prototype.forEach.call(sheet.cssRules, function (r) {
            if (r.type !== CSSRule.FONT_FACE_RULE) { return; }
            // url(…) in a sheet is relative to the sheet (or the app's page): made absolute for this frame
            var base = sheet.href || window.parent.location.href;
            css += r.cssText.replace(/url\((["']?)([^"')]+)\1\)/g, function (all, q, u) {
              return "url(\"" + new URL(u, base).href + "\")";
            }) + "\n";
          });
        } catch (e) { /* a sheet we may not read */ }
      });
      if (css) { var s = document.createElement("style"); s.textContent = css; document.head.appendChild(s); }
    } catch (e) { /* another origin */ }
  }

  // The current setting's pieces into the wall (or the slider's newer setting, if it is already further).
  function place(a, parts) {
    cur = {key: a.state, parts: parts};
    if (a.ident !== aheadIdent) {  // another setting or view (names, measure, budget …): what was held is void
      ahead = null; aheadFor = null; aheadPacked = null; aheadIdent = a.ident;
      document.body.removeAttribute("data-ahead");
      if (chan && !a.full) { chan.postMessage({type: "want", ident: a.ident}); }  // in case the carrier was first
    }
    document.body.setAttribute("data-ident", a.ident);
    if (lastMove && lastMove.seq > a.seq && lastMove.key !== a.state) {
      onMove(lastMove);  // the slider is already further than this rerun: keep showing where it is
    } else {
      lastMove = null;
      show(cur.parts, cur.key);
      pending(false);
    }
    // the app has caught up with what is shown (benchmarks wait for it before the next key)
    document.body.setAttribute("data-settled", lastMove ? "" : a.state + "#" + a.seq);
  }

  function render(a) {
    // Streamlit renders a component again with the same arguments whenever the page lays out anew (e.g. after a
    // new frame height): nothing to do then, and touching the document would lay out both pages once more.
    var sig = [a.ident, a.state, a.seq, a.full, a.bd, (a.base || "").length, a.projector, a.height,
               (a.curz || "").length].join("|");
    if (sig === lastSig) { args = a; return; }
    lastSig = sig;
    args = a;
    document.body.classList.toggle("proj", !!a.projector);
    adoptRootSize(); copyFonts();
    texts(a.texts);
    value.measure = a.measure; value.delta = a.delta;
    $("measure").value = a.measure; $("delta").checked = !!a.delta;
    $("measure").disabled = !!a.delta;  // coloured by the change of the share, the measure does not apply
    listen(a.channel);
    if (!drawBase(a)) { return; }
    if (!a.curz) {
      place(a, a.cur);
    } else {  // a large setting (thousands of Kitas) comes packed
      if (a.curz !== curPacked) {
        var packed = a.curz;
        curPacked = packed; curParts = null;
        // placed with the latest arguments that still carry these pieces (Streamlit may have rendered again with
        // equal arguments meanwhile, which render() skips)
        inflate(packed).then(function (parts) {
          if (curPacked === packed) { curParts = parts; if (args && args.curz === packed) { place(args, parts); } }
        });
      } else if (curParts) {
        place(a, curParts);
      }
    }
    clearTimeout(needTimer);
    if (a.full) {  // a full run sends no settings ahead (it must draw fast): ask for them once the page has
      // settled, so the request does not compete with the first drawing; a key before then is a normal rerun
      needTimer = setTimeout(function () { value.need += 1; report(); }, NEED_AFTER_MS);
    }
  }

  $("measure").addEventListener("change", function () { value.measure = this.value; report(); });
  $("delta").addEventListener("change", function () { value.delta = this.checked; report(); });
  if (window.ResizeObserver) {
    new ResizeObserver(function () { fit(!!lastMove); }).observe($("wall"));
    // another window size or projector mode: the whole territory in view again
    new ResizeObserver(function () {
      var el = $("map"), size = el.clientWidth + "x" + el.clientHeight;
      if (!map || size === mapSize || !el.clientWidth) { return; }
      mapSize = size;
      map.invalidateSize(false);
      map.fitBounds(mapBounds, {padding: [8, 8]});
    }).observe($("map"));
  }

  window.addEventListener("message", function (event) {
    if (!event.data || event.data.type !== "streamlit:render") { return; }
    render(event.data.args);
  });
  var early = window.srbEarly;  // index.html said "ready" before this file loaded
  if (early) {
    window.removeEventListener("message", early.listener);
    window.srbEarly = null;
    if (early.args) { render(early.args); }
  } else {
    send("streamlit:componentReady", {});
  }
})();
