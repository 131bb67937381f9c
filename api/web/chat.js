// The chat: messages, a reply streamed token by token, workout and memory cards as they
// arrive, and a retry that resends the same `client_message_id` so nothing is logged twice.

import { ApiError, newMessageId } from "./api.js";
import { h } from "./dom.js";
import { workoutDetails, workoutTitle } from "./format.js";

const MEMORY_ACTIONS = { saved: "Remembered", updated: "Updated memory", forgotten: "Forgot" };

export function createChat({ api, list, form, input, ensureConversation, onTurnDone }) {
  const sendButton = form.querySelector("button[type=submit]");

  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text || sendButton.disabled) return;
    const target = await ensureConversation();
    if (!target) return;
    input.value = "";
    list.append(message("user", text));
    const reply = message("assistant", "");
    list.append(reply);
    await attempt(target, { content: text, client_message_id: newMessageId() }, reply);
  });

  async function attempt(target, body, reply) {
    const text = reply.querySelector(".text");
    const cards = reply.querySelector(".cards");
    text.textContent = "";
    cards.replaceChildren();
    reply.querySelector(".failure")?.remove();
    reply.setAttribute("aria-busy", "true");
    sendButton.disabled = true;
    const path = `/v1/coaches/${target.coachId}/conversations/${target.conversationId}/messages`;
    try {
      await api.chat(path, body, (name, payload) => {
        if (name === "token") text.textContent += payload.text;
        else if (name === "workout") cards.append(workoutCard(payload));
        else if (name === "memory") cards.append(memoryCard(payload.action, payload.memory));
        else if (name === "error") throw new ApiError(500, payload.code, payload.message);
        else if (name === "done") {
          text.textContent = payload.reply.content;
          if (!cards.childElementCount) cards.append(...resultCards(payload));
          onTurnDone(payload);
        }
        scrollDown();
      });
    } catch (error) {
      reply.append(failure(error, () => attempt(target, body, reply)));
    } finally {
      reply.removeAttribute("aria-busy");
      sendButton.disabled = false;
      scrollDown();
    }
  }

  function scrollDown() {
    list.scrollTop = list.scrollHeight;
  }

  return {
    /** Show a conversation's stored messages (oldest first). */
    show(messages) {
      list.replaceChildren(...messages.map((m) => message(m.role, m.content)));
      scrollDown();
    },
    clear(note) {
      list.replaceChildren(note ? h("li", { class: "note" }, note) : "");
    },
    setEnabled(enabled) {
      input.disabled = !enabled;
      sendButton.disabled = !enabled;
    },
  };
}

function message(role, content) {
  const who = role === "user" ? "You" : "Coach";
  return h(
    "li",
    { class: `message ${role === "user" ? "user" : "assistant"}` },
    h("span", { class: "author" }, who),
    h("div", { class: "text" }, content),
    h("div", { class: "cards" }),
  );
}

/** Cards from a turn's result, for a retry answered from the stored result. */
function resultCards(result) {
  const { saved = [], updated = [], forgotten = [] } = result.memories ?? {};
  return [
    ...(result.workout_changes ?? []).map((c) =>
      workoutCard({ ...c.workout, action: c.action, change: c.summary }),
    ),
    ...saved.map((m) => memoryCard("saved", m)),
    ...updated.map((m) => memoryCard("updated", m)),
    ...forgotten.map((m) => memoryCard("forgotten", m)),
  ];
}

/** A workout logged, updated or deleted this turn (`action`), with what changed. */
function workoutCard(workout) {
  const action = workout.action ?? "logged";
  return h(
    "article",
    { class: "card workout-card" },
    h("p", { class: "card-kind" }, `Workout ${action} · ${workout.date}`),
    h("h3", {}, workoutTitle(workout)),
    action === "updated" && workout.change ? h("p", {}, workout.change) : null,
    h(
      "ul",
      {},
      workoutDetails(workout).map((line) => h("li", {}, line)),
    ),
  );
}

function memoryCard(action, memory) {
  return h(
    "article",
    { class: `card memory-card ${action}` },
    h("p", { class: "card-kind" }, MEMORY_ACTIONS[action] ?? action),
    h("p", {}, memory.content),
  );
}

function failure(error, retry) {
  const status =
    error instanceof ApiError ? error : new ApiError(0, "network_error", String(error));
  return h(
    "div",
    { class: "failure", role: "alert" },
    h("span", {}, `Not sent: ${status.message}`),
    status.retryable ? h("button", { type: "button", onclick: retry }, "Retry") : null,
  );
}
