// The dashboard's only script (the page CSP allows no inline script): draws each figure's chart from its data
// block, and keeps the CEO page's rows current from the server's `changed` events.
(function () {
  'use strict';

  var PALETTE = ['#1f5fa8', '#b3541e', '#2e7d32', '#6a3d9a', '#8c6d00'];

  function drawCharts() {
    if (typeof window.Chart !== 'function') return;
    document.querySelectorAll('figure.chart').forEach(function (figure) {
      var spec = JSON.parse(figure.querySelector('script.chart-data').textContent);
      var canvas = figure.querySelector('canvas');
      new window.Chart(canvas, {
        type: spec.type,
        data: {
          labels: spec.labels,
          datasets: spec.series.map(function (series, i) {
            var colour = PALETTE[i % PALETTE.length];
            return {
              type: series.kind || spec.type,
              label: series.label,
              data: series.values,
              backgroundColor: series.kind === 'bar' || Array.isArray(series.values[0]) ? colour + '66' : colour,
              borderColor: colour,
              borderWidth: 2,
              spanGaps: true,
            };
          }),
        },
        options: {
          animation: false,
          responsive: true,
          maintainAspectRatio: false,
          scales: {
            y: {
              min: spec.range ? spec.range[0] : undefined,
              max: spec.range ? spec.range[1] : undefined,
              beginAtZero: true,
              title: { display: true, text: spec.unit },
            },
          },
        },
      });
    });
  }

  function followCeoView() {
    var live = document.getElementById('ceo-live');
    if (!live || typeof window.EventSource !== 'function') return;
    var fetching = false;
    var again = false;
    function refresh() {
      if (fetching) {
        again = true;
        return;
      }
      fetching = true;
      fetch(live.dataset.fragment, { credentials: 'same-origin', headers: { Accept: 'text/html-fragment' } })
        .then(function (response) {
          if (response.status === 401) {
            window.location.assign('/dashboard/sign-in');
            return null;
          }
          return response.ok ? response.text() : null;
        })
        .then(function (markup) {
          if (markup !== null) live.innerHTML = markup;
        })
        .catch(function () {})
        .then(function () {
          fetching = false;
          if (again) {
            again = false;
            refresh();
          }
        });
    }
    var events = new EventSource(live.dataset.events);
    // On (re)connection the server knows the current state: fetch once so nothing between is missed.
    events.addEventListener('open', refresh);
    events.addEventListener('changed', refresh);
  }

  drawCharts();
  followCeoView();
})();
