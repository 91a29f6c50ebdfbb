/**
 * The widget's clock: advances a step counter at a rate (steps per second) on animation frames,
 * several steps per frame when the rate is high. Plain timing, no drawing.
 */
export class Playback {
  #frame = 0;
  #last = 0;
  #carry = 0;

  /**
   * @param tick Called with the number of steps due; returns false to stop (the end was reached).
   * @param rate Steps per second, read on every frame.
   */
  constructor(
    private readonly tick: (steps: number) => boolean,
    private readonly rate: () => number,
  ) {}

  /** Whether the clock runs. */
  get playing(): boolean {
    return this.#frame !== 0;
  }

  start(): void {
    if (this.#frame) return;
    this.#last = performance.now();
    // The first step comes at once, so that pressing play answers immediately.
    this.#carry = 1;
    this.#frame = requestAnimationFrame(this.#loop);
  }

  stop(): void {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  readonly #loop = (now: number): void => {
    const dt = Math.max(0, Math.min(0.25, (now - this.#last) / 1000));
    this.#last = now;
    this.#carry += dt * Math.max(0.1, this.rate());
    const steps = Math.floor(this.#carry);
    this.#carry -= steps;
    if (steps > 0 && !this.tick(steps)) {
      this.#frame = 0;
      return;
    }
    this.#frame = requestAnimationFrame(this.#loop);
  };
}

/** The automatic rate: a whole pass in about 15 s, between 2 and 400 cells a second. */
export function autoRate(cells: number): number {
  return Math.min(400, Math.max(2, cells / 15));
}
