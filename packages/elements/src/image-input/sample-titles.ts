/**
 * Localized captions of the bundled sample photographs (cs-image-input and cs-conv-window show
 * them with each photo): "Chelsea the cat — Stefan van der Walt, CC0".
 */
import { msg, str } from "@lit/localize";
import type { SamplePhoto } from "@convstep/models";

/** The photo's title in the page's language (the list's English title for an unknown file). */
export function sampleTitle(photo: SamplePhoto): string {
  switch (photo.file) {
    case "chelsea.jpg":
      return msg("Chelsea the cat", { id: "image-input.sample-chelsea" });
    case "coffee.jpg":
      return msg("A cup of coffee", { id: "image-input.sample-coffee" });
    case "astronaut.jpg":
      return msg("Astronaut Eileen Collins", { id: "image-input.sample-astronaut" });
    case "rocket.jpg":
      return msg("DSCOVR launch on a Falcon 9", { id: "image-input.sample-rocket" });
    case "camera.jpg":
      return msg("The cameraman", { id: "image-input.sample-camera" });
    default:
      return photo.title;
  }
}

/** Its licence in the page's language. */
export function sampleLicence(photo: SamplePhoto): string {
  return photo.licence === "public domain"
    ? msg("public domain", { id: "image-input.licence-public-domain" })
    : photo.licence;
}

/** "Chelsea the cat — Stefan van der Walt, CC0", localized. */
export function sampleCaption(photo: SamplePhoto): string {
  const title = sampleTitle(photo);
  const licence = sampleLicence(photo);
  return msg(str`${title} — ${photo.credit}, ${licence}`, { id: "image-input.caption" });
}
