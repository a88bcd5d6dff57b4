import type { ComponentChildren } from "preact";
import type { QuestionView } from "../api/types";
import { nt, t } from "../i18n";
import { stageName } from "../ui/stages";

/** The question as the student sees it: where it is from, its text and its picture (full width). */
export function QuestionCard(props: { question: QuestionView; position?: string; children?: ComponentChildren }) {
  const { question } = props;
  const source = question.source ? `${question.source.olympiad} · ${stageName(question.source.stage)} · ${question.source.year}` : null;
  return (
    <article class="card question" aria-labelledby={`q-${question.served_id}`}>
      <p class="meta">
        {props.position && <span class="pill">{props.position}</span>}
        <span>{question.subject_name}</span>
        <span aria-hidden="true">·</span>
        <span>{question.theme}</span>
        <span class="points">{nt("{n} point", "{n} points", question.points)}</span>
      </p>
      {source && <p class="meta source">{source}</p>}
      <p class="question-text" id={`q-${question.served_id}`}>{question.text}</p>
      {question.image_url && (
        <img class="question-image" src={question.image_url} alt={t("The picture of the question")} loading="lazy" />
      )}
      {props.children}
    </article>
  );
}
