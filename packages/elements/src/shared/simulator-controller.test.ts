import { LitElement } from "lit";
import { afterEach, describe, expect, it } from "vitest";
import type { Simulator } from "@convstep/engine";
import { lenet1998Input } from "@convstep/engine";
import { SimulatorController, type SimulatorControllerOptions } from "./simulator-controller.js";
import { lenetSimulator, syntheticSeven } from "../test-utils/fixtures.js";

/** A host that counts its updates. */
class CountingHost extends LitElement {
  updates = 0;
  controller!: SimulatorController;
  configure(options: SimulatorControllerOptions): void {
    this.controller = new SimulatorController(this, options);
  }
  protected override updated(): void {
    this.updates++;
  }
}
customElements.define("cs-test-counting-host", CountingHost);

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanup) f();
  cleanup = [];
});

async function host(
  sim: Simulator,
  options: SimulatorControllerOptions = {},
): Promise<CountingHost> {
  const el = document.createElement("cs-test-counting-host") as CountingHost;
  el.configure(options);
  document.body.append(el);
  cleanup.push(() => el.remove());
  el.controller.simulator = sim;
  await el.updateComplete;
  el.updates = 0;
  return el;
}

describe("SimulatorController", () => {
  it("a run of LeNet's 8 layers updates the host once, after the trace is complete", async () => {
    const { simulator, dispose } = await lenetSimulator();
    cleanup.push(dispose);
    const el = await host(simulator);
    let duringRun = 0;
    simulator.addEventListener(
      "layer-computed",
      () => void (duringRun += el.isUpdatePending ? 1 : 0),
    );
    const digit = syntheticSeven().map((v) => 1 - v);
    await simulator.run(lenet1998Input(digit));
    await el.updateComplete;
    expect(duringRun).toBe(0);
    expect(el.updates).toBe(1);
  });

  it("without `shows`, every cursor move updates the host", async () => {
    const { simulator, dispose } = await lenetSimulator();
    cleanup.push(dispose);
    const el = await host(simulator);
    simulator.cursor.setGranularity("neuron");
    await el.updateComplete;
    el.updates = 0;
    for (let i = 0; i < 3; i++) {
      simulator.cursor.next();
      await el.updateComplete;
    }
    expect(el.updates).toBe(3);
  });

  it("with `shows` = the cursor's layer, neuron steps within a layer do not update; a new layer does", async () => {
    const { simulator, dispose } = await lenetSimulator();
    cleanup.push(dispose);
    const el = await host(simulator, { shows: (sim) => [sim.cursor.position.layer] });
    simulator.cursor.setGranularity("neuron");
    for (let i = 0; i < 5; i++) {
      simulator.cursor.next();
      await el.updateComplete;
    }
    expect(simulator.cursor.position.layer).toBe(0);
    expect(el.updates).toBe(0);
    simulator.cursor.moveTo({ layer: 1 });
    await el.updateComplete;
    expect(el.updates).toBe(1);
  });
});
