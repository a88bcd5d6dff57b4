import { useState } from "preact/hooks";
import { report } from "../api/endpoints";
import { t } from "../i18n";
import { Dialog, ErrorNotice } from "../ui/kit";

/** "Report a mistake in this question": the text goes to the admins (POST /reports). */
export function ReportButton(props: { questionId: number }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [state, setState] = useState<"editing" | "sending" | "sent" | { error: unknown }>("editing");
  const send = async (event: Event) => {
    event.preventDefault();
    setState("sending");
    try {
      await report(props.questionId, text);
      setState("sent");
      setText("");
    } catch (error) {
      setState({ error });
    }
  };
  const close = () => {
    setOpen(false);
    if (state === "sent") setState("editing");
  };
  return (
    <>
      <button type="button" class="button link" onClick={() => setOpen(true)}>
        {t("Report a mistake")}
      </button>
      <Dialog open={open} title={t("Report a mistake in the question")} onClose={close}>
        {state === "sent" ? (
          <>
            <p role="status">{t("Thank you! The admins will look at it.")}</p>
            <button type="button" class="button primary" onClick={close}>{t("Close")}</button>
          </>
        ) : (
          <form class="form" onSubmit={send}>
            <label>
              {t("What is wrong?")}
              <textarea name="report" rows={4} maxLength={2000} required value={text}
                onInput={(e) => setText(e.currentTarget.value)} />
            </label>
            {typeof state === "object" && <ErrorNotice error={state.error} />}
            <div class="row">
              <button type="button" class="button secondary" onClick={close}>{t("Cancel")}</button>
              <button type="submit" class="button primary" disabled={state === "sending" || !text.trim()}>
                {t("Send")}
              </button>
            </div>
          </form>
        )}
      </Dialog>
    </>
  );
}
