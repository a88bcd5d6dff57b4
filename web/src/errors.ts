// What the user reads when a request fails: the server's problem, in the user's language.
import { ApiError } from "./api/client";
import { t } from "./i18n";

export function errorText(error: unknown): string {
  if (!(error instanceof ApiError)) return t("Something went wrong. Please try again.");
  switch (error.code) {
    case "network":
      return t("No connection to the server. Check the internet and try again.");
    case "invalid_credentials":
      return t("Wrong email or password.");
    case "email_taken":
      return t("This email is already registered: sign in instead.");
    case "init_data_refused":
      return t("Telegram could not confirm who you are. Close the app and open it from the bot again.");
    case "account_gone":
      return t("This account no longer exists.");
    case "no_question_matches_filters":
      return t("No question matches your filters. Change them to train.");
    case "already_linked":
      return t("This account is already linked to Telegram.");
    case "unknown_timezone":
      return t("Your device's time zone is unknown to the server.");
    case "not_enough_questions":
      return t("The bank has too few questions for this paper.");
  }
  if (error.status === 422) return validationText(error);
  if (error.status === 429) {
    return t("Too many attempts. Try again in a few minutes.");
  }
  if (error.status === 401) return t("Please sign in again.");
  if (error.status === 503) return t("The server is busy. Try again in a moment.");
  return t("Something went wrong. Please try again.");
}

function validationText(error: ApiError): string {
  const errors = (error.problem.errors as { loc?: string; msg?: string }[] | undefined) ?? [];
  const fields = errors.map((e) => e.loc?.split(".").pop() ?? "");
  if (fields.includes("password")) return t("The password must be 8 to 128 characters long.");
  if (fields.includes("email")) return t("This does not look like an email address.");
  if (fields.includes("display_name")) return t("Enter a name of 1 to 64 visible characters.");
  return t("Please check what you entered.");
}
