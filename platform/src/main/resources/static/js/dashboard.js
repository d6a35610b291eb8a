// Draws the dashboard's clue chart from the JSON figures of /api/dashboard/clues.
(function () {
  var el = document.getElementById('clue-chart');
  if (!el || typeof echarts === 'undefined') { return; }
  fetch(el.getAttribute('data-src'), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
    .then(function (r) { return r.json(); })
    .then(function (figures) {
      var names = Object.keys(figures.bySource);
      var chart = echarts.init(el);
      chart.setOption({
        animation: false,
        tooltip: {},
        grid: { left: 50, right: 30, bottom: 70, top: 20, containLabel: true },
        xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: 20 } },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'bar', data: names.map(function (n) { return figures.bySource[n]; }) }]
      });
      el.setAttribute('data-rendered', 'true');
      window.addEventListener('resize', function () { chart.resize(); });
    });
})();
