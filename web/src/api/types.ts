// The REST API's shapes the web app reads. Each interface is the OpenAPI component of the same name
// (only the fields used); tests/e2e/web/test_api_contract.py checks every field against the document.

export type Grade = "5" | "6" | "7" | "8" | "9" | "10" | "11" | "student" | "teacher";
export type QuestionType = "yes_no" | "one" | "multiple" | "open";
export type AnswerValue = boolean | number | number[] | string;
export type TrainingMode = "training" | "adaptive" | "mistakes";

export interface UserView {
  id: number;
  display_name: string;
  grade: Grade | null;
  locale: "ru" | "en";
  timezone: string;
  telegram_id: number | null;
  email: string | null;
  telegram_linked: boolean;
}

export interface SessionView {
  expires_at: string;
}

export interface TelegramLinkView {
  code: string;
  deep_link: string | null;
  expires_at: string;
}

export interface SourceView {
  olympiad: string;
  stage: string;
  year: number;
}

export interface QuestionView {
  served_id: number;
  session_id: number | null;
  question_id: number;
  subject_name: string;
  theme: string;
  type: QuestionType;
  text: string;
  options: string[];
  points: number;
  source: SourceView | null;
  image_url?: string | null; // issue 16 adds it; shown full width when present
}

export interface AdaptiveQuestion extends QuestionView {
  mode: "adaptive" | "mistakes";
  predicted_success: number;
  reviews_due: number;
}

export interface AnswerResult {
  served_id: number;
  correct: boolean;
  score: number;
  points: number;
  max_points: number;
  correct_answer_text: string;
  explanation: string;
}

export interface SessionSummary {
  session_id: number;
  answered: number;
  correct: number;
  skipped: number;
  points: number;
  max_points: number;
}

export interface SimulationPaper {
  subject: string;
  subject_name: string;
  olympiad: string;
  stage: string;
  year: number;
  questions: number;
}

export interface SimulationItem {
  position: number;
  question: QuestionView;
  answer: AnswerValue | null;
}

export interface ItemVerdict {
  position: number;
  served_id: number;
  theme: string;
  answer: AnswerValue | null;
  correct: boolean;
  points: number;
  max_points: number;
  correct_answer_text: string;
  explanation: string;
}

export interface ThemeDebrief {
  theme: string;
  questions: number;
  correct: number;
  points: number;
  max_points: number;
}

export interface SimulationResult {
  simulation_id: number;
  points: number;
  max_points: number;
  correct: number;
  answered: number;
  size: number;
  timed_out: boolean;
  items: ItemVerdict[];
  themes: ThemeDebrief[];
}

export interface SimulationView {
  id: number;
  subject_name: string;
  source: SourceView;
  size: number;
  deadline: string;
  seconds_left: number;
  finished: boolean;
  items: SimulationItem[];
  result: SimulationResult | null;
}

export interface SimulationAnswerSaved {
  answered: number;
  size: number;
  seconds_left: number;
}

export interface CounterView {
  attempts: number;
  correct: number;
  points: number;
  max_points: number;
  accuracy: number;
}

export interface ThemeStats extends CounterView {
  subject: string;
  theme: string;
}

export interface DayActivity {
  day: string;
  attempts: number;
  correct: number;
  points: number;
}

export interface StreakView {
  current: number;
  best: number;
}

export interface UserStats {
  totals: CounterView;
  themes: ThemeStats[];
  streak: StreakView;
  daily: DayActivity[];
}

export interface LeaderboardEntry {
  rank: number;
  user_id: number;
  display_name: string | null;
  points: number;
  attempts: number;
}

export interface Leaderboard {
  period: "week" | "all";
  entries: LeaderboardEntry[];
  me: LeaderboardEntry | null;
}

export interface SubjectOption {
  code: string;
  name: string;
  questions: number;
  selected: boolean;
}

export interface ThemeOption {
  id: number;
  subject: string;
  name: string;
  questions: number;
  selected: boolean;
}

export interface SourceOption {
  id: number;
  olympiad: string;
  stage: string;
  year: number;
  questions: number;
  selected: boolean;
}

export interface ValueOption {
  value: string | number;
  questions: number;
  selected: boolean;
}

export interface FilterSettings {
  subjects: string[];
  themes: number[];
  sources: number[];
  stages: string[];
  types: QuestionType[];
  difficulty_min: number;
  difficulty_max: number;
  only_may_in_subway: boolean;
}

export interface FilterState {
  filter: FilterSettings;
  matching: number;
}

export interface FilterOptions extends FilterState {
  subjects: SubjectOption[];
  themes: ThemeOption[];
  sources: SourceOption[];
  stages: ValueOption[];
  types: ValueOption[];
  difficulties: ValueOption[];
  may_in_subway: number;
}

export interface ReminderSettings {
  enabled: boolean;
  hour: number | null;
  timezone: string | null;
}

export interface DueReviews {
  due: number;
}
