// Lasting memories: a paged list, add, forget.

import { h } from "./dom.js";
import { humanize } from "./format.js";

const PAGE = 50;

export function createMemories({ api, section }) {
  const list = section.querySelector("#memory-list");
  const more = section.querySelector(".more");
  const form = section.querySelector("#memory-form");
  const input = form.querySelector("input");
  let next = null;

  more.addEventListener("click", () => load(next));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    await api.post("/v1/memories", { content: input.value });
    input.value = "";
    await refresh();
  });

  async function load(from) {
    const page = await api.get("/v1/memories", { limit: PAGE, next: from });
    if (!from) list.replaceChildren();
    list.append(...page.items.map(item));
    if (!list.childElementCount) list.append(h("li", { class: "note" }, "Nothing remembered yet."));
    next = page.next;
    more.hidden = !next;
  }

  async function refresh() {
    await load(null);
  }

  function item(memory) {
    const forget = async () => {
      await api.delete(`/v1/memories/${memory.memory_id}`);
      await refresh();
    };
    return h(
      "li",
      {},
      h(
        "article",
        { class: "card memory" },
        h("p", {}, memory.content),
        h(
          "div",
          { class: "actions" },
          h(
            "span",
            { class: "card-kind" },
            `${humanize(memory.memory_type)} · ${(memory.created_at ?? "").slice(0, 10)}`,
          ),
          h(
            "button",
            { type: "button", "aria-label": `Forget: ${memory.content}`, onclick: forget },
            "Forget",
          ),
        ),
      ),
    );
  }

  return { refresh };
}
