import { useState } from "preact/hooks";
import { deleteMe } from "../api/endpoints";
import type { UserView } from "../api/types";
import { t } from "../i18n";
import { Dialog, ErrorNotice } from "../ui/kit";

/** Deleting the account, after a confirmation that lists what goes (and the password, if there is one). */
export function DeleteAccount(props: { user: UserView; onDeleted: () => void }) {
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState("");
  const [error, setError] = useState<unknown>(null);
  const needsPassword = props.user.email !== null;
  const confirm = async (event: Event) => {
    event.preventDefault();
    setError(null);
    try {
      await deleteMe(needsPassword ? password : null);
      setOpen(false);
      props.onDeleted();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <section class="card danger-zone">
      <button type="button" class="button danger" onClick={() => setOpen(true)}>{t("Delete the account")}</button>
      <Dialog open={open} title={t("Delete the account?")} onClose={() => setOpen(false)}>
        <form class="form" onSubmit={confirm}>
          <p>{t("This deletes for good: your profile, progress and answers, statistics, ratings, the mistakes queue, reminders and sign-in.")}</p>
          <p><strong>{t("This cannot be undone.")}</strong></p>
          {needsPassword && (
            <label>
              {t("Your password")}
              <input type="password" name="password" required value={password} autoComplete="current-password"
                onInput={(e) => setPassword(e.currentTarget.value)} />
            </label>
          )}
          {error !== null && <ErrorNotice error={error} />}
          <div class="row">
            <button type="button" class="button secondary" onClick={() => setOpen(false)}>{t("Cancel")}</button>
            <button type="submit" class="button danger">{t("Delete for good")}</button>
          </div>
        </form>
      </Dialog>
    </section>
  );
}
