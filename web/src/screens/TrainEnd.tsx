// Where a training run ends: nothing left to show (and what to do about it), or the session's summary.
import type { SessionSummary } from "../api/types";
import { formatNumber, formatPercent, t } from "../i18n";
import { Link, Notice } from "../ui/kit";
import type { State } from "./Train";

export function Empty(props: { state: Extract<State, { phase: "empty" }>; onFinish: (id: number) => void }) {
  const { code, sessionId } = props.state;
  if (code === "no_reviews_due") {
    return (
      <Notice tone="ok">
        <p>{t("No mistakes are due for review now. Come back later, or train new questions.")}</p>
        <Link to="/train" class="button primary">{t("Train")}</Link>
      </Notice>
    );
  }
  if (code === "session_exhausted") {
    return (
      <Notice>
        <p>{t("You have seen every question for your filters in this session.")}</p>
        <div class="row">
          {sessionId !== null && (
            <button type="button" class="button primary" onClick={() => props.onFinish(sessionId)}>
              {t("Finish the session")}
            </button>
          )}
          <Link to="/filters" class="button secondary">{t("Change filters")}</Link>
        </div>
      </Notice>
    );
  }
  return (
    <Notice>
      <p>{t("No question matches your filters. Change them to train.")}</p>
      <Link to="/filters" class="button primary">{t("Change filters")}</Link>
    </Notice>
  );
}

export function Summary(props: { summary: SessionSummary; onAgain: () => void }) {
  const { summary } = props;
  const accuracy = summary.answered ? summary.correct / summary.answered : 0;
  return (
    <section class="card summary" aria-live="polite">
      <h2>{t("Session finished")}</h2>
      <dl class="figures">
        <div><dt>{t("Answered")}</dt><dd>{summary.answered}</dd></div>
        <div><dt>{t("Correct")}</dt><dd>{summary.correct} ({formatPercent(accuracy)})</dd></div>
        <div><dt>{t("Skipped")}</dt><dd>{summary.skipped}</dd></div>
        <div><dt>{t("Points")}</dt><dd>{formatNumber(summary.points, 2)} / {summary.max_points}</dd></div>
      </dl>
      <div class="row">
        <button type="button" class="button primary" onClick={props.onAgain}>{t("Train again")}</button>
        <Link to="/" class="button secondary">{t("Start page")}</Link>
      </div>
    </section>
  );
}
