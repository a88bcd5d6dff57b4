// Every text of the app is translated into Russian, and the catalogs hold no text the app no longer uses.
import { describe, expect, it } from "vitest";
// @ts-expect-error: plain JavaScript build scripts
import { collectMessages } from "../scripts/extract-messages.mjs";
// @ts-expect-error: plain JavaScript build scripts
import { readCatalogs } from "../scripts/po-catalogs.mjs";

const used: Map<string, { plural?: string }> = collectMessages();
const catalogs: Record<string, Record<string, string | string[]>> = readCatalogs();

describe("catalogs", () => {
  it("translate every text into Russian, plurals in three forms", () => {
    const missing = [...used].filter(([id, entry]) => {
      const found = catalogs.ru[id];
      return entry.plural ? !(Array.isArray(found) && found.length === 3 && found.every(Boolean)) : !found;
    });
    expect(missing.map(([id]) => id)).toEqual([]);
  });

  it("keep the placeholders of each text", () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort().join();
    for (const [id] of used) {
      const found = catalogs.ru[id];
      for (const form of Array.isArray(found) ? found : [found]) {
        expect(placeholders(form), id).toBe(placeholders(id));
      }
    }
  });

  it("hold only texts the app uses", () => {
    for (const language of ["ru", "en"]) {
      expect(Object.keys(catalogs[language]).filter((id) => !used.has(id))).toEqual([]);
    }
  });
});
