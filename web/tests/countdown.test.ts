import { describe, expect, it } from "vitest";
import { formatClock } from "../src/screens/Countdown";

describe("formatClock", () => {
  it("shows minutes and seconds, hours when there are any, never below zero", () => {
    expect(formatClock(1799.2)).toBe("30:00");
    expect(formatClock(59)).toBe("00:59");
    expect(formatClock(3725)).toBe("1:02:05");
    expect(formatClock(-3)).toBe("00:00");
  });
});
