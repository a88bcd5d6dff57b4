import type { SimulationResult } from "../api/types";
import { formatNumber, formatPercent, nt, t } from "../i18n";
import { Link } from "../ui/kit";

/** After hand-in: the score, each theme (weakest first) and each question with its explanation. */
export function Debrief(props: { result: SimulationResult; onAnother: () => void }) {
  const { result } = props;
  return (
    <section class="debrief" aria-live="polite">
      <div class="card">
        <h2>{t("Your result")}</h2>
        {result.timed_out && <p class="hint">{t("The time ran out: the paper was handed in automatically.")}</p>}
        <p class="score">
          <strong>{formatNumber(result.points, 2)}</strong>{" "}
          {nt("of {n} point", "of {n} points", result.max_points)}
        </p>
        <p>{t("{correct} of {size} right, {answered} answered",
          { correct: result.correct, size: result.size, answered: result.answered })}</p>
      </div>
      <div class="card">
        <h2>{t("By theme")}</h2>
        <ul class="bars">
          {result.themes.map((theme) => {
            const share = theme.max_points ? theme.points / theme.max_points : 0;
            return (
              <li>
                <span class="bar-label">{theme.theme}</span>
                <span class="bar-value">
                  {formatNumber(theme.points, 2)} / {theme.max_points} · {theme.correct}/{theme.questions}
                </span>
                <span class="bar-track" aria-hidden="true"><span class="bar-fill" style={{ width: formatPercent(share) }} /></span>
              </li>
            );
          })}
        </ul>
      </div>
      <div class="card">
        <h2>{t("Questions")}</h2>
        <ol class="verdicts">
          {result.items.map((item) => (
            <li class={item.correct ? "ok" : item.points > 0 ? "partial" : "bad"}>
              <details>
                <summary>
                  <span aria-hidden="true">{item.correct ? "✓" : item.points > 0 ? "◐" : "✗"}</span>{" "}
                  {t("Question {n}", { n: item.position })} · {item.theme} · {formatNumber(item.points, 2)} / {item.max_points}
                  {item.answer === null && " · " + t("no answer")}
                </summary>
                {!item.correct && <p><strong>{t("Right answer:")}</strong> {item.correct_answer_text}</p>}
                {item.explanation && <p class="explanation">{item.explanation}</p>}
              </details>
            </li>
          ))}
        </ol>
      </div>
      <div class="row">
        <button type="button" class="button primary" onClick={props.onAnother}>{t("Another paper")}</button>
        <Link to="/stats" class="button secondary">{t("Statistics")}</Link>
      </div>
    </section>
  );
}
