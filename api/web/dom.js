// A tiny element builder: text always goes in as text, never as HTML.

/** `h("li", {class: "x", onclick: fn}, "text", child)` */
export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (key.startsWith("on")) element.addEventListener(key.slice(2), value);
    else if (key === "class") element.className = value;
    else element.setAttribute(key, value === true ? "" : value);
  }
  element.append(...children.flat().filter((child) => child != null && child !== false));
  return element;
}

/** Show `message` in a form's alert line (empty clears it). */
export function showError(form, message) {
  form.querySelector(".error").textContent = message ?? "";
}
