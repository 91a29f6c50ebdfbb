/** The training backend and why, in the page's language. */
import { msg, str } from "@lit/localize";
import type { TrainingBackend } from "./backend-choice.js";

/** One sentence: "cpu: WebGL here is software-rendered (…), slower than the CPU." */
export function backendWords(b: TrainingBackend): string {
  const renderer = b.renderer ?? "";
  switch (b.why) {
    case "requested":
      return msg(str`Backend: ${b.backend}, as requested.`, { id: "trainer.backend.requested" });
    case "no-worker-webgl":
      return msg("Backend: cpu (this browser gives workers no WebGL).", {
        id: "trainer.backend.no-webgl",
      });
    case "software-webgl":
      return msg(
        str`Backend: cpu. WebGL here is software-rendered (${renderer}), slower than the CPU.`,
        { id: "trainer.backend.software" },
      );
    case "gpu":
      return msg(str`Backend: webgl, on the GPU through an OffscreenCanvas (${renderer}).`, {
        id: "trainer.backend.gpu",
      });
    case "webgl-failed":
      return msg("Backend: cpu (webgl failed to start in the worker).", {
        id: "trainer.backend.failed",
      });
  }
}
