// Draws one statistics indicator by region, by violation category and by week, from the page's data-chart attribute.
(function () {
  var el = document.getElementById('charts');
  if (!el || typeof echarts === 'undefined') { return; }
  var d = JSON.parse(el.getAttribute('data-chart'));
  var unit = el.getAttribute('data-unit');
  function bar(id, title, map, rotate) {
    var keys = Object.keys(map);
    echarts.init(document.getElementById(id)).setOption({
      animation: false, tooltip: {}, title: { text: title, textStyle: { fontSize: 13 } },
      grid: { bottom: 80 },
      xAxis: { type: 'category', data: keys, axisLabel: { rotate: rotate, interval: 0 } },
      yAxis: { type: 'value', name: unit },
      series: [{ type: 'bar', data: keys.map(function (k) { return map[k]; }) }]
    });
  }
  bar('chart-region', '按地区', d.byRegion, 45);
  bar('chart-category', '按违法类型', d.byCategory, 30);
  bar('chart-week', '按周', d.byWeek, 45);
})();
