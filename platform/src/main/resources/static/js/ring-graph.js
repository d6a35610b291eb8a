// Draws a ring: its accounts and shops as a graph, and its days, from the page's data-graph attribute.
(function () {
  var el = document.getElementById('ring-graph');
  if (!el || typeof echarts === 'undefined') { return; }
  var g = JSON.parse(el.getAttribute('data-graph'));
  echarts.init(el).setOption({
    animation: false, tooltip: {},
    legend: { data: ['店铺', '账号'] },
    series: [{
      type: 'graph', layout: 'force', roam: true, draggable: true,
      categories: [{ name: '店铺' }, { name: '账号' }],
      force: { repulsion: 60, edgeLength: 40 },
      data: g.nodes.map(function (n) { return { id: n.id, name: n.name, category: n.category, symbolSize: n.category === 0 ? 22 : 8 }; }),
      links: g.links
    }]
  });
  var days = document.getElementById('ring-days');
  echarts.init(days).setOption({
    animation: false, tooltip: {},
    xAxis: { type: 'category', data: g.days, axisLabel: { rotate: 45 } },
    yAxis: { type: 'value', name: '订单' },
    series: [{ type: 'bar', name: '订单', data: g.orders }]
  });
})();
