// Draws the dashboard's charts from the JSON block the server rendered (the tables beside them hold the same
// numbers). Chart.js is served by the bot itself (/admin/assets/chart.umd.min.js); no inline code, no CDN.
(() => {
  const source = document.getElementById('dashboard-data');
  if (!source || typeof window.Chart === 'undefined') return;
  const data = JSON.parse(source.textContent || '{}');
  const Chart = window.Chart;
  const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  Chart.defaults.animation = reduced ? false : { duration: 300 };
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.font.family = 'system-ui, sans-serif';
  const blue = '#1d4ed8';
  const orange = '#b45309';

  for (const canvas of document.querySelectorAll('canvas[data-chart="funnel"]')) {
    const funnel = data.funnel[Number(canvas.dataset.index)];
    if (!funnel) continue;
    const labels = [data.labels.started];
    const values = [funnel.started];
    for (const step of funnel.steps) {
      labels.push(
        step.kind === 'acknowledged'
          ? `✓ ${step.acknowledgement}`
          : `${step.kind === 'shown' ? data.labels.shown : data.labels.confirmed}: ${step.node}`,
      );
      values.push(step.count);
    }
    labels.push(data.labels.completed);
    values.push(funnel.completed);
    new Chart(canvas, {
      type: 'bar',
      data: { labels, datasets: [{ label: data.labels.count, data: values, backgroundColor: blue }] },
      options: {
        indexAxis: 'y',
        plugins: { legend: { display: false } },
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
  }

  const rates = document.querySelector('canvas[data-chart="rates"]');
  if (rates) {
    const pct = (v) => (v === null ? null : Math.round(v * 1000) / 10);
    new Chart(rates, {
      type: 'line',
      data: {
        labels: data.daily.map((d) => d.day),
        datasets: [
          {
            label: `${data.labels.handoffRate} (%)`,
            data: data.daily.map((d) => pct(d.handoffRate)),
            borderColor: blue,
            backgroundColor: blue,
          },
          {
            label: `${data.labels.abandonmentRate} (%)`,
            data: data.daily.map((d) => pct(d.abandonmentRate)),
            borderColor: orange,
            backgroundColor: orange,
            borderDash: [6, 4],
          },
        ],
      },
      options: { scales: { y: { beginAtZero: true, suggestedMax: 100 } } },
    });
  }

  const satisfaction = document.querySelector('canvas[data-chart="satisfaction"]');
  if (satisfaction) {
    new Chart(satisfaction, {
      type: 'bar',
      data: {
        labels: ['1', '2', '3', '4', '5'],
        datasets: [{ label: data.labels.count, data: data.satisfaction, backgroundColor: blue }],
      },
      options: {
        plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
  }
})();
