/** The tfjs backend of the command line: the CPU backend, without tfjs' "install tfjs-node" notice. */
import * as tf from "@tensorflow/tfjs-core";
import { selectBackend } from "@convstep/engine";

/** Selects tfjs' CPU backend (the engine loads it), quietly. Call once before making tensors. */
export async function useCpuBackend(): Promise<void> {
  tf.env().set("PROD", true);
  await selectBackend("cpu");
}
