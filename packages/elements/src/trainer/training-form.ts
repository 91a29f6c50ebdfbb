/**
 * The parts of a training form that cs-trainer and cs-activation-race share: the learning rate,
 * batch size and epochs fields, and the start / pause-or-resume / reset buttons.
 */
import { msg } from "@lit/localize";
import { html, type TemplateResult } from "lit";

/** What the fields show and whether they can be edited. */
export interface TrainingFieldsView {
  /** The text of each field (a refused attribute value stays in its field). */
  readonly learningRate: string;
  readonly batchSize: string;
  readonly epochs: string;
  /** A run is under way or paused: the settings are fixed until reset. */
  readonly locked: boolean;
}

/** The learning-rate, batch-size and epochs fields. */
export function trainingFields(view: TrainingFieldsView): TemplateResult {
  const field = (label: string, name: string, mode: string, value: string) =>
    html`<label
      >${label}
      <input name=${name} inputmode=${mode} ?disabled=${view.locked} .value=${value} />
    </label>`;
  return html`${field(
    msg("Learning rate", { id: "trainer.rate" }),
    "learningRate",
    "decimal",
    view.learningRate,
  )}
  ${field(msg("Batch size", { id: "trainer.batch" }), "batchSize", "numeric", view.batchSize)}
  ${field(msg("Epochs", { id: "trainer.epochs" }), "epochs", "numeric", view.epochs)}`;
}

/** The state the buttons follow and what they do. */
export interface RunButtonsView {
  /** The submit button's words ("Start", "Run the race"). */
  readonly startLabel: string;
  readonly busy: boolean;
  readonly paused: boolean;
  readonly pause: () => void;
  readonly resume: () => void;
  readonly reset: () => void;
}

/** Start (the form's submit), Pause or Resume, and Reset. */
export function runButtons(view: RunButtonsView): TemplateResult {
  return html`<div class="buttons">
    <button type="submit" class="primary start" ?disabled=${view.busy || view.paused}>
      ${view.startLabel}
    </button>
    ${
      view.paused
        ? html`<button type="button" class="resume" @click=${view.resume}>
            ${msg("Resume", { id: "trainer.resume" })}
          </button>`
        : html`<button type="button" class="pause" ?disabled=${!view.busy} @click=${view.pause}>
            ${msg("Pause", { id: "trainer.pause" })}
          </button>`
    }
    <button type="button" class="reset" @click=${view.reset}>
      ${msg("Reset", { id: "trainer.reset" })}
    </button>
  </div>`;
}
