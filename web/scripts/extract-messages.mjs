// `npm run i18n:extract`: collects the msgids of t() and nt() in src/ into locales/messages.pot and
// merges them into every locales/*.po (translations kept, new entries empty, unused ones dropped).
// Then translate the new entries (ru.po; en.po may stay empty: the English msgid stands).
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import gettextParser from "gettext-parser";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const STRING = String.raw`"((?:[^"\\]|\\.)*)"`;
const SINGLE = new RegExp(String.raw`\bt\(\s*${STRING}`, "g");
const PLURAL = new RegExp(String.raw`\bnt\(\s*${STRING}\s*,\s*${STRING}`, "g");

function* sources(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (/\.tsx?$/.test(name)) yield path;
  }
}

/** msgid -> {plural?, references[]} in the order they appear. */
export function collectMessages() {
  const messages = new Map();
  for (const path of sources(join(ROOT, "src"))) {
    const text = readFileSync(path, "utf8");
    const where = (index) => `${relative(ROOT, path)}:${text.slice(0, index).split("\n").length}`;
    for (const match of text.matchAll(PLURAL)) {
      const id = JSON.parse(`"${match[1]}"`);
      const entry = messages.get(id) ?? { references: [] };
      entry.plural = JSON.parse(`"${match[2]}"`);
      entry.references.push(where(match.index));
      messages.set(id, entry);
    }
    for (const match of text.matchAll(SINGLE)) {
      const id = JSON.parse(`"${match[1]}"`);
      const entry = messages.get(id) ?? { references: [] };
      entry.references.push(where(match.index));
      messages.set(id, entry);
    }
  }
  return messages;
}

const PLURAL_FORMS = {
  ru: "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
  en: "nplurals=2; plural=(n != 1);",
};

function catalog(language, messages, old) {
  const translations = { "": { "": { msgid: "", msgstr: [""] } } };
  for (const [msgid, entry] of messages) {
    const previous = old?.[msgid];
    const forms = entry.plural ? (language === "ru" ? 3 : 2) : 1;
    translations[""][msgid] = {
      msgid,
      ...(entry.plural ? { msgid_plural: entry.plural } : {}),
      msgstr: previous?.msgstr?.length === forms ? previous.msgstr : Array(forms).fill(""),
      comments: { reference: entry.references.join(" ") },
    };
  }
  const headers = { "Content-Type": "text/plain; charset=UTF-8", "Project-Id-Version": "APO Trainer web app" };
  if (language) Object.assign(headers, { Language: language, "Plural-Forms": PLURAL_FORMS[language] });
  return gettextParser.po.compile({ charset: "utf-8", headers, translations }, { foldLength: 100 }).toString() + "\n";
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const messages = collectMessages();
  const locales = join(ROOT, "locales");
  writeFileSync(join(locales, "messages.pot"), catalog(null, messages));
  for (const file of readdirSync(locales).filter((name) => name.endsWith(".po"))) {
    const path = join(locales, file);
    const old = gettextParser.po.parse(readFileSync(path, "utf8")).translations[""];
    writeFileSync(path, catalog(file.slice(0, -3), messages, old));
  }
  console.log(`${messages.size} messages`);
}
