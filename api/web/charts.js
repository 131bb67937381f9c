// Time-series charts on the vendored uPlot. Each chart is one `role="img"` element whose
// `aria-label` says in words what the chart shows; uPlot draws on a canvas inside it.

import uPlot from "./vendor/uplot/uPlot.esm.js";
import { h } from "./dom.js";

export const COLORS = ["#2457c5", "#d9480f", "#2b8a3e", "#7048e8", "#c2255c", "#0b7285"];
const DAY = 86400;

/** "2026-11-02" -> seconds since the epoch at midnight UTC. */
export function epoch(date) {
  return Date.parse(`${date}T00:00:00Z`) / 1000;
}

/**
 * A chart of `series` (each `{label, values}`) over the dates `xs`.
 * `format(value)` writes the y values on the axis and in the legend.
 */
export function timeChart({ label, xs, series, format, height = 220 }) {
  const holder = h("div", { class: "chart", role: "img", "aria-label": label });
  const xValues = xs.map(epoch);
  const options = {
    width: 320,
    height,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"),
    scales: { x: { time: true, range: (u, min, max) => padded(min, max) } },
    series: [
      { label: "Date", value: (u, ts) => (ts == null ? "–" : new Date(ts * 1000).toISOString().slice(0, 10)) },
      ...series.map((s, i) => ({
        label: s.label,
        stroke: COLORS[i % COLORS.length],
        width: 2,
        spanGaps: true,
        points: { show: true, size: 7, fill: COLORS[i % COLORS.length] },
        value: (u, v) => (v == null ? "–" : format(v)),
      })),
    ],
    axes: [
      { stroke: "#5c6370", grid: { stroke: "#eceef2" } },
      { stroke: "#5c6370", grid: { stroke: "#eceef2" }, size: 60, values: (u, values) => values.map(format) },
    ],
  };
  const chart = new uPlot(options, [xValues, ...series.map((s) => s.values)], holder);
  new ResizeObserver(() => {
    if (holder.clientWidth) chart.setSize({ width: holder.clientWidth, height });
  }).observe(holder);
  return holder;
}

/** One point or several on the same day still get a visible x range. */
function padded(min, max) {
  return min === max ? [min - 3 * DAY, max + 3 * DAY] : [min - DAY / 2, max + DAY / 2];
}
