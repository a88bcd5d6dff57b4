import type { ThemeStats } from "../api/types";
import { formatPercent, nt, t } from "../i18n";

const MAX_THEMES = 10;

function tone(accuracy: number): string {
  return accuracy >= 0.7 ? "ok" : accuracy >= 0.4 ? "partial" : "bad";
}

/** Accuracy by theme: the most practised themes, weakest first, each a bar drawn in SVG. */
export function ThemeBars(props: { themes: ThemeStats[] }) {
  const themes = [...props.themes].sort((a, b) => b.attempts - a.attempts).slice(0, MAX_THEMES)
    .sort((a, b) => a.accuracy - b.accuracy);
  if (themes.length === 0) return <p class="hint">{t("Answer a few questions to see your themes here.")}</p>;
  return (
    <ul class="theme-bars" aria-label={t("Accuracy by theme")}>
      {themes.map((theme) => (
        <li>
          <span class="bar-label">{theme.theme}</span>
          <span class="bar-value">
            {formatPercent(theme.accuracy)} · {nt("{n} answer", "{n} answers", theme.attempts)}
          </span>
          <svg class="bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
            <rect x="0" y="0" width="100" height="8" rx="4" class="track" />
            <rect x="0" y="0" width={Math.max(2, theme.accuracy * 100)} height="8" rx="4"
              class={"fill " + tone(theme.accuracy)} />
          </svg>
        </li>
      ))}
    </ul>
  );
}
