// The answer controls for the four question types; shared by training (answers at once) and the
// paper (answers are saved and can be changed until hand-in).
import { useState } from "preact/hooks";
import type { AnswerValue, QuestionView } from "../api/types";
import { t } from "../i18n";

interface Props {
  question: QuestionView;
  value: AnswerValue | null;
  onChange: (value: AnswerValue) => void;
  onSubmit?: (value: AnswerValue) => void; // training: a choice is the answer
  disabled?: boolean;
  submitLabel?: string;
}

export function AnswerForm(props: Props) {
  const { question, value, disabled } = props;
  const choose = (choice: AnswerValue) => {
    props.onChange(choice);
    props.onSubmit?.(choice);
  };
  if (question.type === "yes_no") {
    return (
      <div class="choices two" role="group" aria-label={t("Your answer")}>
        {[true, false].map((choice) => (
          <button type="button" class="choice" aria-pressed={value === choice} disabled={disabled}
            onClick={() => choose(choice)}>
            {choice ? t("Yes") : t("No")}
          </button>
        ))}
      </div>
    );
  }
  if (question.type === "one") {
    return (
      <div class="choices" role="group" aria-label={t("Your answer")}>
        {question.options.map((option, index) => (
          <button type="button" class="choice" aria-pressed={value === index} disabled={disabled}
            onClick={() => choose(index)}>
            {option}
          </button>
        ))}
      </div>
    );
  }
  if (question.type === "multiple") return <Multiple {...props} />;
  return <OpenAnswer {...props} />;
}

function Multiple(props: Props) {
  const picked = Array.isArray(props.value) ? props.value : [];
  const toggle = (index: number) => {
    const next = picked.includes(index) ? picked.filter((i) => i !== index) : [...picked, index].sort((a, b) => a - b);
    props.onChange(next);
  };
  return (
    <fieldset class="choices" disabled={props.disabled}>
      <legend class="hint">{t("Choose every right option")}</legend>
      {props.question.options.map((option, index) => (
        <label class="choice check">
          <input type="checkbox" checked={picked.includes(index)} onChange={() => toggle(index)} />
          <span>{option}</span>
        </label>
      ))}
      {props.onSubmit && (
        <button type="button" class="button primary" disabled={props.disabled || picked.length === 0}
          onClick={() => props.onSubmit!(picked)}>
          {props.submitLabel ?? t("Answer")}
        </button>
      )}
    </fieldset>
  );
}

function OpenAnswer(props: Props) {
  const [text, setText] = useState(typeof props.value === "string" ? props.value : "");
  const submit = (event: Event) => {
    event.preventDefault();
    if (text.trim()) props.onSubmit ? props.onSubmit(text) : props.onChange(text);
  };
  return (
    <form class="open-answer" onSubmit={submit}>
      <label>
        <span class="hint">{t("Your answer")}</span>
        <input name="answer" value={text} disabled={props.disabled} maxLength={500} autoComplete="off"
          onInput={(e) => setText(e.currentTarget.value)}
          onBlur={() => !props.onSubmit && text.trim() && text !== props.value && props.onChange(text)} />
      </label>
      <button type="submit" class="button primary" disabled={props.disabled || !text.trim()}>
        {props.submitLabel ?? t("Answer")}
      </button>
    </form>
  );
}
