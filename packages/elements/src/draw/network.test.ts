import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activationScale } from "./color.js";
import {
  boxValue,
  colorLut,
  drawOverlay,
  linkPath,
  linkPoint,
  lutIndex,
  mapPixels,
} from "./network.js";
import { lenetSimulator } from "../test-utils/fixtures.js";
import type { LinkSpec } from "../network/links.js";

describe("colour look-up", () => {
  it("lutIndex over [−1, 1] with 256 entries: −1 → 0, 1 → 255, 0 → 128 (127.5 rounded), beyond → clamped", () => {
    const lut = colorLut(activationScale(-1, 1));
    expect([lutIndex(lut, -1), lutIndex(lut, 1), lutIndex(lut, 0), lutIndex(lut, 9)]).toEqual([
      0, 255, 128, 255,
    ]);
  });
});

describe("mapPixels and boxValue on a real LeNet-5 trace", () => {
  let fixture: Awaited<ReturnType<typeof lenetSimulator>>;
  beforeAll(async () => {
    fixture = await lenetSimulator("1998");
  });
  afterAll(() => fixture.dispose());

  it("C3 map 4, pixel (3, 7) has the colour of the trace's value there (within LUT rounding)", () => {
    const step = fixture.simulator.trace!.step("C3");
    const scale = activationScale(step.stats.min, step.stats.max);
    const pixels = mapPixels(step.data, step.shape, 4, colorLut(scale));
    expect(pixels).toHaveLength(10 * 10 * 4);
    const expected = scale.rgb(step.valueAt(4, 3, 7));
    const p = (3 * 10 + 7) * 4;
    for (let k = 0; k < 3; k++)
      expect(Math.abs(pixels[p + k] - expected[k])).toBeLessThanOrEqual(6);
    expect(pixels[p + 3]).toBe(255);
  });

  it("boxValue: F6 unit 5 is the trace's value; C5 (1×1) map 7 its single value", () => {
    const trace = fixture.simulator.trace!;
    expect(boxValue(trace.step("F6"), 5)).toBe(trace.step("F6").valueAt(5));
    expect(boxValue(trace.step("C5"), 7)).toBeCloseTo(trace.step("C5").valueAt(7, 0, 0), 6);
  });
});

describe("drawOverlay", () => {
  const links: LinkSpec[] = [
    { key: "2:0->0", from: 0, to: 0, count: 1, x1: 0, y1: 0, x2: 50, y2: 10 },
    { key: "2:1->0", from: 1, to: 0, count: 1, x1: 0, y1: 20, x2: 50, y2: 10 },
  ];
  const svgOf = () => {
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    document.body.append(svg);
    return svg;
  };
  const base = { bands: [], rings: [], focusLayer: 2 };

  it("one path per link, keyed: redrawing the same links keeps the same nodes", () => {
    const svg = svgOf();
    drawOverlay(svg, { ...base, links, pulse: false, reducedMotion: false });
    const first = [...svg.querySelectorAll("path.link")];
    expect(first).toHaveLength(2);
    expect(first[0].getAttribute("d")).toBe(linkPath(links[0]));
    drawOverlay(svg, { ...base, links, pulse: false, reducedMotion: false });
    expect([...svg.querySelectorAll("path.link")]).toEqual(first);
    drawOverlay(svg, { ...base, links: links.slice(1), pulse: false, reducedMotion: false });
    expect(svg.querySelectorAll("path.link")).toHaveLength(1);
    svg.remove();
  });

  it("a pulse sends one dot per link; with reduced motion no dot, the links are lit instead", () => {
    const svg = svgOf();
    drawOverlay(svg, { ...base, links, pulse: true, reducedMotion: false, duration: 50 });
    expect(svg.querySelectorAll("circle.pulse")).toHaveLength(2);
    expect(svg.querySelectorAll("path.link.lit")).toHaveLength(0);
    drawOverlay(svg, { ...base, links, pulse: true, reducedMotion: true });
    expect(svg.querySelectorAll("circle.pulse")).toHaveLength(0);
    expect(svg.querySelectorAll("path.link.lit")).toHaveLength(2);
    svg.remove();
  });
});

describe("linkPoint (the pulse's way along a link)", () => {
  const l = { x1: 0, y1: 0, x2: 100, y2: 40 };
  // Worked by hand from B(t) = u³P0 + 3u²tP1 + 3ut²P2 + t³P3 with P1 = (50, 0), P2 = (50, 40).
  it("t = 0 and 1 → the link's ends; t = 0.5 → the midpoint (50, 20); t = 0.25 → (29.6875, 6.25)", () => {
    expect(linkPoint(l, 0)).toEqual({ x: 0, y: 0 });
    expect(linkPoint(l, 1)).toEqual({ x: 100, y: 40 });
    expect(linkPoint(l, 0.5)).toEqual({ x: 50, y: 20 });
    const p = linkPoint(l, 0.25);
    expect(p.x).toBeCloseTo(29.6875, 10);
    expect(p.y).toBeCloseTo(6.25, 10);
  });

  it("lies on the SVG path linkPath draws (within 0.05 px of its nearest sampled point)", () => {
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
    path.setAttribute("d", linkPath(l));
    svg.append(path);
    document.body.append(svg);
    const length = path.getTotalLength();
    for (const t of [0.1, 0.3, 0.7, 0.9]) {
      const p = linkPoint(l, t);
      let best = Infinity;
      for (let i = 0; i <= 2000; i++) {
        const q = path.getPointAtLength((i / 2000) * length);
        best = Math.min(best, Math.hypot(q.x - p.x, q.y - p.y));
      }
      expect(best, `t = ${t}`).toBeLessThan(0.05);
    }
    svg.remove();
  });
});
