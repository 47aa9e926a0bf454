// The /status page: each hop's latency and error rate since the previous reading, from GET /status/hops.
const REFRESH_MS = 5_000;

const milliseconds = (value) => (value === null ? '–' : `${value.toFixed(1)} ms`);
const percent = (value) => (value === null ? '–' : `${(value * 100).toFixed(1)} %`);

function row(hop) {
  const tr = document.createElement('tr');
  const cells = [
    hop.hop,
    String(hop.calls),
    hop.perSecond.toFixed(1),
    percent(hop.errorRatio),
    milliseconds(hop.meanMs),
    milliseconds(hop.p95Ms),
  ];
  for (const text of cells) {
    const td = document.createElement('td');
    td.textContent = text;
    tr.append(td);
  }
  if (hop.errorRatio) tr.classList.add('failing');
  return tr;
}

async function refresh() {
  const windowLine = document.getElementById('window');
  try {
    const response = await fetch('/status/hops');
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const report = await response.json();
    document.getElementById('hops').replaceChildren(...report.hops.map(row));
    windowLine.textContent =
      report.windowSeconds === null ? 'Since the apps started' : `Over the last ${report.windowSeconds.toFixed(1)} s`;
    const unreachable = document.getElementById('unreachable');
    unreachable.hidden = report.unreachable.length === 0;
    unreachable.textContent = `No metrics from: ${report.unreachable.join(', ')}`;
  } catch (error) {
    windowLine.textContent = `The status is unavailable (${error.message}); trying again`;
  }
}

void refresh();
setInterval(() => void refresh(), REFRESH_MS);
