/* The Übersicht map as a small Streamlit component (ui/wallmap.py): Leaflet and the map script are this app's
 * own files; the component receives the static base (shapes, label points, Kita positions; JSON, changes only
 * with the dataset or view) and the small data layer (fill, label and tooltip text per area, class and value per
 * Kita) on every rerun, and restyles the mounted map in place. All texts arrive HTML-escaped inside JSON data;
 * nothing from data is ever part of a script's source.
 */
(function () {
  "use strict";
  var baseDigest = null;
  var map = null;
  var height = 0;

  function send(type, extra) {
    var msg = {isStreamlitMessage: true, apiVersion: 1, type: type};
    for (var k in extra) { if (Object.prototype.hasOwnProperty.call(extra, k)) { msg[k] = extra[k]; } }
    window.parent.postMessage(msg, "*");
  }

  function size(args) {
    if (args.height !== height) {
      height = args.height;
      send("streamlit:setFrameHeight", {height: height});
    }
  }

  function render(args) {
    if (args.bd !== baseDigest) {
      if (!args.base) {  // a large base is sent only while we lack it (ui/wallmap.py): ask for it
        send("streamlit:setComponentValue", {value: "fehlt:" + args.bd, dataType: "json"});
        return;
      }
      if (map) { map.remove(); map = null; }
      var base = JSON.parse(args.base);
      var b = base.bounds;  // [[south, west], [north, east]]
      map = L.map("map", {zoomControl: false, keyboard: false, zoomSnap: 0.25, zoomAnimation: false,
                          fadeAnimation: false, attributionControl: false});
      map.fitBounds(b, {padding: [8, 8]});
      window.srbMap.init(map, base);
      baseDigest = args.bd;
      if (args.big) { send("streamlit:setComponentValue", {value: args.bd, dataType: "json"}); }
    }
    window.srbMap.draw(null, JSON.parse(args.data));
  }

  window.addEventListener("message", function (event) {
    if (!event.data || event.data.type !== "streamlit:render") { return; }
    size(event.data.args);
    render(event.data.args);
  });

  // Screen readers name the frame by its title, which Streamlit sets to the component's module path: a German
  // name instead (same origin, so the frame element is reachable).
  try {
    if (window.frameElement) { window.frameElement.setAttribute("aria-label", "Karte der Sozialräume"); }
  } catch (e) { /* another origin: leave the title */ }

  // Leaflet and the map script are loaded by index.html before this file; the map's element exists once parsed.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { send("streamlit:componentReady", {}); });
  } else {
    send("streamlit:componentReady", {});
  }
})();
