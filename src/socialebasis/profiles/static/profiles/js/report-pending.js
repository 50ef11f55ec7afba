// While the report's PDF is being made: ask again every few seconds and start the download when it is ready.
// Only an enhancement: without JavaScript the page's link "Nu opnieuw kijken" does the same. No meta refresh: a
// page that reloads itself on a timer takes the reader's place away (WCAG 2.2.1, axe rule meta-refresh).
(function () {
  "use strict";
  var link = document.getElementById("report-again");
  if (!link || !window.fetch) {
    return;
  }
  var seconds = parseInt(link.getAttribute("data-retry-seconds"), 10) || 2;
  function ask() {
    window.fetch(link.href, { credentials: "same-origin" }).then(function (response) {
      if (response.status === 202) {
        window.setTimeout(ask, seconds * 1000);
      } else {
        window.location.assign(link.href); // ready (the download starts) or failed (the page says so)
      }
    }, function () {
      window.setTimeout(ask, seconds * 1000 * 5);
    });
  }
  window.setTimeout(ask, seconds * 1000);
})();
