// Time-series charts on the vendored uPlot. Each chart is one `role="img"` element whose
// `aria-label` says in words what the chart shows; uPlot draws on a canvas inside it.

import uPlot from "./vendor/uplot/uPlot.esm.js";
import { h } from "./dom.js";

const COLORS = ["#2457c5", "#d9480f", "#2b8a3e", "#7048e8", "#c2255c", "#0b7285"];
const DAY = 86400;
const WHOLE_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5];

/** "2026-11-02" -> seconds since the epoch at midnight UTC. */
function epoch(date) {
  return Date.parse(`${date}T00:00:00Z`) / 1000;
}

/**
 * A chart of `series` (each `{label, values}`) over the dates `xs`: lines with points, or
 * with `stacked` bars whose heights add up. `format(value)` writes the y values; `whole`
 * keeps the y axis on whole numbers.
 */
export function timeChart({
  label,
  xs,
  series,
  format,
  stacked = false,
  whole = false,
  height = 220,
}) {
  const holder = h("div", { class: "chart", role: "img", "aria-label": label });
  const xValues = xs.map(epoch);
  const colored = series.map((s, i) => ({ ...s, color: COLORS[i % COLORS.length] }));
  const drawn = stacked ? stack(colored) : colored;
  const options = {
    width: 320,
    height,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"),
    // The whole series always shows (no drag-zoom), padded so one point is not on the edge.
    scales: {
      x: { time: true, range: () => padded(xValues[0], xValues.at(-1)) },
      y: stacked ? { range: (u, min, max) => [0, max > 0 ? max * 1.1 : 1] } : {},
    },
    cursor: { drag: { x: false, y: false } },
    legend: { live: false },
    series: [{}, ...drawn.map((s) => (stacked ? barSeries(s) : lineSeries(s)))],
    axes: [
      { stroke: "#5c6370", grid: { stroke: "#eceef2" } },
      {
        stroke: "#5c6370",
        grid: { stroke: "#eceef2" },
        size: 60,
        incrs: whole ? WHOLE_STEPS : undefined,
        values: (u, values) => values.map(format),
      },
    ],
  };
  const chart = new uPlot(options, [xValues, ...drawn.map((s) => s.values)], holder);
  new ResizeObserver(() => {
    if (holder.clientWidth) chart.setSize({ width: holder.clientWidth, height });
  }).observe(holder);
  return holder;
}

function lineSeries(s) {
  return {
    label: s.label,
    stroke: s.color,
    width: 2,
    spanGaps: true,
    points: { show: true, size: 7, fill: s.color },
  };
}

function barSeries(s) {
  return {
    label: s.label,
    stroke: s.color,
    fill: s.color,
    width: 0,
    paths: uPlot.paths.bars({ size: [0.6, 28] }),
    points: { show: false },
  };
}

/** Stacked bars as uPlot draws them: running totals, the tallest first so each covers less. */
function stack(series) {
  let totals = series[0].values.map(() => 0);
  const running = series.map((s) => {
    totals = totals.map((sum, i) => sum + (s.values[i] ?? 0));
    return { ...s, values: totals };
  });
  return running.reverse();
}

/** One point or several on the same day still get a visible x range. */
function padded(min, max) {
  return min === max ? [min - 4 * DAY, max + 4 * DAY] : [min - 3 * DAY, max + 3 * DAY];
}
