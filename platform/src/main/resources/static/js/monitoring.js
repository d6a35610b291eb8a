// Draws the monitoring dashboard's charts from the JSON figures of /api/monitoring/dashboard.
(function () {
  var src = document.getElementById('dashboard-src');
  if (!src || typeof echarts === 'undefined') { return; }
  fetch(src.getAttribute('data-src'), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
    .then(function (r) { return r.json(); })
    .then(function (figures) {
      document.querySelectorAll('.monitoring-chart').forEach(function (el) {
        var d = el.getAttribute('data-dimension');
        var chart = echarts.init(el);
        var option;
        if (d === 'runs') {
          var runs = figures.runs.slice().reverse();
          option = {
            animation: false, tooltip: {},
            grid: { left: 50, right: 30, bottom: 40, top: 20, containLabel: true },
            xAxis: { type: 'category', data: runs.map(function (r) { return r.task + ' #' + r.run; }) },
            yAxis: { type: 'value', name: '秒' },
            series: [{ type: 'bar', data: runs.map(function (r) {
              return { value: r.seconds === null ? 0 : r.seconds,
                       itemStyle: { color: r.status === 'FAILED' ? '#dc3545' : (r.status === 'RUNNING' ? '#ffc107' : '#0d6efd') } };
            }) }]
          };
        } else {
          var data = figures[d] || {};
          var codes = Object.keys(data);
          var labels = (figures.labels || {})[d] || {};
          var names = codes.map(function (c) { return labels[c] || c; });
          option = {
            animation: false, tooltip: {},
            grid: { left: 50, right: 30, bottom: 70, top: 20, containLabel: true },
            xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: 30 } },
            yAxis: { type: 'value', minInterval: 1 },
            series: [{ type: d === 'day' ? 'line' : 'bar', data: codes.map(function (c) { return data[c]; }) }]
          };
        }
        chart.setOption(option);
        el.setAttribute('data-rendered', 'true');
        window.addEventListener('resize', function () { chart.resize(); });
      });
    });
})();
