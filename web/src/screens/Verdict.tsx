import type { AnswerResult } from "../api/types";
import { formatNumber, nt, t } from "../i18n";

/** The verdict after an answer: right, partly right or wrong, the right answer and the explanation. */
export function Verdict(props: { result: AnswerResult }) {
  const { result } = props;
  const tone = result.correct ? "ok" : result.score > 0 ? "partial" : "bad";
  const headline = result.correct ? t("Correct!") : result.score > 0 ? t("Partly right") : t("Not right");
  return (
    <section class={"verdict " + tone} aria-live="polite" data-verdict={tone}>
      <p class="verdict-headline">
        <span aria-hidden="true">{result.correct ? "✓ " : result.score > 0 ? "◐ " : "✗ "}</span>
        {headline}{" "}
        <span class="verdict-points">
          {nt("{points} of {n} point", "{points} of {n} points", result.max_points,
            { points: formatNumber(result.points, 2) })}
        </span>
      </p>
      {!result.correct && (
        <p>
          <strong>{t("Right answer:")}</strong> {result.correct_answer_text}
        </p>
      )}
      {result.explanation && <p class="explanation">{result.explanation}</p>}
    </section>
  );
}
