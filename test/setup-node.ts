// Node tests run on tfjs's CPU backend, quietly.
import "@tensorflow/tfjs-backend-cpu";
import * as tf from "@tensorflow/tfjs-core";

tf.env().set("PROD", true);
await tf.setBackend("cpu");
await tf.ready();
