// The start page: what to do next, a paper in progress, mistakes waiting for review.
import { useEffect, useState } from "preact/hooks";
import { activeSimulation, dueReviews } from "../api/endpoints";
import type { SimulationView, UserView } from "../api/types";
import { nt, t } from "../i18n";
import { Icon } from "../ui/icons";
import { Link } from "../ui/kit";

export function Home(props: { user: UserView }) {
  const [paper, setPaper] = useState<SimulationView | null>(null);
  const [due, setDue] = useState<number | null>(null);
  useEffect(() => {
    document.title = "APO";
    activeSimulation().then((view) => setPaper(view.finished ? null : view), () => setPaper(null));
    dueReviews().then((reviews) => setDue(reviews.due), () => setDue(null));
  }, []);

  return (
    <main class="screen">
      <h1>{t("Hello, {name}!", { name: props.user.display_name })}</h1>
      {paper && (
        <Link to="/sim" class="banner">
          <strong>{t("A paper is in progress")}</strong>
          <span>{t("{subject}: continue before the time runs out", { subject: paper.subject_name })}</span>
        </Link>
      )}
      {props.user.grade === null && (
        <Link to="/cabinet" class="banner quiet">
          <span>{t("Tell us your grade in the cabinet: the leaderboard and papers use it.")}</span>
        </Link>
      )}
      <nav class="tiles" aria-label={t("What to do")}>
        <Link to="/train" class="tile primary">
          <Icon name="train" class="tile-icon" />
          <span class="tile-title">{t("Train")}</span>
          <span class="tile-hint">{t("Questions for your filters")}</span>
        </Link>
        <Link to="/train/adaptive" class="tile">
          <Icon name="adaptive" class="tile-icon" />
          <span class="tile-title">{t("Adaptive mode")}</span>
          <span class="tile-hint">{t("Questions at your level")}</span>
        </Link>
        <Link to="/train/mistakes" class="tile">
          <Icon name="mistakes" class="tile-icon" />
          <span class="tile-title">{t("Work on mistakes")}</span>
          <span class="tile-hint">
            {due === null ? t("Review what you got wrong") : due === 0 ? t("Nothing due now")
              : nt("{n} question due", "{n} questions due", due)}
          </span>
        </Link>
        <Link to="/sim" class="tile">
          <Icon name="sim" class="tile-icon" />
          <span class="tile-title">{t("Olympiad simulation")}</span>
          <span class="tile-hint">{t("A timed paper with a debrief")}</span>
        </Link>
        <Link to="/stats" class="tile">
          <Icon name="stats" class="tile-icon" />
          <span class="tile-title">{t("Statistics")}</span>
          <span class="tile-hint">{t("Progress and the leaderboard")}</span>
        </Link>
        <Link to="/filters" class="tile">
          <Icon name="filters" class="tile-icon" />
          <span class="tile-title">{t("Filters")}</span>
          <span class="tile-hint">{t("Subjects, themes, stages")}</span>
        </Link>
        <Link to="/cabinet" class="tile">
          <Icon name="cabinet" class="tile-icon" />
          <span class="tile-title">{t("Cabinet")}</span>
          <span class="tile-hint">{t("Name, grade, language, reminders")}</span>
        </Link>
      </nav>
    </main>
  );
}
