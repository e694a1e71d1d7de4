/* SRB-Monitor map: drawn from data, styled in the browser.
 *
 * The base map (fixed per dataset and view) calls srbMap.init once with the shapes and the Kita positions;
 * every rerun sends only the changing part (fill colour, label and tooltip text per area, band class and
 * Gesamtindex text per Kita) to srbMap.draw. All texts arrive HTML-escaped inside JSON data (tooltips and labels are innerHTML);
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

  /* Many Kitas (base.canvas, set above a few hundred): one canvas instead of a DOM marker per Kita, so a
   * restyle repaints one bitmap; the same shapes, and the tooltip of the nearest Kita under the pointer. */
  function kitaCanvas(kitas, size, o) {
    var Layer = L.Layer.extend({
      onAdd: function (map) {
        this._map = map;
        this._c = L.DomUtil.create("canvas", "srb-kcanvas");
        this._c.setAttribute("aria-hidden", "true");
        this._c.style.position = "absolute";
        this._c.style.pointerEvents = "none";
        // own pane above the areas' SVG (overlay pane, z 400) and below the labels (marker pane, z 600)
        var pane = map.getPane("srbKitas") || map.createPane("srbKitas");
        pane.style.zIndex = 450;
        pane.style.pointerEvents = "none";
        pane.appendChild(this._c);
        this._tip = L.tooltip({sticky: false, direction: "top", offset: [0, -size / 2]});
        map.on("moveend zoomend resize", this._reset, this);
        map.on("mousemove", this._hover, this);
        map.on("mouseout", this._out, this);
        this._reset();
      },
      onRemove: function (map) {
        map.off("moveend zoomend resize", this._reset, this);
        map.off("mousemove", this._hover, this);
        map.off("mouseout", this._out, this);
        L.DomUtil.remove(this._c);
      },
      setData: function (d) { this._d = d; this._draw(); },
      _reset: function () {
        var px = this._map.getSize(), dpr = window.devicePixelRatio || 1;
        L.DomUtil.setPosition(this._c, this._map.containerPointToLayerPoint([0, 0]));
        this._c.width = px.x * dpr; this._c.height = px.y * dpr;
        this._c.style.width = px.x + "px"; this._c.style.height = px.y + "px";
        this._pts = kitas.map(function (k) { return this._map.latLngToContainerPoint([k[0], k[1]]); }, this);
        this._draw();
      },
      _draw: function () {
        var ctx = this._c.getContext("2d"), dpr = window.devicePixelRatio || 1, r = size / 2.2;
        ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
        ctx.clearRect(0, 0, this._c.width, this._c.height);
        var cls = this._d ? this._d.cls : [];
        // within first, then below and above on top: the Kitas outside the band stay visible
        [0, -1, 1].forEach(function (c) {
          ctx.beginPath();
          this._pts.forEach(function (p, j) {
            if ((cls[j] === undefined ? 0 : cls[j]) !== c) { return; }
            if (c === 0) { ctx.moveTo(p.x + r * 0.8, p.y); ctx.arc(p.x, p.y, r * 0.8, 0, 2 * Math.PI); }
            else if (c === 1) { ctx.moveTo(p.x, p.y - r); ctx.lineTo(p.x + r, p.y + r * 0.8);
                                ctx.lineTo(p.x - r, p.y + r * 0.8); ctx.closePath(); }
            else { ctx.moveTo(p.x - r, p.y - r * 0.8); ctx.lineTo(p.x + r, p.y - r * 0.8);
                   ctx.lineTo(p.x, p.y + r); ctx.closePath(); }
          });
          ctx.fillStyle = c === 1 ? "#111111" : (c === 0 ? "#ffffff" : "#2c7fb8");
          ctx.strokeStyle = c === 1 ? "#ffffff" : "#111111";
          ctx.lineWidth = 1.5;
          ctx.fill(); ctx.stroke();
        }, this);
      },
      _hover: function (e) {
        var best = -1, dist = size * size / 4, pts = this._pts || [];
        for (var j = 0; j < pts.length; j++) {
          var dx = pts[j].x - e.containerPoint.x, dy = pts[j].y - e.containerPoint.y;
          if (dx * dx + dy * dy <= dist) { dist = dx * dx + dy * dy; best = j; }
        }
        if (best < 0) { this._out(); return; }
        var d = this._d, k = kitas[best];
        this._tip.setLatLng([k[0], k[1]]).setContent(
          d ? k[2] + " · " + o.overall + " " + d.ov[best] + " · " + o.cls[String(d.cls[best])] : k[2]);
        if (!this._map.hasLayer(this._tip)) { this._tip.addTo(this._map); }
      },
      _out: function () { if (this._map.hasLayer(this._tip)) { this._map.removeLayer(this._tip); } }
    });
    return new Layer();
  }

  /* `d` (optional): the first drawing's data, so each Kita and label is made once with its final look instead of
   * being made plain and replaced at once by draw (the first drawing of a page waits for this). */
  function init(map, base, d) {
    var o = base.opt;
    map.getContainer().classList.add(o.proj ? "srb-proj" : "srb-normal");
    if (map.keyboard) { map.keyboard.disable(); }
    L.control.zoom({zoomInTitle: o.zoomIn, zoomOutTitle: o.zoomOut}).addTo(map);
    L.control.scale({imperial: false, metric: true}).addTo(map);
    if (base.outline) {
      L.geoJSON(base.outline, {interactive: false, style: {color: "#000000", weight: o.proj ? 6 : 4,
                                                           fill: false, opacity: 0.9}}).addTo(map);
    }
    state = {map: map, areas: null, labels: [], kitas: [], anon: [], data: d || null, size: o.proj ? 20 : 15};
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
    if (base.canvas) {
      state.canvas = kitaCanvas(base.kitas, Math.round(state.size * 0.6), o).addTo(map);  // dense: smaller
    }
    (base.canvas ? [] : base.kitas || []).forEach(function (k, j) {
      var c = d ? String(d.cls[j]) : "0";
      var m = L.marker([k[0], k[1]], {icon: icon(c, state.size), keyboard: false, riseOnHover: true});
      m._srbCls = c;
      m.bindTooltip(function () {
        var d = state.data;
        return d ? k[2] + " · " + o.overall + " " + d.ov[j] + " · " + o.cls[String(d.cls[j])] : k[2];
      }, {sticky: true});
      m.addTo(map);
      state.kitas.push(m);
    });
    base.labels.forEach(function (p, i) {
      var text = d ? d.labels[i] : "";
      var m = L.marker([p[0], p[1]], {icon: label(text), keyboard: false, interactive: false, zIndexOffset: 1000});
      m._srbText = text;
      state.labels.push(m.addTo(map));
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
    state.labels.forEach(function (m, i) {
      if (m._srbText !== d.labels[i]) { m.setIcon(label(d.labels[i])); m._srbText = d.labels[i]; }
    });
    if (state.canvas) { state.canvas.setData(d); }
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
