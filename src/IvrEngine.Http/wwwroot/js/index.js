import { apiKey, get, say, setApiKey } from "./api.js";

const form = document.getElementById("key-form");
const input = document.getElementById("api-key");
const status = document.getElementById("key-status");
input.value = apiKey();
form.addEventListener("submit", event => {
  event.preventDefault();
  setApiKey(input.value.trim());
  say(status, input.value.trim() ? "Key saved for this tab." : "No key: writes go without one.", "ok");
});
document.getElementById("forget-key").addEventListener("click", () => {
  setApiKey("");
  input.value = "";
  say(status, "Key forgotten.", "ok");
});

try {
  const menu = await get("/menus");
  document.getElementById("served").textContent =
    `Serving the menu ${menu.name}, version ${menu.version}, in ${menu.locales.join(", ")}; queues: ${menu.queues.join(", ")}.`;
} catch (error) {
  document.getElementById("served").textContent = error.message;
}
