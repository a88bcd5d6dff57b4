import type { DayActivity } from "../api/types";
import { locale, nt, t } from "../i18n";

const DAYS = 90; // today and the 89 days before it, as /stats/me keeps them
const CELL = 12;
const GAP = 3;

function isoDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
}

function level(attempts: number, most: number): number {
  if (attempts === 0) return 0;
  return Math.min(4, Math.ceil((attempts / most) * 4));
}

/** The last 13 weeks, a column per week and a row per weekday (Monday on top); darker: more answers. */
export function ActivityHeatmap(props: { daily: DayActivity[]; today?: Date }) {
  const byDay = new Map(props.daily.map((day) => [day.day, day]));
  const today = props.today ?? new Date();
  const oldest = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (DAYS - 1));
  const first = new Date(oldest.getFullYear(), oldest.getMonth(), oldest.getDate() - ((oldest.getDay() + 6) % 7));
  const cells = [];
  const most = Math.max(1, ...props.daily.map((day) => day.attempts));
  const format = new Intl.DateTimeFormat(locale(), { day: "numeric", month: "short" });
  for (let i = 0; i < DAYS + 7; i++) { // from the Monday of the oldest day's week to today
    const date = new Date(first.getFullYear(), first.getMonth(), first.getDate() + i);
    if (date > today) break;
    const activity = byDay.get(isoDay(date));
    const attempts = activity?.attempts ?? 0;
    cells.push(
      <rect x={Math.floor(i / 7) * (CELL + GAP)} y={(i % 7) * (CELL + GAP)} width={CELL} height={CELL} rx="2"
        class={`day l${level(attempts, most)}`} data-day={isoDay(date)}>
        <title>{`${format.format(date)}: ${nt("{n} answer", "{n} answers", attempts)}`}</title>
      </rect>,
    );
  }
  const weeks = Math.ceil(cells.length / 7);
  const active = props.daily.filter((day) => day.attempts > 0);
  const total = active.reduce((sum, day) => sum + day.attempts, 0);
  return (
    <figure class="chart heatmap">
      <svg viewBox={`0 0 ${weeks * (CELL + GAP) - GAP} ${7 * (CELL + GAP) - GAP}`} role="img"
        aria-label={t("Activity over the last 90 days")}>
        {cells}
      </svg>
      <figcaption class="hint">
        {nt("{n} active day", "{n} active days", active.length)} · {nt("{n} answer", "{n} answers", total)}
      </figcaption>
    </figure>
  );
}
