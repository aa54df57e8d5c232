// One node's details as the map shows them (a node of GET /menus/nodes): prompts in each language,
// options with keys, phrases and where they go, and its timeouts and retries.
import { el } from "./api.js";

function localeList(texts) {
  const list = el("dl");
  for (const [locale, text] of Object.entries(texts ?? {})) list.append(el("dt", locale), el("dd", text));
  return list;
}

function phrases(byLocale) {
  return Object.entries(byLocale ?? {}).map(([locale, words]) => `${locale}: ${words.join(", ")}`).join(" · ");
}

const seconds = s => `${s} s`;

export function renderNode(node) {
  const box = el("div");
  const facts = el("dl");
  facts.append(el("dt", "Kind"), el("dd", node.kind));
  if (node.queues?.length) facts.append(el("dt", "Reaches queues"), el("dd", node.queues.join(", ")));
  box.append(facts);

  if (Object.keys(node.prompts ?? {}).length) box.append(el("h3", "Prompt"), localeList(node.prompts));
  if (Object.keys(node.reprompts ?? {}).length) box.append(el("h3", "Reprompt"), localeList(node.reprompts));

  if (node.options?.length) {
    box.append(el("h3", "Options"));
    const table = el("table");
    const head = table.createTHead().insertRow();
    for (const title of ["Key", "Phrases", "Goes to"]) head.append(el("th", title));
    const body = table.createTBody();
    for (const option of node.options) {
      const row = body.insertRow();
      row.append(el("td", option.key ?? "–"), el("td", phrases(option.phrases) || "–"), el("td", option.target?.text ?? "–"));
    }
    box.append(table);
  }

  box.append(el("h3", "Timeouts and retries"));
  const timing = el("dl");
  const add = (term, value) => { if (value !== null && value !== undefined && value !== "") timing.append(el("dt", term), el("dd", value)); };
  add("No input", `${seconds(node.noInput.timeoutSeconds)}, ${node.noInput.retries} ${node.noInput.retries === 1 ? "retry" : "retries"}`);
  add("Invalid input", `${node.invalidRetries} ${node.invalidRetries === 1 ? "retry" : "retries"}`);
  add("Then", node.onRetriesExhausted?.text);
  add("Between digits", seconds(node.interDigitTimeoutSeconds));
  if (node.next) add("Next", node.next.text);
  if (node.collect) {
    const c = node.collect;
    add("Collects", `${c.variable}: ${c.minLength}–${c.maxLength} digits${c.terminator ? `, ends with ${c.terminator}` : ""}${c.pattern ? `, pattern ${c.pattern}` : ""}`);
    add("Between collected digits", seconds(c.interDigitTimeoutSeconds));
    add("After collecting", c.next?.text);
  }
  if (node.escape) add("Escape", node.escape.mode === "disabled" ? "disabled" : `${node.escape.mode}: keys ${node.escape.keys.join(" ") || "none"} → ${node.escape.target?.text ?? ""}`);
  if (node.hours) add("Hours", `${node.hours.schedule}; when closed: ${node.hours.whenClosed.text}`);
  box.append(timing);
  return box;
}
