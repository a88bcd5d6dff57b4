import type { Grade } from "../api/types";
import { t } from "../i18n";

export const GRADES: Grade[] = ["5", "6", "7", "8", "9", "10", "11", "student", "teacher"];

export function gradeName(grade: Grade): string {
  if (grade === "student") return t("University student");
  if (grade === "teacher") return t("Teacher");
  return t("Grade {n}", { n: grade });
}
