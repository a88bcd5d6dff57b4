// Olympiad simulation: choose a paper, answer against the server's clock (a reload finds the paper
// again with its time left), hand in, read the debrief by theme.
import { useEffect, useState } from "preact/hooks";
import { ApiError } from "../api/client";
import { activeSimulation, finishSimulation, getSimulation, papers, startSimulation } from "../api/endpoints";
import type { SimulationPaper, SimulationResult, SimulationView } from "../api/types";
import { nt, t } from "../i18n";
import { ErrorNotice, Loading, Notice, Screen } from "../ui/kit";
import { stageName } from "../ui/stages";
import { useLoad } from "../ui/useLoad";
import { Debrief } from "./Debrief";
import { Paper } from "./Paper";

type State =
  | { phase: "loading" }
  | { phase: "choosing" }
  | { phase: "paper"; view: SimulationView; endsAt: number }
  | { phase: "result"; result: SimulationResult }
  | { phase: "failed"; error: unknown };

export function Simulation() {
  const [state, setState] = useState<State>({ phase: "loading" });

  const show = (view: SimulationView) => {
    if (view.finished && view.result) setState({ phase: "result", result: view.result });
    else setState({ phase: "paper", view, endsAt: Date.now() + view.seconds_left * 1000 });
  };
  const resume = async () => {
    setState({ phase: "loading" });
    try {
      show(await activeSimulation());
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) setState({ phase: "choosing" });
      else setState({ phase: "failed", error });
    }
  };
  useEffect(() => {
    resume();
  }, []);

  const start = async (paper: SimulationPaper, minutes: number) => {
    setState({ phase: "loading" });
    try {
      show(await startSimulation(paper, minutes));
    } catch (error) {
      if (error instanceof ApiError && error.code === "simulation_in_progress") await resume();
      else setState({ phase: "failed", error });
    }
  };
  const handIn = async (id: number) => {
    try {
      setState({ phase: "result", result: await finishSimulation(id) });
    } catch (error) {
      setState({ phase: "failed", error });
    }
  };
  const expired = async (id: number) => {
    try {
      show(await getSimulation(id)); // past the deadline the server finishes the paper itself
    } catch (error) {
      setState({ phase: "failed", error });
    }
  };

  return (
    <Screen title={t("Olympiad simulation")}>
      {state.phase === "loading" && <Loading />}
      {state.phase === "failed" && <ErrorNotice error={state.error} onRetry={resume} />}
      {state.phase === "choosing" && <Papers onStart={start} />}
      {state.phase === "paper" && (
        <Paper view={state.view} endsAt={state.endsAt} onHandIn={() => handIn(state.view.id)}
          onExpired={() => expired(state.view.id)} />
      )}
      {state.phase === "result" && <Debrief result={state.result} onAnother={() => setState({ phase: "choosing" })} />}
    </Screen>
  );
}

const DURATIONS = [10, 20, 30, 45, 60];

function Papers(props: { onStart: (paper: SimulationPaper, minutes: number) => void }) {
  const list = useLoad(papers);
  const [minutes, setMinutes] = useState(30);
  if (list.loading) return <Loading />;
  if (list.error !== undefined) return <ErrorNotice error={list.error} onRetry={list.reload} />;
  if (!list.data?.length) return <Notice>{t("The bank has no paper with enough questions yet.")}</Notice>;
  return (
    <>
      <p class="lead">{t("A paper of up to 8 questions against the clock. Verdicts and the debrief come at the end.")}</p>
      <label class="inline">
        {t("Time for the paper")}
        <select value={minutes} onChange={(e) => setMinutes(Number(e.currentTarget.value))}>
          {DURATIONS.map((m) => <option value={m}>{nt("{n} minute", "{n} minutes", m)}</option>)}
        </select>
      </label>
      <ul class="list">
        {list.data.map((paper) => (
          <li class="card paper-choice">
            <div>
              <strong>{paper.subject_name}</strong>
              <span class="hint">{paper.olympiad} · {stageName(paper.stage)} · {paper.year}</span>
            </div>
            <button type="button" class="button primary" onClick={() => props.onStart(paper, minutes)}
              aria-label={t("Start: {paper}", { paper: `${paper.subject_name}, ${paper.olympiad}, ${paper.year}` })}>
              {t("Start")}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
