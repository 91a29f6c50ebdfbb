import { describe, expect, it } from "vitest";
import { createProgress, progressBar, progressMode } from "./progress.js";

function capture() {
  const out: string[] = [];
  return { out, write: (t: string) => void out.push(t) };
}

describe("progress", () => {
  it("picks off for --json, one rewritten line on a TTY, plain lines when piped", () => {
    expect(progressMode(true, true)).toBe("off");
    expect(progressMode(false, true)).toBe("tty");
    expect(progressMode(false, false)).toBe("lines");
  });

  it("draws a 20-cell bar: 0.25 → 5 filled", () => {
    expect(progressBar(0.25)).toBe("[#####...............]");
    expect(progressBar(2)).toBe(`[${"#".repeat(20)}]`);
  });

  it("lines mode prints once per tenth crossed, each a whole line", () => {
    const c = capture();
    const p = createProgress("lines", c.write);
    for (let i = 1; i <= 40; i++) p.update(`step ${i}`, i / 40);
    p.done();
    expect(c.out).toHaveLength(10);
    expect(c.out[0]).toBe("[##..................] 10% step 4\n");
    expect(c.out.every((l) => l.endsWith("\n") && !l.includes("\r"))).toBe(true);
  });

  it("tty mode rewrites one line and clears it at the end; off mode writes nothing", () => {
    const c = capture();
    const p = createProgress("tty", c.write);
    p.update("a", 0.5);
    p.done();
    expect(c.out).toEqual(["\r\x1b[2K[##########..........] 50% a", "\r\x1b[2K"]);
    const quiet = capture();
    const q = createProgress("off", quiet.write);
    q.update("a", 1);
    q.done();
    expect(quiet.out).toEqual([]);
  });
});
