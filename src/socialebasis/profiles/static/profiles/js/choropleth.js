// Colours the wijken on a Leaflet map by the class of the chosen indicator (five equal-count classes), with
// the page's legend. Only an enhancement: the same figures are in the sortable table, which works without JS.
(function () {
  "use strict";
  var container = document.getElementById("area-map");
  var dataElement = document.getElementById("area-map-data");
  var legend = document.getElementById("area-map-legend");
  var status = document.getElementById("area-map-status");
  if (!container || !dataElement || typeof L === "undefined" || !window.SocialeBasisMap) {
    return;
  }
  var data = JSON.parse(dataElement.textContent);
  if (!data.features || !data.features.length || !data.bounds) {
    return;
  }
  var colours = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"];
  container.hidden = false;
  if (legend) {
    legend.hidden = false;
  }
  var map = window.SocialeBasisMap(container, status);
  L.geoJSON(data, {
    style: function (feature) {
      var index = feature.properties["class"];
      var known = index !== null && index !== undefined;
      return {
        color: "#333333",
        weight: 1,
        fillColor: known ? colours[index] : "#ffffff",
        fillOpacity: known ? 0.8 : 0.1,
        dashArray: known ? null : "4 3",
      };
    },
    onEachFeature: function (feature, shape) {
      var props = feature.properties || {};
      // Names come from imported files: text, never HTML.
      var label = document.createElement("span");
      label.textContent = props.name || "";
      shape.bindTooltip(label);
      if (props.url) {
        shape.on("click", function () {
          window.location.href = props.url;
        });
      }
    },
  }).addTo(map);
  var b = data.bounds;
  map.fitBounds([[b[1], b[0]], [b[3], b[2]]], { padding: [10, 10] });
})();
