/* German for the texts Streamlit and its components write in English and offer no setting for.
 *
 * Loaded once into the app's page (ui/style.py); a MutationObserver replaces visible texts and the
 * attributes screen readers read (aria-label, title, placeholder) as Streamlit renders them. Only exact
 * texts of the framework are replaced, never data. The list is also in the README ("Sprache").
 */
(function () {
  "use strict";
  if (window.srbGerman) { return; }
  window.srbGerman = true;
  var EXACT = {
    "Drag and drop file here": "Datei hierher ziehen",
    "Drag and drop files here": "Dateien hierher ziehen",
    "Browse files": "Datei auswählen",
    "Upload": "Hochladen",
    "Press Enter to apply": "Eingabetaste zum Übernehmen",
    "Press Enter to submit form": "Eingabetaste zum Absenden",
    "No results": "Keine Treffer",
    "Choose an option": "Bitte auswählen",
    "Choose options": "Bitte auswählen",
    "Clear all": "Alle entfernen",
    "Clear value": "Auswahl leeren",
    "Remove": "Entfernen",
    "Collapse sidebar": "Seitenleiste einklappen",
    "Expand sidebar": "Seitenleiste ausklappen",
    "Increment value": "Wert erhöhen",
    "Decrement value": "Wert verringern",
    "Increment": "Erhöhen",
    "Decrement": "Verringern",
    "Show/hide columns": "Spalten ein-/ausblenden",
    "Download as CSV": "Als CSV herunterladen",
    "Search": "Suchen",
    "Fullscreen": "Vollbild",
    "Close fullscreen": "Vollbild beenden",
    "Show data": "Daten zeigen",
    "Download as PNG": "Als PNG herunterladen",
    "Download as SVG": "Als SVG herunterladen",
    "Save as PNG": "Als PNG speichern",
    "Save as SVG": "Als SVG speichern",
    "View Source": "Quelltext zeigen",
    "View Compiled Vega": "Vega-Spezifikation zeigen",
    "Open in Vega Editor": "Im Vega-Editor öffnen",
    "Copy Vega-Lite spec": "Vega-Lite-Spezifikation kopieren",
    "Copy Vega spec": "Vega-Spezifikation kopieren",
    "Main menu": "Hauptmenü",
    "Running...": "Wird berechnet …",
    "Stop": "Anhalten",
    "Zoom in": "Vergrößern",
    "Zoom out": "Verkleinern",
    "Delete file": "Datei entfernen",
    "Add row": "Zeile hinzufügen",
    "Delete row": "Zeile löschen",
    "Delete rows": "Zeilen löschen",
    "Show password text": "Passwort zeigen",
    "Hide password text": "Passwort verbergen",
    "Copy to clipboard": "In die Zwischenablage kopieren",
    "Close": "Schließen",
    "Open": "Öffnen",
    "Show more": "Mehr zeigen",
    "View more": "Mehr zeigen",
    "View less": "Weniger zeigen",
    "Download": "Herunterladen",
    "Clear": "Leeren",
    "Sort ascending": "Aufsteigend sortieren",
    "Sort descending": "Absteigend sortieren",
    "Pin column": "Spalte anheften",
    "Unpin column": "Spalte lösen",
    "Hide column": "Spalte ausblenden",
    "Autosize": "Breite anpassen",
    "Format": "Format"
  };
  var PATTERNS = [
    [/^Limit (\d+)\s*MB per file(.*)$/, function (m, n, rest) { return "Höchstens " + n + " MB je Datei" + rest; }],
    [/^(\d+)\s*MB per file(.*)$/, function (m, n, rest) { return "Höchstens " + n + " MB je Datei" + rest; }],
    [/^(.+) files are not allowed\.?$/, function (m, t) { return "Dateien vom Typ " + t + " sind nicht erlaubt."; }],
    [/^File must be (.+) or smaller\.?$/, function (m, t) { return "Die Datei darf höchstens " + t + " groß sein."; }],
    [/^Help for (.+)$/, function (m, t) { return "Hilfe zu " + t; }]
  ];
  var ATTRS = ["aria-label", "title", "placeholder", "aria-description"];
  // Only in screen-reader labels: the help icon of a text without a label (st.markdown with help) is named "Help";
  // a Kita or area called "Help" in a table stays as it is.
  var LABEL_EXACT = Object.assign({"Help": "Hilfe"}, EXACT);

  function german(text, exact) {
    var t = text.trim();
    if (!t) { return null; }
    if (Object.prototype.hasOwnProperty.call(exact, t)) { return text.replace(t, exact[t]); }
    for (var i = 0; i < PATTERNS.length; i++) {
      if (PATTERNS[i][0].test(t)) { return text.replace(t, t.replace(PATTERNS[i][0], PATTERNS[i][1])); }
    }
    return null;
  }

  function fixNode(root) {
    if (!root) { return; }
    if (root.nodeType === 3) {
      var g = german(root.nodeValue, EXACT);
      if (g !== null && g !== root.nodeValue) { root.nodeValue = g; }
      return;
    }
    if (root.nodeType !== 1) { return; }
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, null);
    var n;
    while ((n = walker.nextNode())) {
      var p = n.parentNode && n.parentNode.nodeName;
      if (p === "SCRIPT" || p === "STYLE" || p === "TEXTAREA") { continue; }
      var g2 = german(n.nodeValue, EXACT);
      if (g2 !== null && g2 !== n.nodeValue) { n.nodeValue = g2; }
    }
    var els = [root].concat(Array.prototype.slice.call(root.querySelectorAll("[aria-label],[title],[placeholder]")));
    els.forEach(function (el) {
      ATTRS.forEach(function (a) {
        var v = el.getAttribute && el.getAttribute(a);
        if (v) {
          var g3 = german(v, LABEL_EXACT);
          if (g3 !== null && g3 !== v) { el.setAttribute(a, g3); }
        }
      });
    });
  }

  var pending = [];
  var scheduled = false;
  function flush() {
    scheduled = false;
    var nodes = pending;
    pending = [];
    nodes.forEach(fixNode);
  }
  new MutationObserver(function (records) {
    records.forEach(function (r) {
      if (r.type === "childList") {
        r.addedNodes.forEach(function (n) { pending.push(n); });
      } else {
        pending.push(r.target);
      }
    });
    if (!scheduled) { scheduled = true; window.requestAnimationFrame(flush); }
  }).observe(document.documentElement, {childList: true, subtree: true, characterData: true,
                                        attributes: true, attributeFilter: ATTRS});
  document.documentElement.lang = "de";
  fixNode(document.body);
})();
