// A Vite plugin: `import catalogs from "virtual:catalogs"` gives {ru: {msgid: msgstr | [forms]}, en: …},
// compiled from locales/*.po at build time, so translators edit .po files as for the bot.
import { readFileSync, readdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import gettextParser from "gettext-parser";

const LOCALES = join(dirname(fileURLToPath(import.meta.url)), "..", "locales");
const ID = "virtual:catalogs";

export function compileCatalog(text) {
  const parsed = gettextParser.po.parse(text);
  const messages = {};
  for (const entries of Object.values(parsed.translations)) {
    for (const [msgid, entry] of Object.entries(entries)) {
      if (!msgid || entry.comments?.flag?.includes("fuzzy")) continue;
      const forms = entry.msgstr.filter(Boolean);
      if (forms.length === 0) continue; // untranslated: the English msgid stands
      messages[msgid] = entry.msgid_plural ? entry.msgstr : entry.msgstr[0];
    }
  }
  return messages;
}

export function readCatalogs() {
  const catalogs = {};
  for (const file of readdirSync(LOCALES).filter((name) => name.endsWith(".po"))) {
    catalogs[file.slice(0, -3)] = compileCatalog(readFileSync(join(LOCALES, file), "utf8"));
  }
  return catalogs;
}

export function poCatalogs() {
  return {
    name: "po-catalogs",
    resolveId: (id) => (id === ID ? "\0" + ID : null),
    load(id) {
      if (id !== "\0" + ID) return null;
      for (const file of readdirSync(LOCALES)) this.addWatchFile(join(LOCALES, file));
      return `export default ${JSON.stringify(readCatalogs())};`;
    },
  };
}
