// Progress: lift, weekly and run-pace charts from GET /v1/progress, the bests from
// GET /v1/records, and the chosen conversation's summary.

import { timeChart } from "./charts.js";
import { h } from "./dom.js";
import { DISCIPLINES, bestText, clock, humanize, number } from "./format.js";

const WEEKLY = {
  sessions: { label: "Sessions", of: (w) => w.sessions, whole: true },
  minutes: { label: "Time (minutes)", of: (w) => Math.round(w.duration_s / 60), whole: true },
  volume: { label: "Lifting volume", of: (w) => Math.round(w.volume), whole: true },
  km: { label: "Distance (km)", of: (w) => +(w.distance_m / 1000).toFixed(1), whole: false },
};

export function createProgress({ api, body, conversation }) {
  let chosenLift = null;
  let chosenMetric = "sessions";

  async function refresh() {
    const [progress, records, summary] = await Promise.all([
      api.get("/v1/progress"),
      api.get("/v1/records"),
      summaryOf(conversation()),
    ]);
    const render = () =>
      body.replaceChildren(
        liftBlock(progress, (lift) => {
          chosenLift = lift;
          rerender("Lift");
        }),
        weeklyBlock(progress, (metric) => {
          chosenMetric = metric;
          rerender("Measure");
        }),
        runBlock(progress),
        bestsBlock(records.items),
        summaryBlock(summary),
      );
    // Keyboard users keep their place: the rebuilt select gets the focus back.
    const rerender = (name) => {
      render();
      body.querySelector(`select[name="${name}"]`).focus();
    };
    render();
  }

  async function summaryOf(target) {
    if (!target) return null;
    const { coach, conversation } = target;
    const conversationPath = `/v1/coaches/${coach.coach_id}/conversations`;
    const path = `${conversationPath}/${conversation.conversation_id}/summary`;
    // 404 until the coach has summarised this conversation: not an error for the page.
    return api.get(path).catch((error) => {
      if (error.status === 404) return null;
      throw error;
    });
  }

  function liftBlock(progress, choose) {
    const lifts = progress.lifts;
    if (!lifts.length) return block("Lifts", empty("No lifts logged in these 52 weeks yet."));
    const lift = lifts.find((l) => l.exercise === chosenLift) ?? lifts[0];
    const unit = progress.unit;
    const points = lift.points;
    const last = points.at(-1);
    const name = humanize(lift.exercise);
    const label =
      `${name}: top set and estimated one-rep max per session, in ${unit}, ` +
      `${plural(points.length, "session")} from ${points[0].date} to ${last.date}; ` +
      `latest top set ${number(last.top_set_weight)} ${unit}` +
      `${last.top_set_reps ? ` × ${last.top_set_reps}` : ""}` +
      `${last.e1rm ? `, estimated 1RM ${number(last.e1rm)} ${unit}` : ""}.`;
    return block(
      "Lifts",
      choice(
        "Lift",
        lifts.map((l) => [l.exercise, humanize(l.exercise)]),
        lift.exercise,
        choose,
      ),
      timeChart({
        label,
        xs: points.map((p) => p.date),
        series: [
          { label: `Top set (${unit})`, values: points.map((p) => p.top_set_weight) },
          { label: `Estimated 1RM (${unit})`, values: points.map((p) => p.e1rm) },
        ],
        format: number,
      }),
    );
  }

  function weeklyBlock(progress, choose) {
    const weeks = progress.weeks;
    if (!weeks.length) return block("Weekly training", empty("No workouts in these 52 weeks yet."));
    const metric = WEEKLY[chosenMetric];
    const days = [...new Set(weeks.map((w) => w.week))].sort();
    const disciplines = [...new Set(weeks.map((w) => w.discipline))].sort();
    const series = disciplines.map((d) => ({
      label: DISCIPLINES[d] ?? humanize(d),
      values: days.map((day) => {
        const found = weeks.find((w) => w.week === day && w.discipline === d);
        return found ? metric.of(found) : 0;
      }),
    }));
    const unitNote = chosenMetric === "volume" ? ` (weight × reps, ${progress.unit})` : "";
    const totals = series.map((s) => `${s.label} ${number(s.values.reduce((a, b) => a + b, 0))}`);
    const label =
      `Weekly ${metric.label.toLowerCase()}${unitNote} per discipline, ` +
      `${plural(days.length, "week")} from the week of ${days[0]} to the week of ${days.at(-1)}; ` +
      `totals: ${totals.join(", ")}.`;
    return block(
      "Weekly training",
      choice(
        "Measure",
        Object.entries(WEEKLY).map(([k, m]) => [k, m.label]),
        chosenMetric,
        choose,
      ),
      timeChart({ label, xs: days, series, format: number, stacked: true, whole: metric.whole }),
    );
  }

  return { refresh };
}

function runBlock(progress) {
  const runs = progress.runs;
  if (!runs.length) return block("Run pace", empty("No runs with a distance and time yet."));
  const last = runs.at(-1);
  const label =
    "Run pace over time in minutes per kilometre (lower is faster), " +
    `${plural(runs.length, "run")} from ${runs[0].date} to ${last.date}; latest ` +
    `${clock(last.pace_s_per_km)} per km over ${number(+(last.distance_m / 1000).toFixed(2))} km.`;
  return block(
    "Run pace",
    timeChart({
      label,
      xs: runs.map((r) => r.date),
      series: [{ label: "Pace (min/km)", values: runs.map((r) => r.pace_s_per_km) }],
      format: clock,
    }),
  );
}

/** One row per exercise and measure; a lift's estimated 1RM goes beside its top set. */
function bestsBlock(all) {
  const records = all.filter((r) => r.measure !== "e1rm");
  const e1rm = new Map(all.filter((r) => r.measure === "e1rm").map((r) => [r.exercise, r]));
  const withE1rm = (r) => {
    const estimate = r.measure === "weight" ? e1rm.get(r.exercise) : undefined;
    return estimate ? `${bestText(r)} (e1RM ${bestText(estimate)})` : bestText(r);
  };
  if (!records.length) return block("Bests", empty("Personal bests appear as you log workouts."));
  return block(
    "Bests",
    h(
      "table",
      { class: "bests" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, "Exercise"),
          h("th", { scope: "col" }, "Best"),
          h("th", { scope: "col" }, "Date"),
        ),
      ),
      h(
        "tbody",
        {},
        records.map((r) =>
          h(
            "tr",
            {},
            h("th", { scope: "row" }, humanize(r.exercise)),
            h("td", {}, withE1rm(r)),
            h("td", {}, r.date),
          ),
        ),
      ),
    ),
  );
}

function summaryBlock(summary) {
  if (!summary)
    return block(
      "Conversation summary",
      empty("No summary yet: the coach summarises a conversation every few messages."),
    );
  const facts = summary.structured_data.key_facts;
  const lists = [
    ["Goals", facts.current_goals],
    ["Progress", facts.recent_progress],
    ["Constraints", facts.constraints],
    ["Next", summary.structured_data.action_items],
  ].filter(([, items]) => items.length);
  return block(
    "Conversation summary",
    h("p", {}, summary.summary_text),
    lists.map(([title, items]) =>
      h(
        "div",
        { class: "facts" },
        h("h4", {}, title),
        h(
          "ul",
          {},
          items.map((i) => h("li", {}, i)),
        ),
      ),
    ),
  );
}

function block(title, ...content) {
  return h("section", { class: "progress-block" }, h("h3", {}, title), ...content);
}

function empty(text) {
  return h("p", { class: "note" }, text);
}

function choice(label, options, chosen, onChange) {
  const select = h(
    "select",
    { name: label, onchange: (event) => onChange(event.target.value) },
    options.map(([value, text]) => h("option", { value, selected: value === chosen }, text)),
  );
  return h("label", { class: "choice" }, `${label} `, select);
}

/** 1 -> "1 run", 3 -> "3 runs" */
function plural(count, noun) {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
