/* SRB-Monitor map: drawn from data, styled in the browser.
 *
 * The base map (fixed per dataset and view) calls srbMap.init once with the shapes and the Kita positions;
 * every rerun sends only the changing part (fill colour, label and tooltip text per area, band class per
 * Kita) to srbMap.draw. All texts arrive HTML-escaped inside JSON data (tooltips and labels are innerHTML);
 * no text from data is ever part of this script's source.
 */
(function () {
  "use strict";
  var SHAPES = {
    "1": '<svg viewBox="0 0 20 20" width="100%" height="100%" aria-hidden="true"><polygon points="10,1 19,18 1,18" fill="#111111" stroke="#ffffff" stroke-width="1.5"/></svg>',
    "0": '<svg viewBox="0 0 20 20" width="100%" height="100%" aria-hidden="true"><circle cx="10" cy="10" r="8" fill="#ffffff" stroke="#111111" stroke-width="2.5"/></svg>',
    "-1": '<svg viewBox="0 0 20 20" width="100%" height="100%" aria-hidden="true"><polygon points="1,2 19,2 10,19" fill="#2c7fb8" stroke="#111111" stroke-width="2"/></svg>',
    "a": '<svg viewBox="0 0 20 20" width="100%" height="100%" aria-hidden="true"><rect x="2" y="2" width="16" height="16" fill="#bdbdbd" stroke="#111111" stroke-width="2"/></svg>'
  };
  var state = null;

  function icon(kind, size) {
    return L.divIcon({className: "srb-k srb-k" + kind, html: SHAPES[kind], iconSize: [size, size],
                      iconAnchor: [size / 2, size / 2]});
  }

  function label(html) {
    return L.divIcon({className: "srb-label", html: '<div class="srb-label-in">' + html + "</div>",
                      iconSize: [0, 0], iconAnchor: [0, 0]});
  }

  function init(map, base) {
    var o = base.opt;
    map.getContainer().classList.add(o.proj ? "srb-proj" : "srb-normal");
    if (map.keyboard) { map.keyboard.disable(); }
    L.control.zoom({zoomInTitle: o.zoomIn, zoomOutTitle: o.zoomOut}).addTo(map);
    L.control.scale({imperial: false, metric: true}).addTo(map);
    if (base.outline) {
      L.geoJSON(base.outline, {interactive: false, style: {color: "#000000", weight: o.proj ? 6 : 4,
                                                           fill: false, opacity: 0.9}}).addTo(map);
    }
    state = {map: map, areas: null, labels: [], kitas: [], anon: [], data: null, size: o.proj ? 20 : 15};
    if (!base.areas) { return; }
    state.areas = L.geoJSON(base.areas, {
      style: {color: "#222222", weight: o.proj ? 3 : 2, fillOpacity: 0.85, fillColor: "#dddddd"}
    }).addTo(map);
    state.areas.eachLayer(function (l) {
      var i = l.feature.properties.i;
      l.bindTooltip(function () { return state.data ? state.data.tips[i] : l.feature.properties.n; },
                    {sticky: true});
      l.on("mouseover", function () { l.setStyle({weight: 5, color: "#000000"}); });
      l.on("mouseout", function () { l.setStyle({weight: o.proj ? 3 : 2, color: "#222222"}); });
    });
    (base.kitas || []).forEach(function (k, j) {
      var m = L.marker([k[0], k[1]], {icon: icon("0", state.size), keyboard: false, riseOnHover: true});
      m.bindTooltip(function () { return state.data ? k[2] + state.data.ktips[j] : k[2]; }, {sticky: true});
      m.addTo(map);
      state.kitas.push(m);
    });
    base.labels.forEach(function (p) {
      state.labels.push(L.marker([p[0], p[1]], {icon: label(""), keyboard: false, interactive: false,
                                                zIndexOffset: 1000}).addTo(map));
    });
    base.labels.forEach(function (p) {
      if (!base.anon) { return; }
      var m = L.marker([p[0], p[1]], {icon: icon("a", state.size), keyboard: false});
      m.bindTooltip(function () { return state.data ? state.data.atips[state.anon.indexOf(m)] : ""; },
                    {sticky: true});
      state.anon.push(m.addTo(map));
    });
  }

  function draw(group, d) {
    if (!state || !state.areas) { return; }
    state.data = d;
    state.areas.eachLayer(function (l) {
      l.setStyle({fillColor: d.fill[l.feature.properties.i]});
    });
    state.labels.forEach(function (m, i) { m.setIcon(label(d.labels[i])); });
    var cache = {};
    state.kitas.forEach(function (m, j) {
      var c = String(d.cls[j]);
      if (m._srbCls !== c) {
        cache[c] = cache[c] || icon(c, state.size);
        m.setIcon(cache[c]);
        m._srbCls = c;
      }
    });
    state.map.getContainer().setAttribute("data-srb-drawn", d.stamp);
  }

  window.srbMap = {init: init, draw: draw};
})();
