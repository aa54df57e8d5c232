// One node's details as the map shows them: prompts in each language, options, timeouts.
import { el } from "./api.js";

export function renderNode(node) {
  const box = el("div");
  if (node.description) box.append(el("p", node.description));
  const facts = el("dl");
  if (node.kind) facts.append(el("dt", "Kind"), el("dd", node.kind));
  box.append(facts);

  const prompts = node.prompts ?? node.prompt ?? {};
  for (const [title, texts] of [["Prompt", prompts], ["Reprompt", node.reprompts ?? node.reprompt ?? {}]]) {
    const entries = Object.entries(texts ?? {});
    if (entries.length === 0) continue;
    box.append(el("h3", title));
    const list = el("dl");
    for (const [locale, text] of entries) list.append(el("dt", locale), el("dd", text));
    box.append(list);
  }

  const options = node.options ?? [];
  if (options.length > 0) {
    box.append(el("h3", "Options"));
    const table = el("table");
    const head = el("tr");
    for (const h of ["Key", "Phrases", "Goes to"]) head.append(el("th", h));
    table.append(el("thead"), el("tbody"));
    table.tHead.append(head);
    for (const option of options) {
      const row = el("tr");
      const phrases = option.say ?? option.phrases ?? {};
      const said = typeof phrases === "object" && !Array.isArray(phrases)
        ? Object.entries(phrases).map(([locale, words]) => `${locale}: ${[].concat(words).join(", ")}`).join(" · ")
        : [].concat(phrases).join(", ");
      row.append(el("td", option.key ?? "–"), el("td", said || "–"), el("td", option.to ?? option.action ?? option.goto ?? "–"));
      table.tBodies[0].append(row);
    }
    box.append(table);
  }

  const timeouts = node.timeouts ?? null;
  if (timeouts && Object.keys(timeouts).length > 0) {
    box.append(el("h3", "Timeouts"));
    const list = el("dl");
    for (const [name, value] of Object.entries(timeouts)) list.append(el("dt", name), el("dd", typeof value === "object" ? JSON.stringify(value) : String(value)));
    box.append(list);
  }
  return box;
}
