import { useState } from "preact/hooks";
import { ApiError } from "../api/client";
import { saveSimulationAnswer } from "../api/endpoints";
import type { AnswerValue, SimulationView } from "../api/types";
import { nt, t } from "../i18n";
import { Dialog, ErrorNotice } from "../ui/kit";
import { AnswerForm } from "./AnswerForm";
import { Countdown } from "./Countdown";
import { QuestionCard } from "./QuestionCard";

/** A paper in progress: the clock, a question at a time, answers saved as they are given. */
export function Paper(props: { view: SimulationView; endsAt: number; onHandIn: () => void; onExpired: () => void }) {
  const { view } = props;
  const [answers, setAnswers] = useState<Record<number, AnswerValue | null>>(() =>
    Object.fromEntries(view.items.map((item) => [item.question.served_id, item.answer])));
  const [index, setIndex] = useState(() => Math.max(0, view.items.findIndex((item) => item.answer === null)));
  const [saving, setSaving] = useState<"idle" | "saving" | "saved" | { error: unknown }>("idle");
  const [confirming, setConfirming] = useState(false);
  const item = view.items[index];
  const answered = Object.values(answers).filter((value) => value !== null).length;

  const save = async (value: AnswerValue) => {
    const servedId = item.question.served_id;
    setAnswers((old) => ({ ...old, [servedId]: value }));
    setSaving("saving");
    try {
      await saveSimulationAnswer(view.id, servedId, value);
      setSaving("saved");
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) props.onExpired(); // closed on the server
      else setSaving({ error });
    }
  };

  return (
    <section class="paper">
      <div class="paper-bar">
        <Countdown endsAt={props.endsAt} onExpired={props.onExpired} />
        <span class="hint">{t("{answered} of {size} answered", { answered, size: view.size })}</span>
      </div>
      <nav class="pills" aria-label={t("Questions of the paper")}>
        {view.items.map((it, i) => (
          <button type="button" class={"pill-button" + (answers[it.question.served_id] !== null ? " done" : "")}
            aria-current={i === index ? "step" : undefined} onClick={() => setIndex(i)}
            aria-label={t("Question {n}", { n: it.position })}>
            {it.position}
          </button>
        ))}
      </nav>
      <QuestionCard question={item.question} position={`${item.position}/${view.size}`}>
        <AnswerForm key={item.question.served_id} question={item.question} value={answers[item.question.served_id]}
          onChange={save} submitLabel={t("Save the answer")}
          onSubmit={item.question.type === "open" ? save : undefined} />
        <p class="hint" role="status">
          {saving === "saving" ? t("Saving…") : saving === "saved" ? t("Answer saved") : ""}
        </p>
        {typeof saving === "object" && <ErrorNotice error={saving.error} />}
      </QuestionCard>
      <div class="row actions">
        <button type="button" class="button secondary" disabled={index === 0} onClick={() => setIndex(index - 1)}>
          {t("Previous")}
        </button>
        <button type="button" class="button secondary" disabled={index === view.items.length - 1}
          onClick={() => setIndex(index + 1)}>
          {t("Next")}
        </button>
        <button type="button" class="button primary" onClick={() => setConfirming(true)}>{t("Hand in")}</button>
      </div>
      <Dialog open={confirming} title={t("Hand in the paper?")} onClose={() => setConfirming(false)}>
        <p>
          {answered < view.size
            ? nt("{n} question has no answer yet.", "{n} questions have no answer yet.", view.size - answered)
            : t("Every question has an answer.")}
        </p>
        <div class="row">
          <button type="button" class="button secondary" onClick={() => setConfirming(false)}>{t("Go on")}</button>
          <button type="button" class="button primary" onClick={() => (setConfirming(false), props.onHandIn())}>
            {t("Hand in")}
          </button>
        </div>
      </Dialog>
    </section>
  );
}
