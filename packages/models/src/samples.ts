/**
 * The sample photographs shipped in this package's `samples/` folder (made by
 * `scripts/make-samples.ts`; credits in `samples/NOTICE.md`). The image widgets load them from
 * `<asset base>/samples/<file>`. All are CC0 or public domain, from scikit-image 0.19.3's sample
 * data as Debian's `python3-skimage` ships it.
 */

/** One bundled photograph. */
export interface SamplePhoto {
  /** File name under `samples/`. */
  readonly file: string;
  /** What it shows, as a short caption ("Chelsea the cat"). */
  readonly title: string;
  /** Photographer or credit line. */
  readonly credit: string;
  /** Licence ("CC0", "public domain"). */
  readonly licence: string;
  /** Shipped size in pixels. */
  readonly width: number;
  readonly height: number;
  /** `grey` for a greyscale photograph (stored as RGB with equal channels). */
  readonly colour: "rgb" | "grey";
  /** The original's file name in scikit-image's data folder, and its size. */
  readonly original: string;
  readonly originalSize: readonly [width: number, height: number];
  /** Where the original comes from. */
  readonly source: string;
}

/** The shorter side of every shipped photograph, in pixels (≥ AlexNet's 227). */
export const SAMPLE_SHORT_SIDE = 256;

const SKIMAGE = "scikit-image 0.19.3 sample data (Debian python3-skimage)";

/** The bundled photographs, in the order the widgets offer them. */
export const SAMPLE_PHOTOS: readonly SamplePhoto[] = [
  {
    file: "chelsea.jpg",
    title: "Chelsea the cat",
    credit: "Stefan van der Walt",
    licence: "CC0",
    width: 385,
    height: 256,
    colour: "rgb",
    original: "chelsea.png",
    originalSize: [451, 300],
    source: SKIMAGE,
  },
  {
    file: "coffee.jpg",
    title: "A cup of coffee",
    credit: "Rachel Michetti, courtesy of Pikolo Espresso Bar",
    licence: "CC0",
    width: 384,
    height: 256,
    colour: "rgb",
    original: "coffee.png",
    originalSize: [600, 400],
    source: SKIMAGE,
  },
  {
    file: "astronaut.jpg",
    title: "Astronaut Eileen Collins",
    credit: "NASA",
    licence: "public domain",
    width: 256,
    height: 256,
    colour: "rgb",
    original: "astronaut.png",
    originalSize: [512, 512],
    source: SKIMAGE,
  },
  {
    file: "rocket.jpg",
    title: "DSCOVR launch on a Falcon 9",
    credit: "SpaceX",
    licence: "public domain",
    width: 384,
    height: 256,
    colour: "rgb",
    original: "rocket.jpg",
    originalSize: [640, 427],
    source: SKIMAGE,
  },
  {
    file: "camera.jpg",
    title: "The cameraman",
    credit: "Lav Varshney",
    licence: "CC0",
    width: 256,
    height: 256,
    colour: "grey",
    original: "camera.png",
    originalSize: [512, 512],
    source: SKIMAGE,
  },
];

/** The bundled photograph with this file name, or undefined. */
export function samplePhoto(file: string): SamplePhoto | undefined {
  return SAMPLE_PHOTOS.find((p) => p.file === file);
}

/** Its caption: "Chelsea the cat — Stefan van der Walt, CC0". */
export function sampleCredit(photo: SamplePhoto): string {
  return `${photo.title} — ${photo.credit}, ${photo.licence}`;
}
