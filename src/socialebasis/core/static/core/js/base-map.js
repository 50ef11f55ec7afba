// The common start of every map on the site, used by the page scripts that draw on it (area-map.js,
// directory-map.js, choropleth.js). It shows the container the page labelled, names Leaflet's controls in the
// page's language, loads the configured background tiles and says so in the status line when they fail.
// Maps only enhance: every page shows the same areas or activities in a list or table without JavaScript.
(function () {
  "use strict";
  window.SocialeBasisMap = function (container, status) {
    container.hidden = false;
    container.setAttribute("role", "region");
    container.setAttribute("aria-label", container.dataset.label);
    var map = L.map(container, { scrollWheelZoom: false, zoomControl: false });
    L.control
      .zoom({ zoomInTitle: container.dataset.zoomIn, zoomOutTitle: container.dataset.zoomOut })
      .addTo(map);
    // Leaflet's credit link carries an English title; keep the credit without it.
    map.attributionControl.setPrefix('<a href="https://leafletjs.com" hreflang="en">Leaflet</a>');
    var tiles = L.tileLayer(container.dataset.tileUrl, {
      attribution: container.dataset.tileAttribution,
      maxZoom: 18,
    });
    tiles.on("tileerror", function () {
      if (status && !status.textContent) {
        status.textContent = container.dataset.tilesFailed;
      }
    });
    tiles.addTo(map);
    return map;
  };
})();
