// Training, adaptive mode and work on mistakes: one question at a time, the verdict with its
// explanation, then Next; Skip and Report before answering; Finish for the session's summary.
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError } from "../api/client";
import { answer, finishSession, nextQuestion, skip } from "../api/endpoints";
import type { AnswerResult, AnswerValue, QuestionView, SessionSummary, TrainingMode } from "../api/types";
import { t } from "../i18n";
import { ErrorNotice, Loading, Screen } from "../ui/kit";
import { AnswerForm } from "./AnswerForm";
import { QuestionCard } from "./QuestionCard";
import { ReportButton } from "./ReportDialog";
import { Empty, Summary } from "./TrainEnd";
import { Verdict } from "./Verdict";

export type State =
  | { phase: "loading" }
  | { phase: "question"; question: QuestionView; value: AnswerValue | null; sending: boolean; error?: unknown }
  | { phase: "verdict"; question: QuestionView; value: AnswerValue; result: AnswerResult }
  | { phase: "empty"; code: string; detail: string; sessionId: number | null }
  | { phase: "summary"; summary: SessionSummary }
  | { phase: "failed"; error: unknown };

const TITLES: Record<TrainingMode, () => string> = {
  training: () => t("Training"),
  adaptive: () => t("Adaptive mode"),
  mistakes: () => t("Work on mistakes"),
};

export function Train(props: { mode: TrainingMode }) {
  const [state, setState] = useState<State>({ phase: "loading" });
  const [sessionId, setSessionId] = useState<number | null>(null);
  const shownAt = useRef(Date.now());

  const load = async () => {
    setState({ phase: "loading" });
    try {
      const question = await nextQuestion(props.mode);
      shownAt.current = Date.now();
      setSessionId(question.session_id);
      setState({ phase: "question", question, value: null, sending: false });
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        const id = typeof error.problem.session_id === "number" ? error.problem.session_id : sessionId;
        setState({ phase: "empty", code: error.code, detail: error.detail, sessionId: id });
      } else setState({ phase: "failed", error });
    }
  };
  useEffect(() => {
    load();
  }, [props.mode]);

  const submit = async (question: QuestionView, value: AnswerValue) => {
    setState({ phase: "question", question, value, sending: true });
    try {
      const result = await answer(question.served_id, value, Date.now() - shownAt.current);
      setState({ phase: "verdict", question, value, result });
    } catch (error) {
      setState({ phase: "question", question, value, sending: false, error });
    }
  };
  const skipIt = async (question: QuestionView) => {
    try {
      await skip(question.served_id);
      await load();
    } catch (error) {
      setState({ phase: "failed", error });
    }
  };
  const finish = async (id: number) => {
    try {
      setState({ phase: "summary", summary: await finishSession(id) });
      setSessionId(null);
    } catch (error) {
      setState({ phase: "failed", error });
    }
  };

  return (
    <Screen title={TITLES[props.mode]()}>
      {state.phase === "loading" && <Loading />}
      {state.phase === "failed" && <ErrorNotice error={state.error} onRetry={load} />}
      {state.phase === "question" && (
        <QuestionCard question={state.question}>
          <AnswerForm key={state.question.served_id} question={state.question} value={state.value}
            disabled={state.sending}
            onChange={(value) => setState({ ...state, value })}
            onSubmit={(value) => submit(state.question, value)} />
          {state.error !== undefined && <ErrorNotice error={state.error} />}
          <div class="row actions">
            <button type="button" class="button secondary" onClick={() => skipIt(state.question)}>
              {t("Skip")}
            </button>
            <ReportButton questionId={state.question.question_id} />
          </div>
        </QuestionCard>
      )}
      {state.phase === "verdict" && (
        <QuestionCard question={state.question}>
          <AnswerForm question={state.question} value={state.value} disabled onChange={() => {}} />
          <Verdict result={state.result} />
          <div class="row actions">
            <button type="button" class="button primary" autoFocus onClick={load}>{t("Next")}</button>
            <ReportButton questionId={state.question.question_id} />
          </div>
        </QuestionCard>
      )}
      {state.phase === "empty" && <Empty state={state} onFinish={finish} />}
      {state.phase === "summary" && <Summary summary={state.summary} onAgain={load} />}
      {sessionId !== null && (state.phase === "question" || state.phase === "verdict") && (
        <p class="footer-actions">
          <button type="button" class="button link" onClick={() => finish(sessionId)}>{t("Finish the session")}</button>
        </p>
      )}
    </Screen>
  );
}
