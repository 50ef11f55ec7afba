// Shows the activities of the list page on a Leaflet map (same approach as areas/js/area-map.js). Only an
// enhancement: every activity is in the list on the page, which works the same without this script.
(function () {
  "use strict";
  var container = document.getElementById("directory-map");
  var dataElement = document.getElementById("directory-map-data");
  var status = document.getElementById("directory-map-status");
  if (!container || !dataElement || typeof L === "undefined" || !window.SocialeBasisMap) {
    return;
  }
  var points = JSON.parse(dataElement.textContent);
  if (!points.length) {
    return;
  }
  var map = window.SocialeBasisMap(container, status);
  var bounds = [];
  points.forEach(function (point) {
    var marker = L.circleMarker([point.lat, point.lon], { radius: 7, color: "#24578f", weight: 2, fillOpacity: 0.6 });
    // The title is a resident's text: it goes in as text, never as HTML.
    var label = document.createElement("span");
    label.textContent = point.title;
    marker.bindTooltip(label);
    marker.on("click", function () {
      window.location.href = point.url;
    });
    marker.addTo(map);
    bounds.push([point.lat, point.lon]);
  });
  map.fitBounds(bounds, { padding: [20, 20], maxZoom: 15 });
})();
