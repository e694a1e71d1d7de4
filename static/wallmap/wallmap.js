/* The Übersicht map as a small Streamlit component (ui/wallmap.py): Leaflet and the map script are this app's
 * own files; the component receives the static base (shapes, label points, Kita positions; JSON, changes only
 * with the dataset or view) and the small data layer (fill, label and tooltip text per area, class and value per
 * Kita) on every rerun, and restyles the mounted map in place. All texts arrive HTML-escaped inside JSON data;
 * nothing from data is ever part of a script's source.
 */
(function () {
  "use strict";
  // The app's static files lie beside the component route: <prefix>/component/<name>/index.html.
  var path = window.location.pathname;
  var prefix = path.slice(0, Math.max(0, path.indexOf("/component/")));
  var pending = null;
  var baseDigest = null;
  var map = null;
  var height = 0;

  function send(type, extra) {
    var msg = {isStreamlitMessage: true, apiVersion: 1, type: type};
    for (var k in extra) { if (Object.prototype.hasOwnProperty.call(extra, k)) { msg[k] = extra[k]; } }
    window.parent.postMessage(msg, "*");
  }

  function load(tag, attrs) {
    return new Promise(function (resolve, reject) {
      var el = document.createElement(tag);
      for (var k in attrs) { if (Object.prototype.hasOwnProperty.call(attrs, k)) { el[k] = attrs[k]; } }
      el.onload = resolve;
      el.onerror = reject;
      document.head.appendChild(el);
    });
  }

  function size(args) {
    if (args.height !== height) {
      height = args.height;
      send("streamlit:setFrameHeight", {height: height});
    }
  }

  function render(args) {
    if (args.bd !== baseDigest) {
      if (map) { map.remove(); map = null; }
      var base = JSON.parse(args.base);
      var b = base.bounds;  // [[south, west], [north, east]]
      map = L.map("map", {zoomControl: false, keyboard: false, zoomSnap: 0.25, zoomAnimation: false,
                          fadeAnimation: false, attributionControl: false});
      map.fitBounds(b, {padding: [8, 8]});
      window.srbMap.init(map, base);
      baseDigest = args.bd;
    }
    window.srbMap.draw(null, JSON.parse(args.data));
  }

  window.addEventListener("message", function (event) {
    if (!event.data || event.data.type !== "streamlit:render") { return; }
    size(event.data.args);
    if (!window.srbMap) { pending = event.data.args; return; }
    render(event.data.args);
  });

  Promise.all([
    load("link", {rel: "stylesheet", href: prefix + "/app/static/leaflet/leaflet.css"}),
    load("link", {rel: "stylesheet", href: prefix + "/app/static/srbmap/srb_map.css"}),
    load("script", {src: prefix + "/app/static/leaflet/leaflet.js"})
  ]).then(function () {
    return load("script", {src: prefix + "/app/static/srbmap/srb_map.js"});
  }).then(function () {
    if (pending) { var a = pending; pending = null; render(a); }
  });
  send("streamlit:componentReady", {});
})();
