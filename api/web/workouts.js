// Logged workouts: a paged list with their details, edit (PUT the corrected UWS workout)
// and delete.

import { h, showError } from "./dom.js";
import { DISCIPLINES, humanize, workoutDetails, workoutTitle } from "./format.js";

const PAGE = 20;

export function createWorkouts({ api, section, dialog, onChange }) {
  const list = section.querySelector("#workout-list");
  const more = section.querySelector(".more");
  const form = dialog.querySelector("form");
  let next = null;
  let editing = null;

  more.addEventListener("click", () => load(next));
  dialog.querySelector("#workout-cancel").addEventListener("click", () => dialog.close());
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      const body = corrected(editing, new FormData(form));
      await api.put(`/v1/workouts/${editing.workout_id}`, body);
      dialog.close();
      await refresh();
      onChange();
    } catch (error) {
      showError(form, error.message);
    }
  });

  async function load(from) {
    const page = await api.get("/v1/workouts", { limit: PAGE, next: from });
    if (!from) list.replaceChildren();
    list.append(...page.items.map(item));
    if (!list.childElementCount)
      list.append(h("li", { class: "note" }, "No workouts yet: tell your coach about one."));
    next = page.next;
    more.hidden = !next;
  }

  async function refresh() {
    await load(null);
  }

  function item(workout) {
    const title = workoutTitle(workout);
    const remove = h(
      "button",
      { type: "button", class: "danger", "aria-label": `Delete ${title}, ${workout.date}` },
      "Delete",
    );
    remove.addEventListener("click", async () => {
      if (remove.dataset.confirm !== "yes") {
        remove.dataset.confirm = "yes";
        remove.textContent = "Confirm delete";
        return;
      }
      await api.delete(`/v1/workouts/${workout.workout_id}`);
      await refresh();
      onChange();
    });
    return h(
      "li",
      {},
      h(
        "article",
        { class: "card" },
        h(
          "p",
          { class: "card-kind" },
          `${workout.date} · ${DISCIPLINES[workout.discipline] ?? humanize(workout.discipline)}`,
        ),
        h("h3", {}, title),
        h(
          "ul",
          {},
          workoutDetails(workout).map((line) => h("li", {}, line)),
        ),
        h(
          "div",
          { class: "actions" },
          h(
            "button",
            {
              type: "button",
              "aria-label": `Edit ${title}, ${workout.date}`,
              onclick: () => edit(workout),
            },
            "Edit",
          ),
          remove,
        ),
      ),
    );
  }

  function edit(workout) {
    editing = workout;
    form.workout_name.value = workout.workout_name ?? "";
    form.workout_name.placeholder = workoutTitle(workout);
    form.duration.value = workout.duration ? +(workout.duration / 60).toFixed(2) : "";
    form.notes.value = workout.subjective_feedback?.notes ?? "";
    form.json.value = JSON.stringify(workout, null, 2);
    showError(form, "");
    dialog.showModal();
    form.workout_name.focus();
  }

  return { refresh };
}

/** The workout to PUT: the JSON as edited, with the simple fields that were changed. */
function corrected(original, data) {
  let workout;
  try {
    workout = JSON.parse(data.get("json"));
  } catch {
    throw new Error("The full workout is not valid JSON.");
  }
  const name = data.get("workout_name").trim();
  if (name !== (original.workout_name ?? "")) workout.workout_name = name || null;
  const minutes = data.get("duration");
  const duration = minutes === "" ? null : Math.round(Number(minutes) * 60);
  if (duration !== (original.duration ?? null)) workout.duration = duration;
  const notes = data.get("notes").trim();
  if (notes !== (original.subjective_feedback?.notes ?? "")) {
    workout.subjective_feedback = { ...workout.subjective_feedback, notes: notes || null };
  }
  return workout;
}
