// Draws the areas of the page on a Leaflet map. Only an enhancement: every area is also in the page's
// table, and the page works the same without this script. Tiles that cannot load leave the shapes visible.
(function () {
  "use strict";
  var container = document.getElementById("area-map");
  var dataElement = document.getElementById("area-map-data");
  var status = document.getElementById("area-map-status");
  if (!container || !dataElement || typeof L === "undefined" || !window.SocialeBasisMap) {
    return;
  }
  var data = JSON.parse(dataElement.textContent);
  if (!data.features || !data.features.length || !data.bounds) {
    return;
  }
  // The map's heading sits in the same hidden section, so that without JavaScript it is not read out either.
  var section = container.closest("[data-map-section]");
  if (section) {
    section.hidden = false;
  }
  var map = window.SocialeBasisMap(container, status);

  L.geoJSON(data, {
    style: function () {
      return { color: "#24578f", weight: 2, fillOpacity: 0.15 };
    },
    onEachFeature: function (feature, shape) {
      var props = feature.properties || {};
      if (!props.name) {
        return;
      }
      // Names come from imported files: text, never HTML.
      var label = document.createElement("span");
      label.textContent = props.name;
      shape.bindTooltip(label);
      if (props.url) {
        shape.on("click", function () {
          window.location.href = props.url;
        });
      }
    },
  }).addTo(map);
  var b = data.bounds; // [minLon, minLat, maxLon, maxLat]
  map.fitBounds([[b[1], b[0]], [b[3], b[2]]], { padding: [10, 10] });
})();
