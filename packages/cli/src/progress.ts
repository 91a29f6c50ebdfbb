/**
 * Progress of long work (training, experiments) on stderr: on a terminal one line rewritten in
 * place, when piped a plain line now and then, and nothing at all for `--json`.
 */

/** How progress is shown. */
export type ProgressMode = "tty" | "lines" | "off";

/** A progress reporter: `update` as often as you like, `done` once at the end. */
export interface Progress {
  update(text: string, fraction: number): void;
  done(): void;
}

/** The mode for a run: off for JSON, one rewritten line on a TTY, plain lines otherwise. */
export function progressMode(json: boolean, isTTY = Boolean(process.stderr.isTTY)): ProgressMode {
  if (json) return "off";
  return isTTY ? "tty" : "lines";
}

/** A bar of `width` cells for a fraction 0–1: `[#####.....]`. */
export function progressBar(fraction: number, width = 20): string {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}]`;
}

/**
 * A reporter writing to `write` (stderr). `lines` mode prints when the fraction crosses the next
 * tenth, so that a log stays short; `tty` mode rewrites one line at most every 100 ms.
 */
export function createProgress(mode: ProgressMode, write: (text: string) => void): Progress {
  let nextTenth = 0.1;
  let lastDraw = 0;
  let drawn = false;
  return {
    update(text, fraction) {
      if (mode === "off") return;
      const line = `${progressBar(fraction)} ${Math.round(fraction * 100)}% ${text}`;
      if (mode === "lines") {
        if (fraction + 1e-9 >= nextTenth) {
          write(`${line}\n`);
          while (nextTenth <= fraction + 1e-9) nextTenth += 0.1;
        }
        return;
      }
      const now = Date.now();
      if (now - lastDraw < 100 && fraction < 1) return;
      lastDraw = now;
      drawn = true;
      write(`\r\x1b[2K${line}`);
    },
    done() {
      if (mode === "tty" && drawn) write("\r\x1b[2K");
    },
  };
}
