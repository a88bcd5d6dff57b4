// Every call the web app makes, one function each (tests check each route is in the OpenAPI document).
import { request } from "./client";
import type {
  AdaptiveQuestion, AnswerResult, AnswerValue, DueReviews, FilterOptions, FilterSettings, FilterState, Grade,
  Leaderboard, QuestionView, ReminderSettings, SessionSummary, SessionView, SimulationAnswerSaved,
  SimulationPaper, SimulationResult, SimulationView, TelegramLinkView, TrainingMode, UserStats, UserView,
} from "./types";

export interface Registration {
  email: string;
  password: string;
  display_name: string;
  grade: Grade | null;
  locale: "ru" | "en";
}

export const register = (body: Registration) => request<UserView>("POST", "/auth/register", body);
export const signIn = (email: string, password: string) =>
  request<SessionView>("POST", "/auth/session", { email, password });
export const signOut = () => request<void>("DELETE", "/auth/session");

export const getMe = () => request<UserView>("GET", "/me");
export const patchMe = (changes: Partial<Pick<UserView, "display_name" | "grade" | "locale">>) =>
  request<UserView>("PATCH", "/me", changes);
export const deleteMe = (password: string | null) =>
  request<void>("DELETE", "/me", password === null ? {} : { password });
export const createTelegramLink = () => request<TelegramLinkView>("POST", "/me/telegram-link");

export const nextQuestion = (mode: TrainingMode) =>
  request<QuestionView | AdaptiveQuestion>("GET", `/training/next?mode=${mode}`);
export const answer = (servedId: number, value: AnswerValue, elapsedMs: number) =>
  request<AnswerResult>("POST", "/training/answers", { served_id: servedId, answer: value, elapsed_ms: elapsedMs });
export const skip = (servedId: number) => request<void>("POST", "/training/skip", { served_id: servedId });
export const finishSession = (sessionId: number) =>
  request<SessionSummary>("POST", `/training/sessions/${sessionId}/finish`);
export const report = (questionId: number, text: string) =>
  request<unknown>("POST", "/reports", { question_id: questionId, text });

export const papers = () => request<SimulationPaper[]>("GET", "/simulations/papers");
export const startSimulation = (paper: SimulationPaper, minutes: number) =>
  request<SimulationView>("POST", "/simulations", {
    subject: paper.subject, olympiad: paper.olympiad, stage: paper.stage, year: paper.year,
    size: Math.min(8, paper.questions), minutes,
  });
export const activeSimulation = () => request<SimulationView>("GET", "/simulations/active");
export const getSimulation = (id: number) => request<SimulationView>("GET", `/simulations/${id}`);
export const saveSimulationAnswer = (id: number, servedId: number, value: AnswerValue) =>
  request<SimulationAnswerSaved>("PUT", `/simulations/${id}/answers/${servedId}`, { answer: value });
export const finishSimulation = (id: number) => request<SimulationResult>("POST", `/simulations/${id}/finish`);

export const myStats = () => request<UserStats>("GET", "/stats/me");
export const leaderboard = (period: "week" | "all") =>
  request<Leaderboard>("GET", `/stats/leaderboard?period=${period}`);

export const filterOptions = () => request<FilterOptions>("GET", "/filters/options");
export const putFilters = (filter: FilterSettings) => request<FilterState>("PUT", "/filters", filter);
export const resetFilters = () => request<FilterState>("DELETE", "/filters");

export const dueReviews = () => request<DueReviews>("GET", "/reviews/due?limit=0");
export const reminders = () => request<ReminderSettings>("GET", "/reminders");
export const enableReminders = (hour: number, timezone: string) =>
  request<ReminderSettings>("PUT", "/reminders", { hour, timezone });
export const disableReminders = () => request<ReminderSettings>("DELETE", "/reminders");
