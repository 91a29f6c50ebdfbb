import type { ReactiveController } from "lit";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Granularity, Simulator } from "@convstep/engine";
import { lenetSimulator } from "../../test-utils/fixtures.js";
import { StepSync, type StepSyncOptions } from "./step-sync.js";

let sim: Simulator;
let dispose: () => void;

beforeAll(async () => {
  ({ simulator: sim, dispose } = await lenetSimulator("1998"));
});
afterAll(() => dispose());
afterEach(() => history.replaceState(null, "", `${location.pathname}${location.search}`));

/** A host with the attributes the controller reads; `reports` collects what it reports. */
function setUp(
  attributes: { id?: string; step?: string; granularity?: Granularity; syncUrl?: boolean } = {},
  options: Partial<StepSyncOptions> = {},
) {
  const reports: unknown[] = [];
  const controllers: ReactiveController[] = [];
  const host = {
    id: attributes.id ?? "",
    step: attributes.step,
    granularity: attributes.granularity,
    syncUrl: attributes.syncUrl ?? false,
    simulator: sim,
    addController: (c: ReactiveController) => controllers.push(c),
    removeController: () => {},
    requestUpdate: () => {},
    updateComplete: Promise.resolve(true),
  };
  const sync = new StepSync(host, {
    hashKey: "lenet",
    badStep: (text, layers) => `bad ${text} (${layers})`,
    report: (error) => reports.push(error),
    ...options,
  });
  for (const c of controllers) c.hostConnected?.();
  const stop = () => controllers.forEach((c) => c.hostDisconnected?.());
  return { host, sync, reports, stop };
}

const hashChanged = () =>
  new Promise((resolve) => addEventListener("hashchange", resolve, { once: true }));

describe("StepSync", () => {
  it('step "C3:4:2,3" → cursor at layer 2, map 4, (2, 3), neuron granularity; success reported as undefined', () => {
    const { sync, reports, stop } = setUp({ step: "C3:4:2,3" });
    sync.apply(true);
    expect(sim.cursor.neuron).toEqual({ layer: 2, channel: 4, y: 2, x: 3 });
    expect(sim.cursor.granularity).toBe("neuron");
    expect(reports).toEqual([undefined]);
    stop();
  });

  it('step "C9:1" names no layer → an INPUT error in the explorer\'s words, listing the layers', () => {
    sim.cursor.moveTo({ layer: 0, channel: 0, y: 0, x: 0 });
    const { sync, reports, stop } = setUp({ step: "C9:1" });
    sync.apply(true);
    expect(reports).toHaveLength(1);
    const error = reports[0] as Error & { code: string };
    expect(error.code).toBe("INPUT");
    expect(error.message).toBe("bad C9 (C1, S2, C3, S4, C5, flatten, F6, output)");
    expect(sim.cursor.neuron.layer).toBe(0);
    stop();
  });

  it('step "C3:99" (C3 has 16 maps) → the cursor\'s own error is reported', () => {
    const { sync, reports, stop } = setUp({ step: "C3:99" });
    sync.apply(true);
    expect(reports).toHaveLength(1);
    expect(String((reports[0] as Error).message)).toContain("99");
    stop();
  });

  it("syncing: the hash beats the step at start; moves write the hash under the id or the key; edits move the cursor", async () => {
    history.replaceState(null, "", "#lenet=S2:3:1,2@neuron");
    const { sync, stop } = setUp({ step: "C3", syncUrl: true });
    sync.apply(true);
    expect(sim.cursor.neuron).toEqual({ layer: 1, channel: 3, y: 1, x: 2 });
    sim.cursor.setGranularity("channel");
    sim.cursor.moveTo({ layer: 2, channel: 4 });
    sync.cursorMoved();
    expect(location.hash).toBe("#lenet=C3:4@channel");
    const changed = hashChanged();
    location.hash = "#lenet=C5:7@channel";
    await changed;
    expect(sim.cursor.neuron).toMatchObject({ layer: 4, channel: 7 });
    stop();

    const named = setUp({ id: "mine", syncUrl: true });
    expect(named.sync.key).toBe("mine");
    named.sync.cursorMoved();
    expect(location.hash).toBe("#lenet=C5:7@channel&mine=C5:7@channel");
    named.stop();
  });

  it("a hash change back to the hash it wrote: left alone with ignoreOwnHash, followed without", async () => {
    for (const ignoreOwnHash of [true, false]) {
      history.replaceState(null, "", `${location.pathname}${location.search}`);
      sim.cursor.setGranularity("channel");
      sim.cursor.moveTo({ layer: 2, channel: 4 });
      const { sync, stop } = setUp({ syncUrl: true }, { ignoreOwnHash });
      sync.cursorMoved(); // writes #lenet=C3:4@channel
      let changed = hashChanged();
      location.hash = "#lenet=C1:5@channel";
      await changed;
      expect(sim.cursor.neuron).toMatchObject({ layer: 0, channel: 5 });
      changed = hashChanged();
      location.hash = "#lenet=C3:4@channel";
      await changed;
      expect(sim.cursor.neuron).toMatchObject(
        ignoreOwnHash ? { layer: 0, channel: 5 } : { layer: 2, channel: 4 },
      );
      stop();
    }
  });

  it("after the host disconnects, hash changes are not followed", async () => {
    sim.cursor.moveTo({ layer: 0, channel: 1 });
    const { stop } = setUp({ syncUrl: true });
    stop();
    const changed = hashChanged();
    location.hash = "#lenet=C5:2@channel";
    await changed;
    expect(sim.cursor.neuron).toMatchObject({ layer: 0, channel: 1 });
  });
});
