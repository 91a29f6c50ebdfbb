/**
 * A test card drawn in the page, for when a photo cannot be read: colour bars, a grey ramp, a
 * disc and a chequerboard, so conv1's edge and colour kernels still have something to find.
 */

/** A `side × side` canvas with the test card. */
export function syntheticPhoto(side: number): HTMLCanvasElement {
  const canvas = document.createElement("canvas");
  canvas.width = side;
  canvas.height = side;
  const ctx = canvas.getContext("2d");
  if (!ctx) return canvas;
  const bars = ["#f2f2f2", "#f2f200", "#00f2f2", "#00f200", "#f200f2", "#f20000", "#0000f2"];
  const barW = side / bars.length;
  bars.forEach((colour, i) => {
    ctx.fillStyle = colour;
    ctx.fillRect(i * barW, 0, barW + 1, side * 0.55);
  });
  const ramp = ctx.createLinearGradient(0, 0, side, 0);
  ramp.addColorStop(0, "#000");
  ramp.addColorStop(1, "#fff");
  ctx.fillStyle = ramp;
  ctx.fillRect(0, side * 0.55, side, side * 0.15);
  const cell = side / 16;
  for (let y = 0; y < 5; y++)
    for (let x = 0; x < 16; x++) {
      ctx.fillStyle = (x + y) % 2 === 0 ? "#111" : "#eee";
      ctx.fillRect(x * cell, side * 0.7 + y * cell, cell, cell);
    }
  ctx.fillStyle = "#e07a10";
  ctx.beginPath();
  ctx.arc(side / 2, side * 0.3, side * 0.16, 0, 2 * Math.PI);
  ctx.fill();
  return canvas;
}
