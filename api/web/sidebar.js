// Coaches and their conversations: list, create, choose, start, rename.

import { h, showError } from "./dom.js";
import { humanize } from "./format.js";

export function createSidebar({ api, root, chatTitle, rename, onSelect }) {
  const coachList = root.querySelector("#coach-list");
  const conversationList = root.querySelector("#conversation-list");
  const coachForm = root.querySelector("#coach-form");
  const state = { coaches: [], conversations: [], coach: null, conversation: null };

  coachForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(coachForm);
    try {
      const coach = await api.post("/v1/coaches", {
        coach_name: data.get("coach_name"),
        selected_personality: { primary_template: data.get("personality") },
        selected_methodology: { primary_methodology: data.get("methodology") },
      });
      coachForm.reset();
      coachForm.closest("details").open = false;
      showError(coachForm, "");
      state.coaches.push(coach);
      await chooseCoach(coach);
    } catch (error) {
      showError(coachForm, error.message);
    }
  });

  root.querySelector("#new-conversation").addEventListener("click", startConversation);

  rename.button.addEventListener("click", () => {
    rename.input.value = state.conversation.title;
    rename.form.hidden = false;
    rename.button.hidden = true;
    chatTitle.hidden = true;
    rename.input.focus();
  });
  rename.cancel.addEventListener("click", closeRename);
  rename.form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const { coach, conversation } = state;
    const renamed = await api.patch(
      `/v1/coaches/${coach.coach_id}/conversations/${conversation.conversation_id}`,
      { title: rename.input.value },
    );
    Object.assign(conversation, renamed);
    closeRename();
    render();
  });

  function closeRename() {
    rename.form.hidden = true;
    rename.button.hidden = !state.conversation;
    chatTitle.hidden = false;
  }

  /** Fill the personality and methodology choices from the API's own schema. */
  async function loadChoices() {
    const schema = await api.get("/openapi.json");
    const fields = schema.components.schemas;
    const fill = (name, values, chosen) =>
      coachForm[name].replaceChildren(
        ...values.map((v) => h("option", { value: v, selected: v === chosen }, humanize(v))),
      );
    const personality = fields.PersonalityIn.properties.primary_template;
    const methodology = fields.MethodologyIn.properties.primary_methodology;
    fill("personality", personality.enum, personality.default);
    fill("methodology", methodology.enum, methodology.default);
  }

  async function load() {
    root.setAttribute("aria-busy", "true"); // until the coaches are in (and the form opened)
    try {
      await loadChoices();
      state.coaches = await api.all("/v1/coaches", { limit: 100 });
      if (state.coaches.length) await chooseCoach(state.coaches[0]);
      else {
        root.querySelector("#new-coach").open = true;
        render();
        await onSelect(null);
      }
    } finally {
      root.setAttribute("aria-busy", "false");
    }
  }

  async function chooseCoach(coach) {
    state.coach = coach;
    const page = await api.get(`/v1/coaches/${coach.coach_id}/conversations`, { limit: 20 });
    state.conversations = page.items;
    await chooseConversation(state.conversations[0] ?? null);
  }

  async function chooseConversation(conversation) {
    state.conversation = conversation;
    closeRename();
    render();
    await onSelect(conversation && { coach: state.coach, conversation });
  }

  async function startConversation() {
    if (!state.coach) return null;
    const conversation = await api.post(`/v1/coaches/${state.coach.coach_id}/conversations`, {});
    state.conversations.unshift(conversation);
    await chooseConversation(conversation);
    return conversation;
  }

  function render() {
    coachList.replaceChildren(
      ...state.coaches.map((coach) =>
        pick(
          coach === state.coach,
          () => chooseCoach(coach),
          coach.coach_name,
          [
            humanize(coach.selected_personality.primary_template),
            humanize(coach.selected_methodology.primary_methodology),
          ].join(" · "),
        ),
      ),
    );
    conversationList.replaceChildren(
      ...state.conversations.map((c) =>
        pick(
          c === state.conversation,
          () => chooseConversation(c),
          c.title,
          (c.last_activity ?? c.created_at ?? "").slice(0, 10),
        ),
      ),
    );
    root.querySelector("#new-conversation").disabled = !state.coach;
    chatTitle.textContent =
      state.conversation?.title ??
      (state.coach ? state.coach.coach_name : "Create a coach to start");
    rename.button.hidden = !state.conversation;
  }

  return {
    load,
    get coach() {
      return state.coach;
    },
    get conversation() {
      return state.conversation;
    },
    /** The chosen conversation, started first if there is none yet. */
    async target() {
      const conversation = state.conversation ?? (await startConversation());
      if (!conversation) return null;
      return { coachId: state.coach.coach_id, conversationId: conversation.conversation_id };
    },
  };
}

function pick(current, choose, title, detail) {
  return h(
    "li",
    {},
    h(
      "button",
      { type: "button", class: "pick", "aria-current": current ? "true" : null, onclick: choose },
      h("span", { class: "pick-title" }, title),
      h("span", { class: "pick-detail" }, detail),
    ),
  );
}
