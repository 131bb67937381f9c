// The HTTP API, as a client developer would call it: a bearer token on every request,
// `{"error": {"code", "message"}}` on failures, `next` tokens for pages, and the chat
// endpoint read as Server-Sent Events from a fetch stream (EventSource cannot POST or
// send an Authorization header).

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  /** Worth retrying with the same idempotency key: rate limits, conflicts, 5xx. */
  get retryable() {
    return this.status === 0 || this.status === 409 || this.status === 429 || this.status >= 500;
  }
}

export function createClient(token, { onUnauthorized }) {
  const headers = (extra) => ({ Authorization: `Bearer ${token}`, ...extra });

  async function send(method, path, { body, query, accept = "application/json" } = {}) {
    const url = new URL(path, location.origin);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value != null) url.searchParams.set(key, value);
    }
    let response;
    try {
      response = await fetch(url, {
        method,
        headers: headers({
          Accept: accept,
          ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        }),
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new ApiError(0, "network_error", "The service could not be reached.");
    }
    if (!response.ok) throw await failure(response);
    return response;
  }

  async function failure(response) {
    const body = await response.json().catch(() => null);
    const error = body?.error ?? { code: `http_${response.status}`, message: response.statusText };
    if (response.status === 401) onUnauthorized(error.message);
    return new ApiError(response.status, error.code, error.message);
  }

  async function json(method, path, options) {
    const response = await send(method, path, options);
    return response.status === 204 ? null : response.json();
  }

  return {
    get: (path, query) => json("GET", path, { query }),
    post: (path, body) => json("POST", path, { body }),
    put: (path, body) => json("PUT", path, { body }),
    patch: (path, body) => json("PATCH", path, { body }),
    delete: (path) => json("DELETE", path),

    /** Every item of a paged list, following `next` until the last page. */
    async all(path, query = {}) {
      const items = [];
      let next = null;
      do {
        const page = await json("GET", path, { query: { ...query, next } });
        items.push(...page.items);
        next = page.next;
      } while (next);
      return items;
    },

    /** POST a chat message and call `onEvent(name, payload)` for each SSE event. */
    async chat(path, body, onEvent) {
      const response = await send("POST", path, { body, accept: "text/event-stream" });
      for await (const { event, data } of readEvents(response.body)) {
        onEvent(event, JSON.parse(data));
      }
    },
  };
}

/** Parse a text/event-stream body into `{event, data}` objects (comments and pings skipped). */
export async function* readEvents(stream) {
  const reader = stream.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    const blocks = buffer.split(/\r\n\r\n|\n\n|\r\r/);
    buffer = blocks.pop();
    for (const block of blocks) {
      const event = parseEvent(block);
      if (event) yield event;
    }
  }
  const last = parseEvent(buffer);
  if (last) yield last;
}

function parseEvent(block) {
  let event = "message";
  const data = [];
  for (const line of block.split(/\r\n|\n|\r/)) {
    if (!line || line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "event") event = value;
    else if (field === "data") data.push(value);
  }
  return data.length ? { event, data: data.join("\n") } : null;
}

/** A fresh idempotency key for one chat message (also outside secure contexts). */
export function newMessageId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
