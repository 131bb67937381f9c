// The app's entry point: sign-in from the URL fragment, then the views wired together.
//
// A token arrives in the fragment (`#token=…` from `make run`, or `#access_token=…` from a
// Cognito hosted-UI redirect). Fragments are never sent to the server; the page keeps the
// token in localStorage, removes it from the address bar and sends it only as
// `Authorization: Bearer` to this same origin.

import { createClient } from "./api.js";
import { createChat } from "./chat.js";
import { createMemories } from "./memories.js";
import { createProgress } from "./progress.js";
import { createSidebar } from "./sidebar.js";
import { createWorkouts } from "./workouts.js";

const TOKEN_KEY = "coach.token";
const $ = (selector) => document.querySelector(selector);

function tokenFromFragment() {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const token = fragment.get("token") ?? fragment.get("access_token");
  if (fragment.size) history.replaceState(null, "", location.pathname + location.search);
  return token;
}

/** The token's claims, read only to greet the user and notice expiry (the server verifies). */
function claims(token) {
  try {
    const payload = token.split(".")[1].replaceAll("-", "+").replaceAll("_", "/");
    return JSON.parse(atob(payload));
  } catch {
    return null;
  }
}

function signIn(message) {
  localStorage.removeItem(TOKEN_KEY);
  $("#app").hidden = true;
  $("#signin").hidden = false;
  $("#signin-error").textContent = message ?? "";
  $("#token-input").focus();
}

// A sign-in link opened in a tab already on this page changes only the fragment.
window.addEventListener("hashchange", () => {
  const token = tokenFromFragment();
  if (token) {
    localStorage.setItem(TOKEN_KEY, token);
    location.reload();
  }
});

$("#token-form").addEventListener("submit", (event) => {
  event.preventDefault();
  localStorage.setItem(TOKEN_KEY, $("#token-input").value.trim());
  location.reload();
});

function start() {
  const fresh = tokenFromFragment();
  if (fresh) localStorage.setItem(TOKEN_KEY, fresh);
  const token = localStorage.getItem(TOKEN_KEY);
  const who = token && claims(token);
  if (!who) return signIn(token ? "That token could not be read." : "");
  if (who.exp && who.exp * 1000 < Date.now()) return signIn("Your session expired: sign in again.");

  const api = createClient(token, { onUnauthorized: (message) => signIn(message) });
  $("#signin").hidden = true;
  $("#app").hidden = false;
  $("#who").textContent = who.username ?? who["cognito:username"] ?? who.sub;
  $("#sign-out").addEventListener("click", () => signIn("Signed out."));

  const app = $("#app");
  const panels = {
    workouts: createWorkouts({
      api,
      section: $("#workouts"),
      dialog: $("#workout-dialog"),
      onChange: () => stale.add("progress"),
    }),
    memories: createMemories({ api, section: $("#memories") }),
    progress: createProgress({
      api,
      body: $("#progress-body"),
      conversation: () =>
        sidebar.conversation && { coach: sidebar.coach, conversation: sidebar.conversation },
    }),
  };
  const stale = new Set(Object.keys(panels));
  let panel = "workouts";

  const sidebar = createSidebar({
    api,
    root: $("#sidebar"),
    chatTitle: $("#chat-title"),
    rename: {
      button: $("#rename-button"),
      form: $("#rename-form"),
      input: $("#rename-input"),
      cancel: $("#rename-cancel"),
    },
    onSelect: async (chosen) => {
      if (loaded) closeMenu(); // the user chose: show the chat (the first load leaves it open)
      chat.setEnabled(Boolean(sidebar.coach));
      if (!chosen) {
        chat.clear(
          sidebar.coach
            ? "Say hello, or tell your coach about a workout."
            : "Create a coach to start chatting.",
        );
      } else {
        chat.show(await messagesOf(chosen.coach, chosen.conversation));
      }
      stale.add("progress");
      await refreshVisible();
    },
  });

  const chat = createChat({
    api,
    list: $("#messages"),
    form: $("#composer"),
    input: $("#message"),
    ensureConversation: () => sidebar.target(),
    onTurnDone: () => {
      for (const name of Object.keys(panels)) stale.add(name);
      refreshVisible();
    },
  });

  /** All of a conversation's messages, oldest first, one page at a time. */
  async function messagesOf(coach, conversation) {
    const path = `/v1/coaches/${coach.coach_id}/conversations/${conversation.conversation_id}`;
    const messages = [];
    let next = null;
    do {
      const detail = await api.get(path, { limit: 100, next });
      messages.push(...detail.messages.items);
      next = detail.messages.next;
    } while (next);
    return messages;
  }

  /** Refresh the shown panel if something it shows has changed. */
  async function refreshVisible() {
    if (stale.has(panel)) {
      stale.delete(panel);
      await panels[panel].refresh();
    }
  }

  function show(view) {
    app.dataset.view = view;
    if (view !== "chat") panel = view;
    for (const button of document.querySelectorAll(".views button")) {
      button.setAttribute("aria-pressed", String(button.dataset.view === view));
    }
    for (const name of Object.keys(panels)) $(`#${name}`).hidden = name !== panel;
    if (view !== "chat") refreshVisible();
  }
  for (const button of document.querySelectorAll(".views button")) {
    button.addEventListener("click", () => show(button.dataset.view));
  }

  const menu = $("#menu-button");
  function closeMenu() {
    menu.setAttribute("aria-expanded", "false");
    app.classList.remove("menu-open");
  }
  menu.addEventListener("click", () => {
    const open = menu.getAttribute("aria-expanded") !== "true";
    menu.setAttribute("aria-expanded", String(open));
    app.classList.toggle("menu-open", open);
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && app.classList.contains("menu-open")) {
      closeMenu();
      menu.focus();
    }
  });

  let loaded = false;
  show(window.matchMedia("(max-width: 899px)").matches ? "chat" : "workouts");
  sidebar.load().then(() => {
    loaded = true;
  });
}

start();
