// Statistics from /stats/me, drawn in the browser, and the leaderboard.
import { useState } from "preact/hooks";
import { leaderboard, myStats } from "../api/endpoints";
import type { UserView } from "../api/types";
import { ActivityHeatmap } from "../charts/ActivityHeatmap";
import { ThemeBars } from "../charts/ThemeBars";
import { formatNumber, formatPercent, nt, t } from "../i18n";
import { ErrorNotice, Loading, Screen } from "../ui/kit";
import { useLoad } from "../ui/useLoad";

export function Stats(props: { user: UserView }) {
  const stats = useLoad(myStats);
  return (
    <Screen title={t("Statistics")}>
      {stats.loading && <Loading />}
      {stats.error !== undefined && <ErrorNotice error={stats.error} onRetry={stats.reload} />}
      {stats.data && (
        <>
          <section class="card">
            <dl class="figures" data-testid="totals">
              <div><dt>{t("Answers")}</dt><dd>{stats.data.totals.attempts}</dd></div>
              <div><dt>{t("Accuracy")}</dt><dd>{formatPercent(stats.data.totals.accuracy)}</dd></div>
              <div><dt>{t("Points")}</dt><dd>{formatNumber(stats.data.totals.points, 2)}</dd></div>
              <div>
                <dt>{t("Streak")}</dt>
                <dd>{nt("{n} day", "{n} days", stats.data.streak.current)}</dd>
              </div>
            </dl>
            <p class="hint">{t("Best streak: {days}", { days: nt("{n} day", "{n} days", stats.data.streak.best) })}</p>
          </section>
          <section class="card">
            <h2>{t("Accuracy by theme")}</h2>
            <ThemeBars themes={stats.data.themes} />
          </section>
          <section class="card">
            <h2>{t("Activity over the last 90 days")}</h2>
            <ActivityHeatmap daily={stats.data.daily} />
          </section>
        </>
      )}
      <Board me={props.user.id} />
    </Screen>
  );
}

function Board(props: { me: number }) {
  const [period, setPeriod] = useState<"week" | "all">("week");
  const board = useLoad(() => leaderboard(period), [period]);
  const entries = board.data?.entries ?? [];
  const me = board.data?.me;
  return (
    <section class="card">
      <h2>{t("Leaderboard")}</h2>
      <div class="tabs small" role="tablist">
        <button type="button" role="tab" class="tab" aria-selected={period === "week"} onClick={() => setPeriod("week")}>
          {t("This week")}
        </button>
        <button type="button" role="tab" class="tab" aria-selected={period === "all"} onClick={() => setPeriod("all")}>
          {t("All time")}
        </button>
      </div>
      {board.error !== undefined && <ErrorNotice error={board.error} onRetry={board.reload} />}
      {board.data && entries.length === 0 && <p class="hint">{t("Nobody has points here yet.")}</p>}
      {entries.length > 0 && (
        <ol class="leaderboard">
          {entries.map((entry) => (
            <li class={entry.user_id === props.me ? "me" : undefined}>
              <span class="rank">{entry.rank}</span>
              <span class="name">{entry.display_name ?? t("(deleted account)")}</span>
              <span class="value">{formatNumber(entry.points, 2)}</span>
            </li>
          ))}
        </ol>
      )}
      {me && !entries.some((entry) => entry.user_id === props.me) && (
        <p class="hint">{t("Your place: {rank} with {points} points", { rank: me.rank, points: formatNumber(me.points, 2) })}</p>
      )}
    </section>
  );
}
