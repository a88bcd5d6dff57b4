import { t } from "../i18n";

/** Olympiad stages come from the API as codes; the known ones get a name, others show as they are. */
export function stageName(code: string): string {
  const names: Record<string, () => string> = {
    school: () => t("school stage"),
    municipal: () => t("municipal stage"),
    regional: () => t("regional stage"),
    final: () => t("final stage"),
  };
  return names[code]?.() ?? code;
}
