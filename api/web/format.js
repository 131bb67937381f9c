// How workouts, times and bests read to a person.

export const DISCIPLINES = {
  crossfit: "CrossFit",
  powerlifting: "Powerlifting",
  olympic_weightlifting: "Weightlifting",
  bodybuilding: "Bodybuilding",
  functional_bodybuilding: "Functional bodybuilding",
  calisthenics: "Calisthenics",
  hiit: "HIIT",
  circuit_training: "Circuit training",
  running: "Running",
  trail_running: "Trail running",
  cycling: "Cycling",
  swimming: "Swimming",
  rowing: "Rowing",
  hyrox: "Hyrox",
  rucking: "Rucking",
  backpacking: "Backpacking",
  yoga: "Yoga",
  martial_arts: "Martial arts",
  climbing: "Climbing",
  hybrid: "Hybrid",
};

/** "back_squat" -> "Back squat" */
export function humanize(name) {
  const text = String(name).replaceAll("_", " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** 537 -> "8:57", 3725 -> "1:02:05" */
export function clock(seconds) {
  const s = Math.round(seconds);
  const [hours, minutes, rest] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  const mm = hours ? String(minutes).padStart(2, "0") : String(minutes);
  return `${hours ? `${hours}:` : ""}${mm}:${String(rest).padStart(2, "0")}`;
}

export function number(value) {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** The workout's title: its name, else its first exercise, else its discipline. */
export function workoutTitle(workout) {
  if (workout.workout_name) return workout.workout_name;
  const data = structure(workout);
  const first = (data.exercises ?? data.lifts ?? [])[0];
  const name = first?.exercise_name ?? first?.lift_name;
  return name ? humanize(name) : (DISCIPLINES[workout.discipline] ?? humanize(workout.discipline));
}

/** Lines describing what was done: sets, score, distance and pace, duration. */
export function workoutDetails(workout) {
  const data = structure(workout);
  const lines = [];
  for (const exercise of data.exercises ?? data.lifts ?? []) {
    const sets = setsText(exercise.sets ?? []);
    if (sets) lines.push(`${humanize(exercise.exercise_name ?? exercise.lift_name)} ${sets}`);
  }
  const score = data.performance_data?.score;
  if (score?.type === "time") lines.push(`Time ${clock(score.value)}`);
  else if (score) lines.push(`Score ${score.value} ${score.type}`);
  for (const round of data.rounds ?? []) {
    const moves = round.exercises.map((e) => humanize(e.exercise_name) + load(e.weight));
    lines.push([round.rep_scheme, moves.join(", ")].filter(Boolean).join(": "));
  }
  if (data.total_distance) {
    const unit = data.distance_unit ?? "m";
    const parts = [`${number(data.total_distance)} ${unit}`];
    if (data.total_time) parts.push(`in ${clock(data.total_time)}`);
    if (data.average_pace) parts.push(`(${data.average_pace}/${unit})`);
    lines.push(parts.join(" "));
  }
  if (!lines.length && workout.duration) lines.push(`${clock(workout.duration)} long`);
  const notes = workout.subjective_feedback?.notes;
  if (notes) lines.push(`“${notes}”`);
  return lines;
}

function structure(workout) {
  return workout.discipline_specific?.[workout.discipline] ?? {};
}

function load(weight) {
  return weight ? ` @ ${number(weight.value)} ${weight.unit}` : "";
}

/** Identical sets collapse: "5×5 @ 225 lb"; others are listed: "3 @ 110 kg, 2×8 @ 90 kg". */
function setsText(sets) {
  const groups = [];
  for (const set of sets) {
    const key = `${set.reps ?? "?"}${load(set.weight)}`;
    const last = groups.at(-1);
    if (last?.key === key) last.count += 1;
    else groups.push({ key, count: 1 });
  }
  return groups.map((g) => (g.count > 1 ? `${g.count}×${g.key}` : g.key)).join(", ");
}

/** A personal best as a person says it: "225 lb", "8:57", "12 reps". */
export function bestText(record) {
  if (record.measure === "time") return clock(record.value);
  const reps = record.measure === "weight" && record.reps ? ` × ${record.reps}` : "";
  return `${number(record.value)}${record.unit ? ` ${record.unit}` : ""}${reps}`;
}
