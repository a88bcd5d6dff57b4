// What training gives you: every choice with the number of questions it would leave.
import { useState } from "preact/hooks";
import { filterOptions, putFilters, resetFilters } from "../api/endpoints";
import type { FilterOptions, FilterSettings, QuestionType } from "../api/types";
import { nt, t } from "../i18n";
import { ErrorNotice, Link, Loading, Screen } from "../ui/kit";
import { stageName } from "../ui/stages";
import { useLoad } from "../ui/useLoad";

type ListKey = "subjects" | "themes" | "sources" | "stages" | "types";

export function typeName(type: QuestionType): string {
  return { yes_no: t("Yes or no"), one: t("One answer"), multiple: t("Several answers"), open: t("Open answer") }[type];
}

export function Filters() {
  const options = useLoad(filterOptions);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const apply = async (change: (filter: FilterSettings) => FilterSettings | null) => {
    if (!options.data) return;
    setBusy(true);
    setError(null);
    try {
      const next = change(options.data.filter);
      next === null ? await resetFilters() : await putFilters(next);
      options.set(await filterOptions());
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const toggle = (key: ListKey, value: string | number) =>
    apply((filter) => {
      const list = filter[key] as (string | number)[];
      return { ...filter, [key]: list.includes(value) ? list.filter((v) => v !== value) : [...list, value] };
    });

  return (
    <Screen title={t("Filters")}>
      {options.loading && !options.data && <Loading />}
      {options.error !== undefined && <ErrorNotice error={options.error} onRetry={options.reload} />}
      {options.data && (
        <>
          <p class="lead" role="status" aria-live="polite">
            {nt("{n} question matches", "{n} questions match", options.data.matching)}
          </p>
          {error !== null && <ErrorNotice error={error} />}
          <Group title={t("Subjects")} busy={busy} items={options.data.subjects.map((o) => ({
            label: o.name, count: o.questions, selected: o.selected, onToggle: () => toggle("subjects", o.code) }))} />
          <Group title={t("Themes")} busy={busy} items={options.data.themes.map((o) => ({
            label: o.name, count: o.questions, selected: o.selected, onToggle: () => toggle("themes", o.id) }))} />
          <Group title={t("Olympiads")} busy={busy} items={options.data.sources.map((o) => ({
            label: `${o.olympiad} · ${stageName(o.stage)} · ${o.year}`, count: o.questions, selected: o.selected,
            onToggle: () => toggle("sources", o.id) }))} />
          <Group title={t("Stages")} busy={busy} items={options.data.stages.map((o) => ({
            label: stageName(String(o.value)), count: o.questions, selected: o.selected, onToggle: () => toggle("stages", o.value) }))} />
          <Group title={t("Question types")} busy={busy} items={options.data.types.map((o) => ({
            label: typeName(o.value as QuestionType), count: o.questions, selected: o.selected,
            onToggle: () => toggle("types", o.value) }))} />
          <Subway options={options.data} busy={busy} onToggle={() =>
            apply((filter) => ({ ...filter, only_may_in_subway: !filter.only_may_in_subway }))} />
          <div class="row actions">
            <Link to="/train" class="button primary">{t("Train")}</Link>
            <button type="button" class="button secondary" disabled={busy} onClick={() => apply(() => null)}>
              {t("Reset the filters")}
            </button>
          </div>
        </>
      )}
    </Screen>
  );
}

interface Item {
  label: string;
  count: number;
  selected: boolean;
  onToggle: () => void;
}

function Group(props: { title: string; items: Item[]; busy: boolean }) {
  if (props.items.length === 0) return null;
  return (
    <fieldset class="card chips">
      <legend>{props.title}</legend>
      <p class="hint">{t("Nothing chosen: any")}</p>
      <div class="chip-list">
        {props.items.map((item) => (
          <button type="button" class="chip" aria-pressed={item.selected} disabled={props.busy} onClick={item.onToggle}>
            <span>{item.label}</span> <span class="count">{item.count}</span>
          </button>
        ))}
      </div>
    </fieldset>
  );
}

function Subway(props: { options: FilterOptions; busy: boolean; onToggle: () => void }) {
  return (
    <div class="card">
      <label class="switch">
        <input type="checkbox" checked={props.options.filter.only_may_in_subway} disabled={props.busy}
          onChange={props.onToggle} />
        <span>{t("Only questions you can solve without paper")}</span>
        <span class="count">{props.options.may_in_subway}</span>
      </label>
    </div>
  );
}
