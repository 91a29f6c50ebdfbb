/** Korean messages shared by every element (see ../ko.ts). */
import { str } from "@lit/localize";

export const templates = {
  "common.loading": "불러오는 중…",
  "common.error": "오류",
  "common.untrained": "학습되지 않은 가중치",
  "common.reason.no-webgl": "이 브라우저에서는 WebGL을 쓸 수 없음",
  "common.reason.unknown-renderer": "WebGL은 있으나 렌더러를 알 수 없어 GPU로 간주함",
  "common.reason.software": str`WebGL이 소프트웨어(${0})로 그려져 wasm이 약 30배 빠름`,
  "common.reason.gpu": str`WebGL이 GPU(${0})에서 실행됨`,
};
