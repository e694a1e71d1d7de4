/* The sidebar's weights and band width k as one small Streamlit component (ui/sliders.py): a range and a field for
 * a typed number per row. An arrow key changes the value here at once and tells the Übersicht's wall on this
 * session's BroadcastChannel ({type: "move", key, seq}); the wall shows the numbers it holds for that key. The app
 * reruns only once the row has settled (settle_ms without a change) or the wall reports it lacks the key
 * ({type: "miss", key}): then the component's value {values, seq[, typed]} goes to Python.
 * Values are kept in whole hundredths (the grid of srb_core.limits), so the key "1.00|1.03|…" equals Python's
 * f"{v:.2f}" (srb_core.explain.steps.state_key). Every text is set with textContent, never as markup.
 */
(function () {
  "use strict";
  var SCALE = 100;  // hundredths: every step of srb_core.limits is 0.01
  var rowsEl = document.getElementById("rows");
  var rows = [];     // [{name, lo, hi, h, range, field, label}] (lo, hi, h in hundredths)
  var labels = {};   // state key → label text per row, from Python (current settings and every neighbour)
  var texts = {};
  var c = 0;         // local change counter; args.seq is the last one Python has processed
  var settleMs = 350;
  var MISS_MS = 100;
  var sentSeq = 0, appSeq = 0;  // the last commit sent, the last one the app has processed
  var timer = null;
  var channel = null;
  var channelName = null;
  var shape = null;  // what the rows were built from: rebuilt only when it changes
  var lastHeight = -1;

  function send(type, extra) {
    var msg = {isStreamlitMessage: true, apiVersion: 1, type: type};
    for (var k in extra) { if (Object.prototype.hasOwnProperty.call(extra, k)) { msg[k] = extra[k]; } }
    window.parent.postMessage(msg, "*");
  }

  function hundredths(value) { return Math.round(Number(value) * SCALE); }

  function plain(h) {  // 103 → "1.03" (the key's and the range's notation)
    var whole = Math.floor(h / SCALE), rest = h - whole * SCALE;
    return whole + "." + (rest < 10 ? "0" : "") + rest;
  }

  function german(h) { return plain(h).replace(".", ","); }  // 103 → "1,03"

  function stateKey() { return rows.map(function (r) { return plain(r.h); }).join("|"); }

  function values() { return rows.map(function (r) { return r.h / SCALE; }); }

  function fill(template, name) { return String(template || "").split("{name}").join(name); }

  function showLabels() {
    var known = labels[stateKey()];
    rows.forEach(function (r, i) {
      var text = known && typeof known[i] === "string" ? known[i] : r.name + ": " + german(r.h);
      r.label.textContent = text;
      r.range.setAttribute("aria-label", text);
      r.range.setAttribute("aria-valuetext", german(r.h));
    });
  }

  function postMove() {
    if (channel) { channel.postMessage({type: "move", key: stateKey(), seq: c}); }
  }

  function commit(typed) {
    if (timer !== null) { clearTimeout(timer); timer = null; }
    var value = {values: values(), seq: c};
    sentSeq = c;
    if (typed) { value.typed = typed; }
    send("streamlit:setComponentValue", {value: value, dataType: "json"});
  }

  function moved(r) {
    var h = Math.min(r.hi, Math.max(r.lo, hundredths(r.range.value)));
    if (h === r.h) { return; }
    r.h = h;
    c += 1;
    showLabels();
    postMove();
    if (timer !== null) { clearTimeout(timer); }
    timer = setTimeout(function () { timer = null; commit(null); }, settleMs);
  }

  function typedIn(i, event) {
    if (event.key !== "Enter") { return; }
    event.preventDefault();
    var field = rows[i].field;
    var text = field.value;
    field.value = "";
    if (!text.trim()) { return; }
    c += 1;
    commit({row: i, text: text});
  }

  function build(args) {
    while (rowsEl.firstChild) { rowsEl.removeChild(rowsEl.firstChild); }
    rows = args.rows.map(function (spec, i) {
      var row = document.createElement("div");
      row.className = "row";
      var id = "srb-row-" + i;
      var label = document.createElement("label");
      label.className = "label";
      label.id = id + "-label";
      label.setAttribute("for", id);
      if (spec.help) { label.title = spec.help; }
      var line = document.createElement("div");
      line.className = "line";
      var range = document.createElement("input");
      range.type = "range";
      range.id = id;
      range.min = String(spec.min);
      range.max = String(spec.max);
      range.step = String(spec.step);
      if (spec.help) { range.title = spec.help; }
      var field = document.createElement("input");
      field.type = "text";
      field.inputMode = "decimal";
      field.autocomplete = "off";
      field.placeholder = texts.placeholder || "";
      field.setAttribute("aria-label", fill(texts.field_aria, spec.name));
      if (texts.field_help) { field.title = texts.field_help; }
      line.appendChild(range);
      line.appendChild(field);
      row.appendChild(label);
      row.appendChild(line);
      rowsEl.appendChild(row);
      var r = {name: String(spec.name), lo: hundredths(spec.min), hi: hundredths(spec.max), h: hundredths(spec.value),
               range: range, field: field, label: label};
      range.addEventListener("input", function () { moved(r); });
      field.addEventListener("keydown", function (event) { typedIn(i, event); });
      return r;
    });
  }

  function listen(name) {
    if (name === channelName) { return; }
    if (channel) { channel.close(); }
    channelName = name;
    rowsEl.setAttribute("data-channel", name || "");  // for the page's own tests; the channel is this session's
    channel = name && typeof BroadcastChannel !== "undefined" ? new BroadcastChannel(name) : null;
    if (channel) {
      channel.onmessage = function (event) {
        var msg = event.data;
        // the wall lacks these numbers: commit soon (MISS_MS after the last key, so a quick run of keys is
        // still one rerun), unless a commit is on its way; the settle timer then sends the latest
        if (msg && msg.type === "miss" && msg.key === stateKey() && timer !== null && sentSeq <= appSeq) {
          clearTimeout(timer);
          timer = setTimeout(function () { timer = null; commit(null); }, MISS_MS);
        }
      };
    }
  }

  function size() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== lastHeight) {
      lastHeight = height;
      send("streamlit:setFrameHeight", {height: height});
    }
  }

  function render(args) {
    texts = args.texts || {};
    settleMs = typeof args.settle_ms === "number" ? args.settle_ms : 350;
    document.body.classList.toggle("proj", !!args.projector);
    rowsEl.setAttribute("aria-label", texts.group || "");
    listen(args.channel);
    var now = JSON.stringify([args.rows.map(function (s) { return [s.name, s.min, s.max, s.step, s.help]; }), texts]);
    var seq = typeof args.seq === "number" ? args.seq : 0;
    appSeq = seq;
    labels = args.labels || {};
    if (now !== shape || rows.length !== args.rows.length) {
      shape = now;
      if (timer !== null) { clearTimeout(timer); timer = null; }  // other rows (another dataset): the app's values
      build(args);
      c = Math.max(c, seq);
    } else if (c > seq) {  // changes the app has not processed yet: they stay; the wall may now hold them
      showLabels();
      postMove();
      size();
      return;
    } else {
      rows.forEach(function (r, i) { r.h = hundredths(args.rows[i].value); });
      c = seq;
    }
    rows.forEach(function (r) { r.range.value = plain(r.h); });
    showLabels();
    size();
  }

  window.addEventListener("message", function (event) {
    if (!event.data || event.data.type !== "streamlit:render") { return; }
    render(event.data.args);
  });

  // The app's own font (Source Sans, served by the app itself): its @font-face rules are copied from the page
  // (same origin) with their addresses made absolute, so labels look and wrap like the rest of the sidebar.
  function borrowFont() {
    var css = [];
    try {
      Array.prototype.forEach.call(window.parent.document.styleSheets, function (sheet) {
        try {
          Array.prototype.forEach.call(sheet.cssRules, function (rule) {
            if (rule.type !== CSSRule.FONT_FACE_RULE || rule.cssText.indexOf("Source Sans") < 0) { return; }
            var base = sheet.href || window.parent.location.href;
            css.push(rule.cssText.replace(/url\("([^"]+)"\)/g, function (all, u) {
              return 'url("' + new URL(u, base).href + '")';
            }));
          });
        } catch (e) { /* a sheet of another origin: not the app's */ }
      });
    } catch (e) { return; }
    if (css.length) {
      var style = document.createElement("style");
      style.textContent = css.join("\n");
      document.head.appendChild(style);
    }
  }
  borrowFont();

  if (typeof ResizeObserver !== "undefined") { new ResizeObserver(size).observe(document.body); }

  // Screen readers name the frame by its title, which Streamlit sets to the component's module path: a German name.
  try {
    if (window.frameElement) { window.frameElement.setAttribute("aria-label", document.title); }
  } catch (e) { /* another origin: leave the title */ }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { send("streamlit:componentReady", {}); });
  } else {
    send("streamlit:componentReady", {});
  }
})();
